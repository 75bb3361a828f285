/**
 * The claim's lifecycle (DOMAIN.md section 8): draft → submitted (frozen: the exact files, their
 * SHA-256, who and when; the month's records become read-only) → settled (the agency's result).
 * Records found after submission go into a numbered supplementary claim (补报).
 */
import type { Claim } from '../../../shared/claims/types';
import { supplementaryClaim } from '../../../shared/claims/supplementary';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { loadClaimInput } from '../dataset/loadMonth';
import { InputError, ServiceError } from '../errors';
import { claimsOfMonth, readClaimFiles, writeClaim, writeClaimFiles, type StoredClaim } from './claimStore';
import { computeMonthClaim } from './monthClaim';
import type { ClaimRecords, PackageBuilder, PackageFile, PackageProgress } from './packageTypes';

export interface SubmitOptions {
  month: string;
  actor: string;
  /** the date printed on the documents (the submission day, local) */
  generatedOn: string;
  /** error issues exclude records from the claim; submitting anyway must be a deliberate choice */
  acceptErrors: boolean;
  build: PackageBuilder;
  onProgress?: (p: PackageProgress) => void;
}

export interface Submitted {
  claimId: number;
  claim: Claim;
  files: PackageFile[];
}

/** The month's claim and the records behind it, read in one transaction so they agree. */
function snapshot(db: LtcDatabase, month: string): { claim: Claim; records: ClaimRecords } {
  return db.transaction(() => ({ claim: computeMonthClaim(db, month), records: loadClaimInput(db, month) }));
}

function refuseErrors(claim: Claim, acceptErrors: boolean): void {
  const errors = claim.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 && !acceptErrors) {
    throw new InputError(`本月结算还有 ${errors.length} 个错误，相关床日或服务不会被结算。请先处理；如确认按现状申报，请勾选“确认带错误申报”。`, errors.slice(0, 50).map((e) => ({ path: e.code, message: e.message })));
  }
}

async function freeze(db: LtcDatabase, claim: Claim, records: ClaimRecords, seq: number, o: SubmitOptions): Promise<Submitted> {
  const files = await o.build({ claim, records, generatedOn: o.generatedOn, onProgress: o.onProgress });
  const claimId = db.transaction(() => {
    const now = localTimestamp();
    const id = writeClaim(db, { claim, seq, status: 'submitted', computedAt: now, records, generatedOn: o.generatedOn, submittedAt: now, submittedBy: o.actor });
    writeClaimFiles(db, id, files);
    recordAudit(db, {
      actor: o.actor,
      action: 'submit',
      entity: 'claim',
      entityId: id,
      after: { month: claim.month, kind: claim.kind, seq, totals: claim.totals, files: files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    });
    return id;
  });
  return { claimId, claim, files };
}

/** 申报: freezes the month's regular claim and stores its package. */
export async function submitMonth(db: LtcDatabase, o: SubmitOptions): Promise<Submitted> {
  const regular = claimsOfMonth(db, o.month).find((c) => c.summary.kind === 'regular');
  if (regular && regular.summary.status !== 'draft') {
    throw new ServiceError('LOCKED', `${o.month} 已于 ${(regular.summary.submittedAt ?? '').slice(0, 16).replace('T', ' ')} 申报，不能重复申报；申报后发现的记录请做补报。`);
  }
  const { claim, records } = snapshot(db, o.month);
  refuseErrors(claim, o.acceptErrors);
  return freeze(db, claim, records, 0, o);
}

/** 补报: what the month's records now add to everything already claimed for the month. */
export async function submitSupplementary(db: LtcDatabase, o: SubmitOptions): Promise<Submitted> {
  const month = claimsOfMonth(db, o.month);
  const sent = month.filter((c) => c.summary.status !== 'draft');
  if (!sent.some((c) => c.summary.kind === 'regular')) throw new ServiceError('CONFLICT', `${o.month} 尚未申报，请直接申报本月结算，不需要补报。`);
  const { claim: current, records } = snapshot(db, o.month);
  const extra = supplementaryClaim(current, sent.map((c) => c.claim));
  if (extra.lines.length === 0) throw new InputError(`${o.month} 没有可补报的内容：现有记录没有超出已申报的床日或服务。`);
  refuseErrors(extra, o.acceptErrors);
  const seq = Math.max(0, ...month.filter((c) => c.summary.kind === 'supplementary').map((c) => c.summary.seq)) + 1;
  return freeze(db, extra, records, seq, o);
}

/** Builds a submitted claim's package again from its frozen claim and records. */
export async function regenerate(stored: StoredClaim, build: PackageBuilder): Promise<PackageFile[]> {
  if (!stored.records || !stored.summary.generatedOn) throw new ServiceError('CONFLICT', '只有已申报的结算可以重新生成申报文件。');
  return build({ claim: stored.claim, records: stored.records, generatedOn: stored.summary.generatedOn });
}

/** True when regenerating gives exactly the stored bytes (compared by SHA-256, file by file). */
export async function verifyRegeneration(db: LtcDatabase, stored: StoredClaim, build: PackageBuilder): Promise<{ identical: boolean; differing: string[] }> {
  const again = new Map((await regenerate(stored, build)).map((f) => [f.name, f.sha256]));
  const kept = readClaimFiles(db, stored.summary.id);
  const differing = kept.filter((f) => again.get(f.name) !== f.sha256).map((f) => f.name);
  for (const name of again.keys()) if (!kept.some((f) => f.name === name)) differing.push(name);
  return { identical: differing.length === 0, differing };
}
