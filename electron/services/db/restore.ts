/**
 * 从备份恢复: replaces a database file with a backup, headless, with the program closed. Nothing is
 * lost on the way: the backup is checked first (a sound SQLite file of this program, not from a newer
 * version), the current file is copied aside (`.before-restore-….bak`, with what its -wal held), and
 * the replacement is a rename of a fully written copy, so a power cut leaves either the old file or
 * the new one. An older backup is migrated on opening, like any older file (with its own backup). The
 * audit trail records the restore and keeps the replaced file's rows since the backup (restoreArchive.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordRestore } from '../audit/restoreArchive';
import { fileStamp } from './clock';
import { openDatabase } from './database';
import { busyTimeoutMs } from './busyTimeout';
import { DatabaseError } from './errors';
import { inspectDatabaseFile, integrityProblem } from './migrate';
import { ownerOnly } from './ownerOnly';
import { keyInUse, openConnection, type DatabaseKey } from './cipherKey';

export interface RestoreResult {
  /** the copy of the file as it was before the restore; null when there was none */
  previous: string | null;
  schemaVersion: number;
  /** audit rows of the replaced file kept in audit_log_archived (audit/restoreArchive.ts) */
  archivedAuditRows: number;
}

/** Flushes a file's bytes to the disk (before it is renamed into place: a power cut then leaves the old or the new file, never a torn one). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `actor`: who restored, named in the audit row the restore appends. `key`: the database's key
 * (cipherKey.ts), which its backups share: an encrypted backup, or an encrypted file being replaced, needs it.
 */
export function restoreDatabase(target: string, backupFile: string, actor: string, opts: { key?: DatabaseKey | null } = {}): RestoreResult {
  const key = opts.key ?? null;
  if (path.resolve(target) === path.resolve(backupFile))
    throw new DatabaseError('DB_BACKUP_FAILED', '备份文件与要恢复的数据库是同一个文件，请选择另一个备份文件。');
  const inspected = inspectDatabaseFile(backupFile, undefined, keyInUse(backupFile, key));
  if (!inspected.hasContent) throw new DatabaseError('DB_NOT_A_DATABASE', `“${backupFile}”是空文件，不是长护助手的备份。`);
  const problem = integrityProblem(backupFile, keyInUse(backupFile, key));
  if (problem) throw new DatabaseError('DB_BACKUP_FAILED', `备份文件未通过完整性检查（${problem}），不能用它恢复。请换一个备份文件。`);

  let previous: string | null = null;
  if (fs.existsSync(target) && fs.statSync(target).size > 0) {
    // a second restore within the same second gets its own copy, never the first one's name
    const stamp = fileStamp();
    previous = `${target}.before-restore-${stamp}.bak`;
    for (let n = 2; fs.existsSync(previous); n += 1) previous = `${target}.before-restore-${stamp}-${n}.bak`;
    // Through SQLite, so the copy includes what is still only in the -wal (encrypted with the same key, if it is).
    const targetKey = keyInUse(target, key);
    const src = openConnection(target, { fileMustExist: true, timeout: busyTimeoutMs() }, targetKey);
    try {
      src.prepare('VACUUM INTO ?').run(previous);
    } catch (err) {
      throw new DatabaseError('DB_BACKUP_FAILED', `恢复前无法备份现有数据库，未做任何改动：${String(err)}`, { cause: err });
    } finally {
      src.close();
    }
    ownerOnly(previous);
    const bad = integrityProblem(previous, targetKey);
    if (bad) throw new DatabaseError('DB_BACKUP_FAILED', `恢复前对现有数据库的备份未通过完整性检查（${bad}），已停止，未做任何改动。`);
  }

  const tmp = `${target}.restoring-${process.pid}.tmp`;
  fs.copyFileSync(backupFile, tmp);
  ownerOnly(tmp);
  fsyncFile(tmp);
  // The old -wal and -shm belong to the old file: left beside the new one they would be replayed into it.
  for (const side of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(side, { force: true });
  fs.renameSync(tmp, target);

  const db = openDatabase(target, { key });
  try {
    // the trail says who restored which backup, and keeps the replaced file's rows since that backup
    const audit = recordRestore(db, { actor, backupFile, replacedCopy: previous, key });
    return { previous, schemaVersion: Number(db.raw.pragma('user_version', { simple: true })), archivedAuditRows: audit.archived };
  } finally {
    db.close();
  }
}
