/**
 * The decision at start (the desktop app and the host alike): open the database normally, or start in
 * safe mode and say why. Nothing is written to a file that fails: the checks before opening read only.
 *
 * - missing: the file is not there although it was (its folder is gone, or backups of it lie beside it);
 *   a first start, with neither, creates a new database as ever;
 * - too-new, locked, corrupt (not an SQLite file): the read-only look at the file's header refuses it;
 * - corrupt (damaged pages): `PRAGMA quick_check` over the whole file, read-only, before the first write;
 * - anything `openDatabase` then throws (a migration, the WAL switch) is classified the same way.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DbFailure } from '../../../shared/api/recovery';
import { backupsFolderOf, parseBackupName } from '../backups/backupNames';
import { openDatabase, type LtcDatabase, type OpenOptions } from '../db/database';
import { busyTimeoutMs } from '../db/busyTimeout';
import { keyInUse, openConnection, type DatabaseKey } from '../db/cipherKey';
import { inspectDatabaseFile } from '../db/migrate';
import { describeOpenFailure, failureOf } from './failure';

export type StartDecision = { mode: 'normal'; db: LtcDatabase } | { mode: 'safe'; failure: DbFailure; error: unknown };

/** Backups of `file` in the backups folder beside it (only names the program gives its backups). */
export function backupsBeside(file: string): string[] {
  const folder = backupsFolderOf(file);
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((n) => parseBackupName(n) !== null);
}

/** Missing: a file that was there. null when it exists, or when this is a first start (a new file is created). */
export function missingFailure(file: string): DbFailure | null {
  if (existsSync(file)) return null;
  if (!existsSync(dirname(file))) return failureOf('missing', file, `文件夹不存在：${dirname(file)}`);
  const backups = backupsBeside(file);
  if (backups.length > 0) return failureOf('missing', file, `文件不存在，而备份文件夹中有 ${backups.length} 个备份：数据库曾经在这里`);
  return null;
}

/** `PRAGMA quick_check` on a read-only connection: null when ok, else what it found. Throws what opening throws. */
export function quickCheckProblem(file: string, key: DatabaseKey | null = null): string | null {
  const db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
  try {
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const messages = rows.map((r) => r.quick_check);
    return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('; ');
  } finally {
    db.close();
  }
}

export function openOrSafeMode(file: string, opts: OpenOptions = {}): StartDecision {
  const missing = missingFailure(file);
  if (missing) return { mode: 'safe', failure: missing, error: new Error(missing.detail) };
  try {
    if (existsSync(file) && statSync(file).size > 0) {
      // header, version and schema first (too new, not a database, locked), then every page (damaged)
      // an encrypted file without its key, or with a wrong one, is refused here by name (failure.ts)
      const key = keyInUse(file, opts.key);
      inspectDatabaseFile(file, opts.migrations, key);
      const problem = quickCheckProblem(file, key);
      if (problem) {
        const error = new Error(`数据库完整性检查未通过：${problem}`);
        return { mode: 'safe', failure: failureOf('corrupt', file, error.message), error };
      }
    }
    return { mode: 'normal', db: openDatabase(file, opts) };
  } catch (error) {
    return { mode: 'safe', failure: describeOpenFailure(file, error), error };
  }
}
