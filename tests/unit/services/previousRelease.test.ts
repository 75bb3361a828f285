/**
 * A database file made by an earlier release opens in this one with its data intact (issue 15, "the
 * Actual Budget way"). tests/fixtures/db/release-stop9-schema6.db was made by the release of 2026-12-02
 * (commit 5eaf364, schema 6) with its own `ltc`: the sample institution imported, then October submitted
 * (`ltc submit --accept-errors --by 张会计`), so it holds a frozen claim and its package. Keep one such
 * file per released schema from now on, and a test like this one for it.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsOfMonth, getClaim, readClaimFiles } from '../../../electron/services/claims/claimStore';
import { verifyRegeneration } from '../../../electron/services/claims/lifecycle';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { verifyChain } from '../../../electron/services/audit/auditChain';
import { isMonthLocked } from '../../../electron/services/claims/monthLock';
import { buildPackage } from '../../../electron/services/claims/package';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { openDatabase } from '../../../electron/services/db/database';
import { integrityProblem } from '../../../electron/services/db/migrate';
import { latestVersion, MIGRATIONS } from '../../../electron/services/db/migrations';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { tempDir, track } from './helpers';

const FIXTURE = path.resolve(__dirname, '../../fixtures/db/release-stop9-schema6.db');

/** A copy of the fixture, never migrated past what is asked: the original stays as the release left it. */
function releasedCopy(): string {
  const file = path.join(tempDir(), 'as-released.db');
  copyFileSync(FIXTURE, file);
  return file;
}

function upgraded() {
  const file = path.join(tempDir(), 'ltc-desk.db');
  copyFileSync(FIXTURE, file);
  return { file, db: track(openDatabase(file, { appVersion: '9.9.9' })) };
}

describe('a database from the release of 2026-12-02 (schema 6)', () => {
  it('is migrated to the current schema, step by step, after a backup', () => {
    const { file, db } = upgraded();
    expect(db.appliedMigrations).toEqual(MIGRATIONS.filter((m) => m.number > 6).map((m) => m.number));
    expect(db.raw.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // a verified copy taken before the first migration, beside the database (this file was written by
    // `ltc`, which did not record its version, so the copy is the pre-migration one, not 升级前-vX-到-vY)
    expect(db.preMigrationBackup).toMatch(/ltc-desk\.db\.pre-migration-7-\d{8}-\d{6}\.bak$/);
    expect(readdirSync(path.dirname(file))).toContain(path.basename(db.preMigrationBackup ?? ''));
    expect(integrityProblem(db.preMigrationBackup ?? '')).toBeNull();
  });

  it('keeps every record: the sample institution gives the same October claim', () => {
    const { db } = upgraded();
    const count = (t: string) => db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect([count('residents'), count('assessments'), count('stay_events'), count('staff'), count('certificates'), count('visits')]).toEqual([
      4, 4, 7, 2, 2, 6,
    ]);
    expect(computeMonthClaim(db, '2026-10').totals).toMatchObject(expected.totals);
  });

  it('keeps the submitted claim frozen, and 校验 still proves its package (an earlier layout: checked against its stored SHA-256, its data regenerated)', async () => {
    const { db } = upgraded();
    const [stored] = claimsOfMonth(db, '2026-10');
    expect(stored?.summary).toMatchObject({ kind: 'regular', seq: 0, status: 'submitted', submittedBy: '张会计', withdrawnAt: null });
    expect(stored?.claim.totals).toMatchObject(expected.totals);
    expect(readClaimFiles(db, stored!.summary.id)).toHaveLength(7);
    expect(isMonthLocked(db, '2026-10')).toBe(true);
    // The release of 2026-12-02 drew layout 1; this program draws PACKAGE_LAYOUT (documents/manifest.ts).
    expect(await verifyRegeneration(db, getClaim(db, stored!.summary.id)!, buildPackage)).toEqual({ identical: true, differing: [], olderLayout: 1 });
    // …and that check still finds a stored file altered since submission
    db.raw.prepare("UPDATE claim_files SET bytes = CAST('改过' AS BLOB) WHERE claim_id = ? AND name = '床日统计表.pdf'").run(stored!.summary.id);
    expect(await verifyRegeneration(db, getClaim(db, stored!.summary.id)!, buildPackage)).toEqual({
      identical: false,
      differing: ['床日统计表.pdf'],
      olderLayout: 1,
    });
  });

  it('has its audit trail hashed into a chain that verifies, its rows kept as they were, and one more row saying where the chain starts', () => {
    const before = listAudit(track(openDatabase(releasedCopy(), { migrations: MIGRATIONS.filter((m) => m.number <= 6) })));
    const { db } = upgraded();
    const after = listAudit(db);
    // the release's rows (the import and the submission) unchanged, then the migration's
    expect(after.slice(0, before.length)).toEqual(before);
    expect(before.map((r) => r.action)).toEqual(expect.arrayContaining(['import', 'submit']));
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({ actor: '长护助手', action: 'chain', entity: 'audit_log', after: { hashedRows: before.length, through: before.at(-1)!.id } }),
    ]);
    expect(verifyChain(db.raw)).toEqual({ rows: before.length + 1, lastId: before.length + 1, problems: [] });
  });
});
