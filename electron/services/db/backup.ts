/**
 * A user-requested backup of the open database. `.backup()` copies pages through SQLite's online
 * backup API, so the copy is consistent even while the app keeps writing (copying the live file is
 * not: committed pages may still sit in the -wal). The copy is then proven sound before we say so.
 *
 * An encrypted database (cipherKey.ts) is copied by VACUUM INTO instead: SQLite3MultipleCiphers refuses
 * the backup API from a keyed database to the unkeyed connection better-sqlite3 opens for the copy
 * ("backup is not supported with incompatible source and target databases"), and VACUUM INTO writes the
 * copy encrypted with the same key. It too reads one committed state; it runs as one statement (the app
 * makes its backups in the backup worker). The copy is checked with the key: a backup stays encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LtcDatabase } from './database';
import { DatabaseError } from './errors';
import { integrityProblem } from './migrate';
import { ownerOnly } from './ownerOnly';
import { busyTimeoutMs } from './busyTimeout';
import { openConnection } from './cipherKey';

export interface BackupResult {
  file: string;
  bytes: number;
}

/** `pagesPerStep` for a copy made in one step (a worker thread, which may block). */
export const ALL_PAGES = 0x7fffffff;

/**
 * `.backup()` copies `pagesPerStep` pages at a time (better-sqlite3's default: 100), letting the thread
 * run between steps. The app makes its backups in a worker thread (backups/backupOffThread.ts) in one
 * step, which also keeps the copy one committed state while other connections write.
 */
export async function backupDatabase(db: LtcDatabase, destFile: string, opts: { pagesPerStep?: number } = {}): Promise<BackupResult> {
  if (path.resolve(destFile) === path.resolve(db.file)) {
    throw new DatabaseError('DB_BACKUP_FAILED', '备份文件不能与正在使用的数据库是同一个文件，请另选位置。');
  }
  // Written under a temporary name beside the target and renamed only once verified: a kill or a power
  // cut mid-copy leaves a .partial file, never a file under the backup's name that is not a database
  // (and a backup being replaced stays whole until the new one is proven).
  const partial = path.join(path.dirname(destFile), `.${path.basename(destFile)}.${process.pid}.partial`);
  removeQuietly(partial);
  try {
    const step = opts.pagesPerStep;
    if (db.key) db.raw.prepare('VACUUM INTO ?').run(partial);
    else if (step) await db.raw.backup(partial, { progress: () => step });
    else await db.raw.backup(partial);
    // The copy inherits WAL mode from the header; switch it to a single self-contained file so a
    // backup moved to a USB stick never depends on a -wal beside it.
    const copy = openConnection(partial, { fileMustExist: true, timeout: busyTimeoutMs() }, db.key);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (err) {
    removeQuietly(partial);
    throw new DatabaseError('DB_BACKUP_FAILED', `备份失败：${String(err)}`, { cause: err });
  }
  const problem = integrityProblem(partial, db.key);
  if (problem) {
    // A copy that fails the check must not be mistaken for a good backup later.
    removeQuietly(partial);
    throw new DatabaseError('DB_BACKUP_FAILED', `备份文件未通过完整性检查（${problem}），已删除该文件，请重试或换一个保存位置。`);
  }
  ownerOnly(partial);
  fs.renameSync(partial, destFile);
  return { file: destFile, bytes: fs.statSync(destFile).size };
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
