/**
 * The claim's lifecycle (docs/rules.md §8.4): draft → submitted (frozen: the exact files, their
 * SHA-256, who and when; the month's records become read-only) → settled (the agency's result).
 * Records found after submission go into a numbered supplementary claim (补报). A month is submitted
 * only once it has ended (claimWindow.ts); a claim submitted by mistake may be withdrawn before its
 * result is imported (withdraw.ts).
 */
import type { VerifyResult } from '../../../shared/api/claims';
import { monthNotEndedReason } from '../../../shared/claims/claimWindow';
import type { Claim } from '../../../shared/claims/types';
import { supplementaryClaim } from '../../../shared/claims/supplementary';
import { isValidMonth } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { loadClaimInput } from '../dataset/loadMonth';
import { InputError, ServiceError } from '../errors';
import { serviceToday } from '../staff/staffFacts';
import { auditHead, type AuditHead } from '../audit/auditChain';
import {
  claimsOfMonth,
  getClaim,
  isSent,
  readAuditHead,
  readClaimFiles,
  readClaimRecords,
  writeAuditHead,
  writeClaim,
  writeClaimFiles,
  type StoredClaim,
} from './claimStore';
import { computeMonthClaim } from './monthClaim';
import { whileSubmitting } from './monthLock';
import type { ClaimRecords, PackageBuilder, PackageFile, PackageProgress, Submission } from './packageTypes';
import { claimJsonBytes } from '../documents/claimJson';
import { layoutOf, MANIFEST_NAME, PACKAGE_LAYOUT, sha256Hex } from '../documents/manifest';

/** What is being submitted: the month's regular claim or its next 补报. */
export interface SubmissionRequest {
  month: string;
  kind: 'regular' | 'supplementary';
  /** error issues exclude records from the claim; submitting anyway must be a deliberate choice */
  acceptErrors: boolean;
  /** the date printed on the documents (the submission day, local) */
  generatedOn: string;
  /** 申报人 and 申报时间, printed on the summary and in the manifest, stored with the claim */
  submittedBy: string;
  submittedAt: string;
  /** the audit chain's head read as the submission starts (null: an empty trail), printed in the manifest and stored with the claim */
  auditHead: AuditHead | null;
}

/** A submission made and checked, not yet stored: the claim, its sequence number, its records (as JSON) and its files. */
export interface PreparedSubmission {
  claim: Claim;
  seq: number;
  recordsJson: string;
  files: PackageFile[];
}

/**
 * Makes a submission: every read and the package, no write. It runs where the caller likes: in this
 * thread (the command line, tests), or in the claim worker on its own read connection
 * (claimOffThread.ts), so that the seconds a big month takes never stall the window.
 */
export type SubmissionPreparer = (db: LtcDatabase, request: SubmissionRequest, onProgress?: (p: PackageProgress) => void) => Promise<PreparedSubmission>;

export interface SubmitOptions {
  month: string;
  /** the audit log's actor: who is logged in, or the OS user of `ltc` */
  actor: string;
  /** 申报人 printed on the documents (`ltc submit --by`); the actor when not given */
  submittedBy?: string;
  generatedOn: string;
  acceptErrors: boolean;
  build: PackageBuilder;
  onProgress?: (p: PackageProgress) => void;
  /** by default in this thread, with `build` */
  prepare?: SubmissionPreparer;
  /** the day the month must have ended before; serviceToday() unless a test pins it */
  today?: LocalDate;
  /** 申报时间, printed in the package; localTimestamp() unless a test pins it (two submissions compared byte for byte) */
  submittedAt?: string;
}

export interface Submitted {
  claimId: number;
  claim: Claim;
  files: PackageFile[];
}

/** The month's claim and the records behind it, read in one transaction so they agree. */
function snapshot(db: LtcDatabase, month: string): { claim: Claim; records: ClaimRecords } {
  return db.transaction(() => ({ claim: computeMonthClaim(db, month), records: frozenRecords(loadClaimInput(db, month)) }));
}

/**
 * What a submission freezes of its records: what the claim and its documents read, not the residents'
 * phones and home addresses (issue 16 §3, personal data kept to what is needed). No document prints them.
 */
function frozenRecords(records: ClaimRecords): ClaimRecords {
  return { ...records, residents: records.residents.map(({ phone: _phone, address: _address, ...kept }) => kept) };
}

function refuseErrors(claim: Claim, acceptErrors: boolean): void {
  const errors = claim.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 && !acceptErrors) {
    throw new InputError(
      `本月结算还有 ${errors.length} 个错误，相关床日或服务不会被结算。请先处理；如确认按现状申报，请勾选“确认带错误申报”。`,
      errors.slice(0, 50).map((e) => ({ path: e.code, message: e.message })),
    );
  }
}

