/**
 * 校验 results kept: each verification of a submitted package (made again from its frozen records and
 * compared byte for byte) is written to the audit log, which is append-only and already says who did
 * what when; the files panel shows the last one per claim (time, result, each file). A toast that
 * vanished after three seconds was all an administrator had to show an inspector before.
 */
import type { VerificationRecord, VerifyResult } from '../../../shared/api/claims';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { listClaimFiles } from './claimStore';

export function recordVerification(db: LtcDatabase, claimId: number, result: VerifyResult, actor: string): void {
  const files = listClaimFiles(db, claimId).map((f) => f.name);
  recordAudit(db, {
    actor,
    action: 'verify',
    entity: 'claim',
    entityId: claimId,
    after: {
      identical: result.identical,
      checked: files.length,
      differing: result.differing,
      ...(result.olderLayout ? { olderLayout: result.olderLayout } : {}),
    },
  });
}

/** The last verification of each of `claimIds`, by id (absent where none was made). */
export function lastVerifications(db: LtcDatabase, claimIds: readonly number[]): Map<number, VerificationRecord> {
  const out = new Map<number, VerificationRecord>();
  if (claimIds.length === 0) return out;
  const rows = db.raw
    .prepare(
      `SELECT entity_id, at, actor, after_json FROM audit_log WHERE id IN (
         SELECT max(id) FROM audit_log WHERE entity = 'claim' AND action = 'verify' AND entity_id IN (SELECT value FROM json_each(?)) GROUP BY entity_id)`,
    )
    .all(JSON.stringify(claimIds.map(String))) as { entity_id: string; at: string; actor: string; after_json: string }[];
  for (const r of rows) {
    const after = JSON.parse(r.after_json) as { identical: boolean; differing?: string[]; olderLayout?: number };
    out.set(Number(r.entity_id), {
      at: r.at,
      by: r.actor,
      identical: after.identical,
      differing: after.differing ?? [],
      ...(after.olderLayout ? { olderLayout: after.olderLayout } : {}),
    });
  }
  return out;
}
