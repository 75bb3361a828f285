import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { DatabaseError, DatabaseTooNewError } from '../../../electron/services/db/errors';
import { integrityProblem } from '../../../electron/services/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/db/migrations';
import { tempDir, track } from './helpers';

const TABLES = [
  'institution',
  'residents',
  'assessments',
  'stay_events',
  'beds',
  'staff',
  'certificates',
  'visits',
  'visit_items',
  'catalogues',
  'claims',
  'claim_files',
  'audit_log',
  'schema_migrations',
];

describe('openDatabase and migrations', () => {
  it('creates a fresh file at the newest version and records each migration', () => {
    const file = path.join(tempDir(), 'new.db');
    const db = track(openDatabase(file, { appVersion: '0.1.0' }));
    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const rows = db.raw.prepare('SELECT number, name, app_version FROM schema_migrations ORDER BY number').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ number: m.number, name: m.name, app_version: '0.1.0' })));
    expect(rows[0]).toEqual({ number: 1, name: 'initial', app_version: '0.1.0' });
    const tables = db.raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(db.preMigrationBackup).toBeNull();
  });

  it('re-opening a current file changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'again.db');
    openDatabase(file).close();
    const db = track(openDatabase(file));
    expect(db.appliedMigrations).toEqual([]);
    expect(db.preMigrationBackup).toBeNull();
    expect(db.raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('sets the pragmas: WAL, foreign keys on, synchronous FULL, busy timeout 5 s', () => {
    const db = track(openDatabase(path.join(tempDir(), 'p.db')));
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses a file from a newer program with the Chinese message and leaves it byte-identical', () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    const w = new BetterSqlite3(file);
    w.exec("CREATE TABLE future (x); INSERT INTO future VALUES ('from 9.0'); PRAGMA user_version = 99;");
    w.close();
    const bytes = fs.readFileSync(file);
    const listing = fs.readdirSync(dir);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).code).toBe('DB_TOO_NEW');
    expect((error as Error).message).toBe(`此数据库由更新版本的长护助手创建（版本 99），当前程序只支持到版本 ${LATEST_SCHEMA_VERSION}，请升级程序后再打开。`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(listing);
  });

  it('backs up an existing v0 file with data before migrating, and the copy passes integrity_check', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const w = new BetterSqlite3(file);
    w.exec("CREATE TABLE legacy_notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO legacy_notes (text) VALUES ('甲'), ('乙');");
    w.close();

    const db = track(openDatabase(file));
    const baks = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(baks).toHaveLength(1);
    expect(baks[0]).toMatch(/^old\.db\.pre-migration-1-\d{8}-\d{6}\.bak$/);
    expect(db.preMigrationBackup).toBe(path.join(dir, baks[0]!));
    expect(integrityProblem(path.join(dir, baks[0]!))).toBeNull();

    const copy = new BetterSqlite3(path.join(dir, baks[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(0);
    expect(copy.prepare('SELECT text FROM legacy_notes ORDER BY id').pluck().all()).toEqual(['甲', '乙']);
    copy.close();

    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.raw.prepare('SELECT count(*) FROM legacy_notes').pluck().get()).toBe(2);
  });

  it('a failing migration rolls back its own step and says so', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fail.db');
    openDatabase(file).close();
    const broken = [
      ...MIGRATIONS,
      {
        number: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        up(db: BetterSqlite3.Database) {
          db.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(DatabaseError);
    const db = track(openDatabase(file));
    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    // the attempt still took its backup first
    expect(fs.readdirSync(dir).some((f) => f.includes(`.pre-migration-${LATEST_SCHEMA_VERSION + 1}-`))).toBe(true);
  });

  it('refuses a file that is not a database, without changing it', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, '这不是数据库'.repeat(200));
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_NOT_A_DATABASE' }));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('enforces foreign keys and the CHECKs of the schema', () => {
    const db = track(openDatabase(path.join(tempDir(), 'fk.db')));
    const visit = db.raw.prepare(`INSERT INTO visits (ref, resident_id, staff_id, start_at, end_at, minutes, confirmed) VALUES (?, ?, ?, ?, ?, ?, 1)`);
    expect(() => visit.run('v1', 42, 42, '2026-10-02T09:00', '2026-10-02T10:00', 60)).toThrow(/FOREIGN KEY/);
    db.raw.exec("INSERT INTO residents (ref, name, id_number, created_at, updated_at) VALUES ('r', '甲', '1', 'x', 'x')");
    db.raw.exec("INSERT INTO staff (ref, name, id_number, created_at, updated_at) VALUES ('s', '乙', '2', 'x', 'x')");
    expect(() => visit.run('v2', 1, 1, '2026-10-02T09:00', '2026-10-02T10:00', 45)).toThrow(/CHECK/);
    expect(() => visit.run('v3', 1, 1, '2026-10-02T10:00', '2026-10-02T09:00', -60)).toThrow(/CHECK/);
    expect(() => db.raw.exec("INSERT INTO assessments (resident_id, level, concluded_on) VALUES (1, 6, '2026-01-01')")).toThrow(/CHECK/);
    expect(() => db.raw.exec("INSERT INTO stay_events (resident_id, seq, type, date) VALUES (1, 0, 'admit', '2026-01-01')")).toThrow(/CHECK/);
    visit.run('v4', 1, 1, '2026-10-02T09:00', '2026-10-02T10:30', 90);
  });

  it('a month of visits is a range scan on the start index, covering for totals', () => {
    const db = track(openDatabase(path.join(tempDir(), 'plan.db')));
    const plan = (sql: string): string =>
      (db.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-09-24', '2026-11-02') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM visits WHERE start_at >= ? AND start_at < ?')).toMatch(
      /SEARCH visits USING INDEX visits_by_start \(start_at>\? AND start_at<\?\)/,
    );
    expect(plan('SELECT resident_id, sum(minutes) FROM visits WHERE start_at >= ? AND start_at < ? GROUP BY resident_id')).toMatch(
      /SEARCH visits USING COVERING INDEX visits_by_start/,
    );
    expect(plan('SELECT staff_id, start_at, minutes FROM visits WHERE start_at >= ? AND start_at < ? ORDER BY staff_id, start_at')).toMatch(
      /COVERING INDEX visits_by_start/,
    );
  });
});
