/**
 * Stored claims: the claims table ↔ plain objects. A submitted claim's JSON and records are frozen
 * here; nothing changes a submitted row except settling it (results.ts) or withdrawing it (withdraw.ts),
 * and a withdrawn row stays as history (migration 008).
 */
import type { ClaimStatus, ClaimSummary } from '../../../shared/api/claims';
import type { Claim } from '../../../shared/claims/types';
import type { Dataset } from '../../../shared/domain/model';
import { firstNonFinite } from '../../../shared/claims/finite';
import type { AuditHead } from '../audit/auditChain';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';

/** A row as lists read it: everything but the claim and its records. */
interface SummaryRow {
  id: number;
  month: string;
  kind: 'regular' | 'supplementary';
  seq: number;
  status: ClaimStatus;
  policy_id: string;
  policy_version: string;
  computed_at: string;
  /** `{ totals, issueCounts }`, written with the claim (migration 006) */
  summary_json: string;
  generated_on: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  settled_at: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}

interface ClaimRow extends SummaryRow {
  claim_json: string;
  has_records: 0 | 1;
}

export type ClaimRecordsJson = Pick<Dataset, 'institution' | 'residents' | 'staff' | 'visits'>;

export interface StoredClaim {
  summary: ClaimSummary;
  claim: Claim;
  /** whether the records the claim was computed from are kept (once submitted): readClaimRecords */
  hasRecords: boolean;
}

// A row written without its summary (by hand, or by a tool of its own) still lists: SQLite derives it
// from the claim, as migration 006 did for the claims stored before it.
const severityCount = (severity: string) => `(SELECT count(*) FROM json_each(claim_json, '$.issues') WHERE json_extract(value, '$.severity') = '${severity}')`;
const DERIVED_SUMMARY = `json_object('totals', json(json_extract(claim_json, '$.totals')), 'issueCounts', json_object('error', ${severityCount('error')}, 'warning', ${severityCount('warning')}, 'info', ${severityCount('info')}))`;
const SUMMARY_COLUMNS = `id, month, kind, seq, status, policy_id, policy_version, computed_at, coalesce(summary_json, ${DERIVED_SUMMARY}) AS summary_json, generated_on, submitted_at, submitted_by, settled_at, withdrawn_at, withdrawn_by, withdraw_reason`;
// Not the records: a big month's are ~25 MB of JSON, and lists and month views never need them (a
// year of submitted months parsed for every list froze the window for seconds). readClaimRecords.
const COLUMNS = `${SUMMARY_COLUMNS}, claim_json, records_json IS NOT NULL AS has_records`;

type SummaryFields = Pick<ClaimSummary, 'totals' | 'issueCounts'>;

function summaryFields(claim: Claim): SummaryFields {
  const count = (s: string) => claim.issues.filter((i) => i.severity === s).length;
  return { totals: claim.totals, issueCounts: { error: count('error'), warning: count('warning'), info: count('info') } };
}

function toSummary(r: SummaryRow): ClaimSummary {
  const { totals, issueCounts } = JSON.parse(r.summary_json) as SummaryFields;
  return {
    id: r.id,
    month: r.month,
    kind: r.kind,
    seq: r.seq,
    status: r.status,
    policy: { id: r.policy_id, version: r.policy_version },
    computedAt: r.computed_at,
    generatedOn: r.generated_on,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    settledAt: r.settled_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
    withdrawReason: r.withdraw_reason,
    totals,
    issueCounts,
  };
}

function toStored(r: ClaimRow): StoredClaim {
  return { claim: JSON.parse(r.claim_json) as Claim, hasRecords: r.has_records === 1, summary: toSummary(r) };
}

export function getClaim(db: LtcDatabase, id: number): StoredClaim | null {
  const r = db.raw.prepare(`SELECT ${COLUMNS} FROM claims WHERE id = ?`).get(id) as ClaimRow | undefined;
  return r ? toStored(r) : null;
}

/** The records a submitted claim was computed from, as frozen; null for a draft. */
export function readClaimRecords(db: LtcDatabase, id: number): ClaimRecordsJson | null {
  const json = db.raw.prepare('SELECT records_json FROM claims WHERE id = ?').pluck().get(id) as string | null | undefined;
  return json ? (JSON.parse(json) as ClaimRecordsJson) : null;
}

/** Claims that stand: submitted or settled (not drafts, not withdrawn). What the month has claimed. */
export const isSent = (s: ClaimSummary): boolean => s.status === 'submitted' || s.status === 'settled';

/**
 * The month's claims: the regular one (seq 0) first, then the supplementary ones in order; withdrawn
 * ones (history) are included, each before the live claim of the same kind and number.
 */
export function claimsOfMonth(db: LtcDatabase, month: string): StoredClaim[] {
  return (
    db.raw.prepare(`SELECT ${COLUMNS} FROM claims WHERE month = ? ORDER BY kind = 'supplementary', seq, status <> 'withdrawn', id`).all(month) as ClaimRow[]
  ).map(toStored);
}

export function listClaims(db: LtcDatabase): ClaimSummary[] {
  return (db.raw.prepare(`SELECT ${SUMMARY_COLUMNS} FROM claims ORDER BY month DESC, kind = 'supplementary', seq`).all() as SummaryRow[]).map(toSummary);
}

