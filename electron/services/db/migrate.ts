/**
 * Brings a database file to the newest schema. Order matters and is why this is one module:
 * 1. look at the file read-only (a file from a newer program must stay byte-identical);
 * 2. if a non-empty file needs migrating, or is opened for the first time by a newer program version, take
 *    a copy first and prove it is sound;
 * 3. run each pending migration in its own transaction, recording it and `user_version` inside that
 *    transaction, so a failure leaves the file at the last complete step.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupsFolderOf, freeBackupName, upgradeBackup } from '../backups/backupNames';
import { readLastAppVersion } from './appVersion';
import { fileStamp, localTimestamp } from './clock';
import { DatabaseError, DatabaseTooNewError } from './errors';
import { latestVersion, MIGRATIONS, type Migration } from './migrations';
import { ownerOnly } from './ownerOnly';
import { busyTimeoutMs } from './busyTimeout';
import { openConnection, type DatabaseKey } from './cipherKey';

export interface Inspection {
  /** `PRAGMA user_version` of the file; 0 for a new or empty file */
  version: number;
  /** the file holds any schema object (tables of an older or foreign program count) */
  hasContent: boolean;
  /** the program version that last opened the file, where one was recorded */
  lastAppVersion: string | null;
}

/** Reads the version without writing anything; refuses a file from a newer program. */
export function inspectDatabaseFile(file: string, migrations: readonly Migration[] = MIGRATIONS, key: DatabaseKey | null = null): Inspection {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return { version: 0, hasContent: false, lastAppVersion: null };
  const latest = latestVersion(migrations);
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw new DatabaseTooNewError(version, latest);
    const objects = probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    return { version, hasContent: objects > 0, lastAppVersion: readLastAppVersion(probe) };
  } catch (err) {
    if (err instanceof DatabaseError) throw err;
    throw new DatabaseError('DB_NOT_A_DATABASE', `无法打开数据库文件“${file}”：文件不是长护助手数据库或已损坏（${String(err)}）。`, {
      cause: err,
    });
  } finally {
    probe?.close();
  }
}

/** Before migrating: a verified copy next to the file. */
export function takePreMigrationBackup(file: string, firstPending: number, key: DatabaseKey | null = null): string {
  return takeVerifiedCopy(file, `${file}.pre-migration-${firstPending}-${fileStamp()}.bak`, '升级数据库前', key);
}

/**
 * Before the first start of a newer program version: a verified copy in the backups folder, named with
 * both versions, so it is listed in 设置 › 数据备份 beside the others and kept like a manual backup.
 */
export function takeUpgradeBackup(file: string, from: string, to: string, now = new Date(), key: DatabaseKey | null = null): string {
  const folder = backupsFolderOf(file);
  fs.mkdirSync(folder, { recursive: true });
  return takeVerifiedCopy(file, join(folder, freeBackupName(folder, upgradeBackup(from, to), now)), `升级到 ${to} 版前`, key);
}

/**
 * A consistent copy, verified by `integrity_check`. VACUUM INTO is used here, not `.backup()`, because
 * opening a database is synchronous and `.backup()` is not; both give a transaction-consistent copy
 * (never copy the live file: its -wal may hold committed pages), and the copy is one self-contained file
 * (rollback journal, not WAL). VACUUM INTO of an encrypted database writes the copy encrypted with the same
 * key (SQLite3MultipleCiphers; tests/unit/services/cipher.test.ts checks it holds no plaintext).
 */
function takeVerifiedCopy(file: string, dest: string, when: string, key: DatabaseKey | null): string {
  const src = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
  try {
    src.prepare('VACUUM INTO ?').run(dest);
  } catch (err) {
    throw new DatabaseError('DB_BACKUP_FAILED', `${when}备份失败，数据库未改动：${String(err)}`, { cause: err });
  } finally {
    src.close();
  }
  const problem = integrityProblem(dest, key);
  if (problem) {
    throw new DatabaseError('DB_BACKUP_FAILED', `${when}的备份“${dest}”未通过完整性检查（${problem}），已停止升级，数据库未改动。请先修复或从其他备份恢复。`);
  }
  ownerOnly(dest);
  return dest;
}

/** null when `PRAGMA integrity_check` says ok, else what it reported (an encrypted file: with its key). */
export function integrityProblem(file: string, key: DatabaseKey | null = null): string | null {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
    const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('; ');
  } catch (err) {
    return String(err);
  } finally {
    db?.close();
  }
}

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  number      INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  applied_at  TEXT NOT NULL,
  app_version TEXT
)`;

/** Runs the pending migrations on an open connection (pragmas already set). Returns their numbers. */
export function runMigrations(db: BetterSqlite3.Database, opts: { appVersion?: string; migrations?: readonly Migration[] } = {}): number[] {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.number - b.number);
  const latest = latestVersion(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  // Checked again on the writable connection: another process may have upgraded the file meanwhile.
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((m) => m.number > current);
  if (pending.length === 0) return [];

  for (const m of pending) {
    // PRAGMA foreign_keys is a no-op inside a transaction: it is switched before the step opens one.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Inside the step's transaction, so a first migration that fails leaves no trace at all.
        db.exec(SCHEMA_MIGRATIONS);
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as { table: string }[];
          if (broken.length > 0) throw new Error(`重建后有 ${broken.length} 条记录的外键失效（${[...new Set(broken.map((b) => b.table))].join('、')}）`);
        }
        db.prepare('INSERT INTO schema_migrations (number, name, applied_at, app_version) VALUES (?, ?, ?, ?)').run(
          m.number,
          m.name,
          localTimestamp(),
          opts.appVersion ?? null,
        );
        // user_version lives in the file header, written in this same transaction.
        db.pragma(`user_version = ${m.number}`);
      })();
    } catch (err) {
      throw new DatabaseError(
        'DB_MIGRATION_FAILED',
        `数据库升级到版本 ${m.number}（${m.name}）失败，此步已回滚，数据库停在版本 ${db.pragma('user_version', { simple: true })}：${String(err)}`,
        { cause: err },
      );
    } finally {
      if (m.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return pending.map((m) => m.number);
}