function refuseResubmission(db: LtcDatabase, month: string): void {
  const regular = claimsOfMonth(db, month).find((c) => c.summary.kind === 'regular' && isSent(c.summary));
  if (regular) {
    throw new ServiceError(
      'LOCKED',
      `${month} 已于 ${(regular.summary.submittedAt ?? '').slice(0, 16).replace('T', ' ')} 申报，不能重复申报；申报后发现的记录请做补报。`,
    );
  }
}

// Withdrawn 补报 keep their numbers: the next one never reuses a number the agency may have seen.
const nextSupplementarySeq = (db: LtcDatabase, month: string): number =>
  Math.max(
    0,
    ...claimsOfMonth(db, month)
      .filter((c) => c.summary.kind === 'supplementary')
      .map((c) => c.summary.seq),
  ) + 1;

export const notYetSubmitted = (month: string): string => `${month} 尚未申报，请直接申报本月结算，不需要补报。`;
export const nothingToSupplement = (month: string): string => `${month} 没有可补报的内容：现有记录没有超出已申报的床日或服务。`;

/** The claim to submit and its sequence number: the month's claim (申报), or what the records now add to everything already claimed (补报). */
function claimToSubmit(db: LtcDatabase, r: SubmissionRequest): { claim: Claim; records: ClaimRecords; seq: number } {
  if (r.kind === 'regular') {
    refuseResubmission(db, r.month);
    const { claim, records } = snapshot(db, r.month);
    refuseErrors(claim, r.acceptErrors);
    return { claim, records, seq: 0 };
  }
  const sent = claimsOfMonth(db, r.month).filter((c) => isSent(c.summary));
  if (!sent.some((c) => c.summary.kind === 'regular')) throw new ServiceError('CONFLICT', notYetSubmitted(r.month));
  const { claim: current, records } = snapshot(db, r.month);
  const extra = supplementaryClaim(
    current,
    sent.map((c) => c.claim),
  );
  if (extra.lines.length === 0) throw new InputError(nothingToSupplement(r.month));
  refuseErrors(extra, r.acceptErrors);
  return { claim: extra, records, seq: nextSupplementarySeq(db, r.month) };
}

/** The preparer over any connection: reads, checks and builds the package with `build`. */
export function preparerWith(build: PackageBuilder): SubmissionPreparer {
  return async (db, r, onProgress) => {
    const { claim, records, seq } = claimToSubmit(db, r);
    const submission: Submission = { by: r.submittedBy, at: r.submittedAt, seq, ...(r.auditHead ? { auditHead: r.auditHead } : {}) };
    const files = await build({ claim, records, generatedOn: r.generatedOn, submission, onProgress });
    return { claim, seq, recordsJson: JSON.stringify(records), files };
  };
}

/**
 * Stores a prepared submission in one transaction. The checks are made again inside it: another
 * window (or the command line) may have submitted the month while this package was being built.
 */