export interface NewClaimRow {
  claim: Claim;
  seq: number;
  status: ClaimStatus;
  computedAt: string;
  /** the records the claim was computed from, as JSON (made where the claim was, off this thread) */
  recordsJson?: string;
  generatedOn?: string;
  submittedAt?: string;
  submittedBy?: string;
}

/** Inserts, or replaces the draft of the same month/kind/seq (withdrawn claims are history, never replaced). Returns the row id. */
export function writeClaim(db: LtcDatabase, row: NewClaimRow): number {
  const c = row.claim;
  const broken = firstNonFinite(c);
  if (broken) {
    throw new InputError(`结算结果中的 ${broken} 不是有效数字（通常是收费标准或记录中的数值超出范围），本次结算没有保存。请核对机构设置中的收费标准后重新计算`);
  }
  const existing = db.raw
    .prepare("SELECT id, status FROM claims WHERE month = ? AND kind = ? AND seq = ? AND status <> 'withdrawn'")
    .get(c.month, c.kind, row.seq) as { id: number; status: ClaimStatus } | undefined;
  const values = {
    month: c.month,
    kind: c.kind,
    seq: row.seq,
    status: row.status,
    policy_id: c.policy.id,
    policy_version: c.policy.version,
    computed_at: row.computedAt,
    claim_json: JSON.stringify(c),
    summary_json: JSON.stringify(summaryFields(c)),
    records_json: row.recordsJson ?? null,
    generated_on: row.generatedOn ?? null,
    submitted_at: row.submittedAt ?? null,
    submitted_by: row.submittedBy ?? null,
  };
  if (existing) {
    if (existing.status !== 'draft') throw new Error(`claim ${existing.id} is ${existing.status}; it cannot be rewritten`);
    db.raw
      .prepare(
        `UPDATE claims SET status = @status, policy_id = @policy_id, policy_version = @policy_version, computed_at = @computed_at, claim_json = @claim_json, summary_json = @summary_json,
         records_json = @records_json, generated_on = @generated_on, submitted_at = @submitted_at, submitted_by = @submitted_by WHERE id = @id`,
      )
      .run({ ...values, id: existing.id });
    return existing.id;
  }
  const info = db.raw
    .prepare(
      `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, summary_json, records_json, generated_on, submitted_at, submitted_by)
       VALUES (@month, @kind, @seq, @status, @policy_id, @policy_version, @computed_at, @claim_json, @summary_json, @records_json, @generated_on, @submitted_at, @submitted_by)`,
    )
    .run(values);
  return Number(info.lastInsertRowid);
}

export interface StoredFile {
  name: string;
  sha256: string;
  bytes: Uint8Array;
}

export function writeClaimFiles(db: LtcDatabase, claimId: number, files: readonly StoredFile[]): void {
  const insert = db.raw.prepare('INSERT INTO claim_files (claim_id, name, sha256, bytes) VALUES (?, ?, ?, ?)');
  for (const f of files) insert.run(claimId, f.name, f.sha256, Buffer.from(f.bytes));
}

export function readClaimFiles(db: LtcDatabase, claimId: number): StoredFile[] {
  return (
    db.raw.prepare('SELECT name, sha256, bytes FROM claim_files WHERE claim_id = ? ORDER BY id').all(claimId) as {
      name: string;
      sha256: string;
      bytes: Buffer;
    }[]
  ).map((r) => ({
    name: r.name,
    sha256: r.sha256,
    bytes: new Uint8Array(r.bytes),
  }));
}

/** One stored file of a claim by name (the manifest, to read the package's format), or undefined. */
export function readClaimFile(db: LtcDatabase, claimId: number, name: string): StoredFile | undefined {
  const r = db.raw.prepare('SELECT name, sha256, bytes FROM claim_files WHERE claim_id = ? AND name = ? ORDER BY id LIMIT 1').get(claimId, name) as
    { name: string; sha256: string; bytes: Buffer } | undefined;
  return r ? { name: r.name, sha256: r.sha256, bytes: new Uint8Array(r.bytes) } : undefined;
}

/** A claim's files without their bytes (a big month's PDFs are megabytes: lists never need them). */
export function listClaimFiles(db: LtcDatabase, claimId: number): { name: string; sha256: string; bytes: number }[] {
  return db.raw.prepare('SELECT name, sha256, length(bytes) AS bytes FROM claim_files WHERE claim_id = ? ORDER BY id').all(claimId) as {
    name: string;
    sha256: string;
    bytes: number;
  }[];
}

/** Stores the audit chain's head a submission was made at (migration 016; its manifest prints it). */
export function writeAuditHead(db: LtcDatabase, claimId: number, head: AuditHead): void {
  db.raw.prepare('UPDATE claims SET audit_head_id = ?, audit_head_hash = ? WHERE id = ?').run(head.id, head.hash, claimId);
}

/** The audit chain's head stored with a submission; null for one made before migration 016 (or with an empty trail). */
export function readAuditHead(db: LtcDatabase, claimId: number): AuditHead | null {
  const r = db.raw.prepare('SELECT audit_head_id AS id, audit_head_hash AS hash FROM claims WHERE id = ?').get(claimId) as
    { id: number | null; hash: string | null } | undefined;
  return r && r.id !== null && r.hash !== null ? { id: r.id, hash: r.hash } : null;
}
