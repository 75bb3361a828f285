/**
 * 加密数据库: an existing plain database file becomes an encrypted one (decisions.md D37), in one step,
 * with the program closed (`ltc encrypt`). Crash-safe: at any moment the file under its name is either the
 * old plain file or the whole new encrypted one, never a half-converted one.
 *
 * 1. The file must be plain; it is opened the usual way (an older file is migrated, with its own backup).
 * 2. A verified backup of it first (the caller's: `ltc encrypt` puts it in the backups folder).
 * 3. The file is switched to a rollback journal: that needs every other connection gone (the program,
 *    another `ltc`), so a program still open is found here, and the old file stands alone (no -wal that a
 *    new file under its name could be paired with). A write lock (BEGIN IMMEDIATE) is then held until the
 *    swap: nothing can be committed to the old file after it is copied.
 * 4. A copy by VACUUM INTO (one committed state), then `PRAGMA rekey` on the copy: SQLite3MultipleCiphers
 *    rewrites every page encrypted (SQLCipher 4's scheme, the key raw; cipherKey.ts). It has no
 *    `sqlcipher_export`, and `.backup()` refuses plain → keyed.
 * 5. The copy is verified with the key: integrity_check, no SQLite header left in it, the same rows in every
 *    table, and the audit chain as whole as it was in the plain file.
 * 6. The copy is synced to the disk and renamed over the file (atomic), and the folder synced.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { verifyAuditFile } from '../audit/verifyAuditFile';
import { busyTimeoutMs } from './busyTimeout';
import { fileEncryption, openConnection, type DatabaseKey } from './cipherKey';
import { DatabaseError } from './errors';
import { integrityProblem } from './migrate';
import { ownerOnly } from './ownerOnly';
import { fsyncFile } from './restore';

/** The copy being encrypted, beside the file; one fixed name, so a run after a crash removes the last one's. */
export const encryptingCopyOf = (file: string): string => `${file}.encrypting.tmp`;

export interface EncryptResult {
  /** rows per table, the same before and after */
  tables: Record<string, number>;
  /** audit rows whose chain was verified in the encrypted copy (0: no chain in this schema) */
  auditRows: number;
}

export interface EncryptSteps {
  /** called after the checks, before anything is written: the verified backup (step 2) */
  backup: () => Promise<void> | void;
  /** a test's way to stop between steps, as a kill would (never set by the program) */
  afterStep?: (step: 'locked' | 'copied' | 'rekeyed' | 'verified' | 'swapped') => void;
}

function rowCounts(db: BetterSqlite3.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function chainOf(file: string, key: DatabaseKey | null): { rows: number; problems: number } | null {
  try {
    const r = verifyAuditFile(file, [], key);
    return { rows: r.rows, problems: r.problems.length };
  } catch {
    return null; // a schema before the chain (016): nothing to compare
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function fsyncFolder(dir: string): void {
  if (process.platform === 'win32') return; // a folder cannot be opened for syncing there; NTFS journals the rename
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Encrypts the plain database `file` with `key` in place (see above). The program must be closed. */
export async function encryptDatabaseFile(file: string, key: DatabaseKey, steps: EncryptSteps): Promise<EncryptResult> {
  const kind = fileEncryption(file);
  if (kind === 'encrypted') throw new DatabaseError('DB_ENCRYPTED', `数据库“${file}”已经加密，无需再加密。`);
  if (kind !== 'plain') throw new DatabaseError('DB_NOT_A_DATABASE', `“${file}”不是长护助手数据库（空文件或不是 SQLite 文件），没有加密。`);
  const tmp = encryptingCopyOf(file);
  removeQuietly(tmp);
  const before = chainOf(file, null);
  if (before && before.problems > 0) {
    throw new DatabaseError('DB_BACKUP_FAILED', `数据库的审计记录哈希链不完整（用 ltc verify-audit 查看），没有加密。请先查明原因。`);
  }
  await steps.backup();

  const lock = openConnection(file, { fileMustExist: true, timeout: busyTimeoutMs() }, null);
  let tables: Record<string, number>;
  try {
    try {
      // Only possible with no other connection: the program (or another ltc) still open is found here.
      const mode = lock.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new Error(`journal_mode ${String(mode)}`);
    } catch (err) {
      throw new DatabaseError('DB_BACKUP_FAILED', `数据库正被其他程序使用（另一个长护助手或 ltc 命令），没有加密。请关闭它们后再加密（${String(err)}）。`, {
        cause: err,
      });
    }
    lock.prepare('BEGIN IMMEDIATE').run();
    tables = rowCounts(lock);
    steps.afterStep?.('locked');

    // a second, read-only connection reads the last commit while the lock is held (a rollback journal lets a
    // reader in beside a RESERVED lock; VACUUM cannot run inside the lock's own transaction)
    const reader = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, null);
    try {
      reader.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      reader.close();
    }
    ownerOnly(tmp);
    steps.afterStep?.('copied');

    const copy = openConnection(tmp, { fileMustExist: true, timeout: busyTimeoutMs() }, null);
    try {
      copy.pragma("cipher = 'sqlcipher'");
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = "x'${key}'"`);
    } finally {
      copy.close();
    }
    steps.afterStep?.('rekeyed');

    if (fileEncryption(tmp) !== 'encrypted') throw new DatabaseError('DB_BACKUP_FAILED', '加密后的副本仍是明文，没有替换原数据库。');
    const problem = integrityProblem(tmp, key);
    if (problem) throw new DatabaseError('DB_BACKUP_FAILED', `加密后的副本未通过完整性检查（${problem}），没有替换原数据库。`);
    const check = openConnection(tmp, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
    let after: Record<string, number>;
    try {
      after = rowCounts(check);
    } finally {
      check.close();
    }
    const differ = Object.keys({ ...tables, ...after }).filter((t) => tables[t] !== after[t]);
    if (differ.length > 0) throw new DatabaseError('DB_BACKUP_FAILED', `加密后的副本与原数据库的记录数不同（${differ.join('、')}），没有替换原数据库。`);
    const chain = chainOf(tmp, key);
    if (before && (!chain || chain.problems > 0 || chain.rows !== before.rows)) {
      throw new DatabaseError('DB_BACKUP_FAILED', '加密后的副本中审计记录哈希链不完整，没有替换原数据库。');
    }
    steps.afterStep?.('verified');

    fsyncFile(tmp);
    // Windows cannot rename over a file that is open: the lock is let go first. Nothing can have been
    // committed meanwhile, and a program opening the file between the two finds the old one, whole.
    lock.prepare('ROLLBACK').run();
    lock.close();
    // -wal and -shm belong to the old file (there is no -wal: the rollback journal above); never pair them with the new one
    for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${side}`, { force: true });
    fs.renameSync(tmp, file);
    fsyncFolder(path.dirname(file));
    steps.afterStep?.('swapped');
    return { tables, auditRows: chain?.rows ?? 0 };
  } catch (err) {
    if (lock.open) lock.close();
    removeQuietly(tmp);
    throw err;
  }
}
