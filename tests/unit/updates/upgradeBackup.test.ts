/**
 * The first start of a new version backs the database up first, on real SQLite files: a verified copy in
 * backups/ named with both versions, listed with the other backups; then the migrations run as before,
 * and a database newer than the program is still refused untouched.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupsApi } from '../../../shared/api/backups';
import { listBackups } from '../../../electron/services/backups/backupFolder';
import { compareVersions } from '../../../electron/services/db/appVersion';
import { openDatabase } from '../../../electron/services/db/database';
import { DatabaseTooNewError } from '../../../electron/services/db/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/db/migrations';
import { sample, tempDir } from '../services/helpers';

/** The schema 0.1.0 shipped: migrations 1–6 (app_settings came with 007). */
const MIGRATIONS_OF_0_1_0 = MIGRATIONS.filter((m) => m.number <= 6);

/** A database as version 0.1.0 left it: created, filled, closed. */
function databaseOf010(): string {
  const file = join(tempDir(), 'ltc-desk.db');
  const db = openDatabase(file, { appVersion: '0.1.0', migrations: MIGRATIONS_OF_0_1_0 });
  // the sample's residents written in that schema's own columns (today's import reads tables added since)
  const insert = db.raw.prepare('INSERT INTO residents (ref, name, id_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of sample().residents) insert.run(r.ref, r.name, r.idNumber, '2026-11-01 10:00:00', '2026-11-01 10:00:00');
  db.close();
  return file;
}

const backupsOf = (file: string) => (existsSync(join(file, '..', 'backups')) ? readdirSync(join(file, '..', 'backups')) : []);

function readCopy(file: string): { integrity: unknown; version: unknown; residents: unknown; journal: unknown } {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: copy.pragma('integrity_check', { simple: true }),
      version: copy.pragma('user_version', { simple: true }),
      residents: copy.prepare('SELECT count(*) FROM residents').pluck().get(),
      journal: copy.pragma('journal_mode', { simple: true }),
    };
  } finally {
    copy.close();
  }
}

describe('the first start of a new version', () => {
  it('takes a verified backup named with both versions before migrating, listed with the backups', () => {
    const file = databaseOf010();
    const db = openDatabase(file, { appVersion: '0.2.0' });
    try {
      const names = backupsOf(file);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^ltc-desk-升级前-v0\.1\.0-到-v0\.2\.0-\d{8}-\d{6}\.db$/);
      const backup = join(file, '..', 'backups', names[0]!);
      // the copy is the database as 0.1.0 left it, sound and self-contained
      expect(readCopy(backup)).toEqual({ integrity: 'ok', version: 6, residents: 4, journal: 'delete' });
      // it served as the copy before the migrations: no second one beside the file
      expect(db.preMigrationBackup).toBe(backup);
      expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.bak'))).toEqual([]);
      // every migration after 0.1.0's: app_settings (007), claim withdrawal (008), and those since
      expect(db.appliedMigrations).toEqual(MIGRATIONS.filter((m) => m.number > 6).map((m) => m.number));
      expect(db.appliedMigrations.slice(0, 2)).toEqual([7, 8]);
      expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);

      const listed = listBackups(db).backups;
      expect(listed).toEqual([expect.objectContaining({ name: names[0], kind: 'upgrade', upgrade: { from: '0.1.0', to: '0.2.0' } })]);
      // the 数据备份 card can save or download it like the others
      expect(backupsApi['backups.download'].input.safeParse({ name: names[0] }).success).toBe(true);
    } finally {
      db.close();
    }
  });

  it('takes none when the same version opens it again, and one for each later version, migrations or not', () => {
    const file = databaseOf010();
    openDatabase(file, { appVersion: '0.2.0' }).close();
    openDatabase(file, { appVersion: '0.2.0' }).close();
    expect(backupsOf(file)).toHaveLength(1);

    const db = openDatabase(file, { appVersion: '0.2.1' });
    expect(db.appliedMigrations).toEqual([]);
    db.close();
    const names = backupsOf(file).sort();
    expect(names).toHaveLength(2);
    expect(names.some((n) => /^ltc-desk-升级前-v0\.2\.0-到-v0\.2\.1-/.test(n))).toBe(true);
  });

  it('still refuses a database from a newer program, untouched and without a backup', () => {
    const file = databaseOf010();
    openDatabase(file, { appVersion: '0.2.0' }).close();
    const before = readFileSync(file);
    const backups = backupsOf(file);
    expect(() => openDatabase(file, { appVersion: '0.1.0', migrations: MIGRATIONS_OF_0_1_0 })).toThrow(DatabaseTooNewError);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(backupsOf(file)).toEqual(backups);
  });

  it('takes none for a new database, nor where no version is known (the command line names none)', () => {
    const fresh = join(tempDir(), 'new.db');
    openDatabase(fresh, { appVersion: '0.2.0' }).close();
    expect(backupsOf(fresh)).toEqual([]);

    const file = join(tempDir(), 'cli.db');
    openDatabase(file, { migrations: MIGRATIONS_OF_0_1_0 }).close();
    const db = openDatabase(file, { appVersion: '0.2.0' });
    db.close();
    expect(backupsOf(file)).toEqual([]);
    // migrations still had their copy beside the file, as before
    expect(readdirSync(join(file, '..')).filter((f) => f.startsWith('cli.db.pre-migration-7-'))).toHaveLength(1);
  });

  it('orders versions as semantic versions', () => {
    expect(compareVersions('0.1.0', '0.2.0')).toBeLessThan(0);
    expect(compareVersions('0.9.0', '0.10.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.10')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.10', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.2.1', '0.2.0')).toBeGreaterThan(0);
    expect(compareVersions('test', '0.2.0')).toBeNull();
  });
});