function commit(db: LtcDatabase, p: PreparedSubmission, o: SubmitOptions & { auditHead: AuditHead | null }, submittedAt: string): number {
  return db.transaction(() => {
    if (p.claim.kind === 'regular') refuseResubmission(db, o.month);
    else if (nextSupplementarySeq(db, o.month) !== p.seq) {
      throw new ServiceError('CONFLICT', `${o.month} 的补报 ${p.seq} 已由他人在此期间提交，请刷新后重新补报。`);
    }
    const now = localTimestamp();
    const id = writeClaim(db, {
      claim: p.claim,
      seq: p.seq,
      status: 'submitted',
      computedAt: now,
      recordsJson: p.recordsJson,
      generatedOn: o.generatedOn,
      // the time the package prints (fixed before it was built), so that it regenerates the same
      submittedAt,
      submittedBy: o.submittedBy ?? o.actor,
    });
    writeClaimFiles(db, id, p.files);
    // the head its manifest prints, kept so the package regenerates the same and the chain can be checked against it
    if (o.auditHead) writeAuditHead(db, id, o.auditHead);
    recordAudit(db, {
      actor: o.actor,
      // 补报 is its own action in the trail, not a second 申报 of the month.
      action: p.claim.kind === 'supplementary' ? 'supplement' : 'submit',
      entity: 'claim',
      entityId: id,
      after: { month: p.claim.month, kind: p.claim.kind, seq: p.seq, totals: p.claim.totals, files: p.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    });
    return id;
  });
}

async function submit(db: LtcDatabase, kind: SubmissionRequest['kind'], o: SubmitOptions): Promise<Submitted> {
  if (!isValidMonth(o.month)) throw new InputError(`月份“${o.month}”格式不对，请写成 YYYY-MM，例如 2026-10`, [{ path: 'month', message: '应为 YYYY-MM' }]);
  const notEnded = monthNotEndedReason(o.month, o.today ?? serviceToday(), kind === 'regular' ? '申报' : '补报');
  if (notEnded) throw new ServiceError('CONFLICT', notEnded);
  const prepare = o.prepare ?? preparerWith(o.build);
  // The month's records are held from before the claim is read until it is stored (monthLock.ts).
  return whileSubmitting(db, o.month, async () => {
    const submittedAt = o.submittedAt ?? localTimestamp();
    // The trail up to this head is what the agency's copy of the manifest will vouch for.
    const head = db.transaction(() => auditHead(db.raw));
    const request = {
      month: o.month,
      kind,
      acceptErrors: o.acceptErrors,
      generatedOn: o.generatedOn,
      submittedBy: o.submittedBy ?? o.actor,
      submittedAt,
      auditHead: head,
    };
    const p = await prepare(db, request, o.onProgress);
    return { claimId: commit(db, p, { ...o, auditHead: head }, submittedAt), claim: p.claim, files: p.files };
  });
}

/** 申报: freezes the month's regular claim and stores its package. */
export const submitMonth = (db: LtcDatabase, o: SubmitOptions): Promise<Submitted> => submit(db, 'regular', o);

/** 补报: what the month's records now add to everything already claimed for the month, as its own numbered claim. */
export const submitSupplementary = (db: LtcDatabase, o: SubmitOptions): Promise<Submitted> => submit(db, 'supplementary', o);

/** Builds a submitted claim's package again from its frozen claim and records. */
export async function regenerate(
  db: LtcDatabase,
  stored: StoredClaim,
  build: PackageBuilder,
  onProgress?: (p: PackageProgress) => void,
): Promise<PackageFile[]> {
  const records = stored.hasRecords ? readClaimRecords(db, stored.summary.id) : null;
  const { generatedOn, submittedBy, submittedAt, seq } = stored.summary;
  if (!records || !generatedOn) throw new ServiceError('CONFLICT', '只有已申报的结算可以重新生成申报文件。');
  const head = readAuditHead(db, stored.summary.id);
  const submission: Submission | undefined =
    submittedBy && submittedAt ? { by: submittedBy, at: submittedAt, seq, ...(head ? { auditHead: head } : {}) } : undefined;
  return build({ claim: stored.claim, records, generatedOn, submission, onProgress });
}

/** Verifies the submitted claim `claimId` (verifyRegeneration); NOT_FOUND for a claim that does not exist. */
export function verifySubmitted(db: LtcDatabase, claimId: number, build: PackageBuilder, onProgress?: (p: PackageProgress) => void): Promise<VerifyResult> {
  const stored = getClaim(db, claimId);
  if (!stored) return Promise.reject(new ServiceError('NOT_FOUND', `找不到结算申报 ${claimId}`));
  return verifyRegeneration(db, stored, build, onProgress);
}

/** The package's data file: what no layout changes. */
const CLAIM_JSON = 'claim.json';

/**
 * True when regenerating gives exactly the stored bytes (compared by SHA-256, file by file). A package
 * made by an earlier layout of the documents (manifest `layout`, documents/manifest.ts) cannot be
 * redrawn by this program byte for byte: its stored files are checked against the SHA-256 kept at
 * submission and its manifest, and its data (claim.json, which no layout touches) is regenerated and
 * compared; the result says so (`olderLayout`).
 */
export async function verifyRegeneration(
  db: LtcDatabase,
  stored: StoredClaim,
  build: PackageBuilder,
  onProgress?: (p: PackageProgress) => void,
): Promise<VerifyResult> {
  const kept = readClaimFiles(db, stored.summary.id);
  const manifest = kept.find((f) => f.name === MANIFEST_NAME);
  const layout = manifest ? layoutOf(manifest.bytes) : PACKAGE_LAYOUT;
  if (layout !== PACKAGE_LAYOUT) {
    const differing = kept.filter((f) => sha256Hex(f.bytes) !== f.sha256).map((f) => f.name);
    const listed = (JSON.parse(new TextDecoder().decode(manifest?.bytes)) as { files: { name: string; sha256: string }[] }).files;
    for (const l of listed) if (kept.find((f) => f.name === l.name)?.sha256 !== l.sha256) differing.push(l.name);
    const json = kept.find((f) => f.name === CLAIM_JSON);
    if (!json || sha256Hex(claimJsonBytes(stored.claim)) !== json.sha256) differing.push(CLAIM_JSON);
    onProgress?.({ done: 1, total: 1, phase: '核对保存的文件' });
    const unique = [...new Set(differing)];
    return { identical: unique.length === 0, differing: unique, olderLayout: layout };
  }
  const again = new Map((await regenerate(db, stored, build, onProgress)).map((f) => [f.name, f.sha256]));
  const differing = kept.filter((f) => again.get(f.name) !== f.sha256).map((f) => f.name);
  for (const name of again.keys()) if (!kept.some((f) => f.name === name)) differing.push(name);
  return { identical: differing.length === 0, differing };
}
