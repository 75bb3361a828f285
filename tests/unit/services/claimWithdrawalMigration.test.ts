/**
 * Migration 008 rebuilds the claims table (a new status, withdrawn, and one live claim per month, kind
 * and number instead of one claim): a database of version 7 with a submitted claim, its files and its
 * result keeps every row and every reference, foreign keys are back on afterwards, and the new rules hold.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { tempDir, track } from './helpers';

const SHA = 'a'.repeat(64);

function version7(file: string): void {
  const raw = new BetterSqlite3(file);
  raw.pragma('foreign_keys = ON');
  runMigrations(raw, { migrations: MIGRATIONS.filter((m) => m.number <= 7) });
  raw.exec(`
    INSERT INTO claims (id, month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by, records_json, generated_on, settled_at, summary_json)
      VALUES (5, '2026-10', 'regular', 0, 'settled', 'ningbo-2022', '1', 't', '{"lines":[]}', 't', '张会计', '{}', '2026-11-05', 't', '{}');
    INSERT INTO claims (id, month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by)
      VALUES (6, '2026-10', 'supplementary', 1, 'submitted', 'ningbo-2022', '1', 't', '{"lines":[]}', 't', '张会计');
    INSERT INTO claim_files (claim_id, name, sha256, bytes) VALUES (5, 'claim.json', '${SHA}', x'7b7d'), (6, 'claim.json', '${SHA}', x'7b7d');
    INSERT INTO claim_results (claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at)
      VALUES (5, '11010519491231002X', 'institutional', 'deducted', 1000, 100, 900, '记录不全', 't');
  `);
  raw.close();
}

describe('migration 008 (claim withdrawal)', () => {
  it('keeps every claim, file and result with their references, and leaves foreign keys on', () => {
    const file = path.join(tempDir(), 'v7.db');
    version7(file);
    const db = track(openDatabase(file));
    // 008, then every migration since
    expect(db.appliedMigrations).toEqual(MIGRATIONS.filter((m) => m.number > 7).map((m) => m.number));
    expect(db.appliedMigrations[0]).toBe(8);
    expect(db.raw.prepare('SELECT id, status, submitted_by, settled_at, withdrawn_at FROM claims ORDER BY id').all()).toEqual([
      { id: 5, status: 'settled', submitted_by: '张会计', settled_at: 't', withdrawn_at: null },
      { id: 6, status: 'submitted', submitted_by: '张会计', settled_at: null, withdrawn_at: null },
    ]);
    expect(db.raw.prepare('SELECT claim_id, name FROM claim_files ORDER BY claim_id').all()).toEqual([
      { claim_id: 5, name: 'claim.json' },
      { claim_id: 6, name: 'claim.json' },
    ]);
    expect(db.raw.prepare('SELECT claim_id, deducted_fen FROM claim_results').all()).toEqual([{ claim_id: 5, deducted_fen: 100 }]);
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.raw.exec(`INSERT INTO claim_files (claim_id, name, sha256, bytes) VALUES (99, 'x', '${SHA}', x'00')`)).toThrow(/FOREIGN KEY/);
  });

  it('allows a withdrawn claim beside the live one of the same month, never two live ones, and a withdrawal only with who, when and why', () => {
    const file = path.join(tempDir(), 'v7b.db');
    version7(file);
    const db = track(openDatabase(file));
    const insert = db.raw.prepare(
      `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by) VALUES ('2026-10', 'supplementary', 1, 'submitted', 'p', '1', 't', '{}', 't', 'x')`,
    );
    expect(() => insert.run()).toThrow(/UNIQUE/);
    expect(() => db.raw.exec("UPDATE claims SET status = 'withdrawn' WHERE id = 6")).toThrow(/CHECK/);
    db.raw.exec("UPDATE claims SET status = 'withdrawn', withdrawn_at = 't', withdrawn_by = '张会计', withdraw_reason = '误报' WHERE id = 6");
    insert.run();
    expect(db.raw.prepare("SELECT status FROM claims WHERE kind = 'supplementary' ORDER BY id").pluck().all()).toEqual(['withdrawn', 'submitted']);
  });
});
