/**
 * Lists of claims (结算台账, a month's claims) read each claim's summary, not the whole claim: claims
 * stored before migration 006 get theirs from their JSON when the file is upgraded, and a row written
 * without one still lists with the right totals and issue counts. Expected values: the sample's
 * October claim (tests/fixtures), its totals and the severities of its issues.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getClaim, listClaims } from '../../../electron/services/claims/claimStore';
import { claimsLedger } from '../../../electron/services/reports/ledger';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { tempDir, track } from '../services/helpers';

const counts = { error: 0, warning: 0, info: 0 };
for (const i of expected.issues) counts[i.severity as keyof typeof counts] += 1;

/** A submitted October claim written as a program of schema 5 wrote it: no summary column. */
function insertV5Claim(db: LtcDatabase): void {
  db.raw
    .prepare(
      `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by, generated_on)
       VALUES ('2026-10', 'regular', 0, 'submitted', 'ningbo-2022', '1', '2026-11-05T09:00:00', ?, '2026-11-05T09:00:00', '张会计', '2026-11-05')`,
    )
    .run(JSON.stringify(expected));
}

describe('claim summaries', () => {
  it('are made from the stored claims when a schema-5 file is upgraded, and the lists show them', () => {
    const file = path.join(tempDir(), 'v5.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.number <= 5) });
    insertV5Claim(old);
    old.close();

    const db = track(openDatabase(file));
    const stored = db.raw.prepare('SELECT summary_json FROM claims').pluck().get() as string | null;
    expect(stored).not.toBeNull();
    expect(JSON.parse(stored!)).toEqual({ totals: expected.totals, issueCounts: counts });
    const [summary] = listClaims(db);
    expect(summary).toMatchObject({ month: '2026-10', status: 'submitted', totals: expected.totals, issueCounts: counts });
    // the same summary as the whole claim gives
    expect(getClaim(db, summary!.id)!.summary).toEqual(summary);
    expect(claimsLedger(db).rows[0]).toMatchObject({
      month: '2026-10',
      feeFen: expected.totals.feeFen,
      fundFen: expected.totals.fundFen,
      personalFen: expected.totals.personalFen,
    });
  });

  it('are derived for a row stored without one', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    insertV5Claim(db);
    expect(db.raw.prepare('SELECT summary_json FROM claims').pluck().get()).toBeNull();
    expect(listClaims(db)[0]).toMatchObject({ totals: expected.totals, issueCounts: counts });
  });
});
