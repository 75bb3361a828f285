/**
 * Encryption at rest (issue 16 §3, docs/decisions.md D37): the database key and the one place it is
 * applied. The driver is better-sqlite3-multiple-ciphers under better-sqlite3's name (package.json), which
 * writes SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page): `sqlcipher` and DB Browser for SQLite
 * open the files with the key.
 *
 * The key is 32 random bytes, given to SQLCipher raw (`x'…'`): a raw key skips SQLCipher 4's 256,000
 * rounds of PBKDF2 (~150 ms on the build machine) at every connection, the workers' and each probe's.
 * It is kept as 64 lowercase hex characters, a string, so that it crosses to a worker thread as is.
 *
 * Every connection to the app's database or a copy of it is opened by `openConnection` below: it looks at
 * the file's first page before SQLite does, keys the connection before any other statement when the file
 * is encrypted (or new and a key is given), proves the key on the schema, and tells an encrypted file
 * without its key, or with a wrong one, apart from a damaged file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from './errors';

declare const keyBrand: unique symbol;
/** A raw 256-bit database key as 64 lowercase hex characters. Never logged, never audited. */
export type DatabaseKey = string & { readonly [keyBrand]: true };

const KEY_HEX = /^[0-9a-f]{64}$/;

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex') as DatabaseKey;
}

/** The key from its text (64 hex characters, either case; surrounding white space ignored), or null. */
export function parseDatabaseKey(text: string): DatabaseKey | null {
  const hex = text.trim().toLowerCase();
  return KEY_HEX.test(hex) ? (hex as DatabaseKey) : null;
}

/** Reads a key file (`ltc --key-file`, `--key-file` of the host): the key as 64 hex characters. */
export function readKeyFile(file: string): DatabaseKey {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DatabaseError('DB_KEY_FILE', `无法读取密钥文件“${file}”：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String(err)}。`, {
      cause: err,
    });
  }
  const key = parseDatabaseKey(text);
  if (!key) throw new DatabaseError('DB_KEY_FILE', `密钥文件“${file}”的内容不是数据库密钥（应为 64 个十六进制字符）。`);
  return key;
}

/**
 * Writes a new random key to `file`, readable and writable by its owner only, never over an existing file
 * (a key overwritten is a database lost): the key with a newline.
 */
export function writeNewKeyFile(file: string): DatabaseKey {
  const key = newDatabaseKey();
  writeKeyFile(file, key);
  return key;
}

/** Writes `key` to a new file `file` (owner-only; never over an existing file). */
export function writeKeyFile(file: string, key: DatabaseKey): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    throw new DatabaseError('DB_KEY_FILE', `无法创建密钥文件“${file}”：${String(err)}`, { cause: err });
  }
  try {
    fs.writeSync(fd, `${key}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
}

/**
 * What a file is, from its first page, without SQLite: `new` (absent or empty: SQLite creates it),
 * `plain` (SQLite's header, "SQLite format 3\0"), `encrypted` (no header, whole pages that look random:
 * SQLCipher's page 1 starts with its random salt and is ciphertext throughout), `unknown` (anything else:
 * SQLite says what, usually "file is not a database").
 */
export type FileEncryption = 'new' | 'plain' | 'encrypted' | 'unknown';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function fileEncryption(file: string): FileEncryption {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'new';
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'new';
    const head = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 16).equals(SQLITE_MAGIC)) return 'plain';
    // SQLCipher writes whole pages (4096 bytes); ciphertext uses nearly every byte value in a page (a page
    // of random bytes has ~256 distinct ones), text or a zeroed file a few dozen
    if (size % 512 !== 0 || head.length < 4096) return 'unknown';
    return new Set(head).size >= 200 ? 'encrypted' : 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

/** Keys a connection: SQLCipher 4's scheme, the key raw. Must run before any other statement on it. */
function applyKey(raw: BetterSqlite3.Database, key: DatabaseKey): void {
  // parseDatabaseKey/newDatabaseKey only ever make 64 hex characters: nothing here can end the literal
  if (!KEY_HEX.test(key)) throw new DatabaseError('DB_KEY_FILE', '数据库密钥格式不对（应为 64 个十六进制字符）。');
  raw.pragma("cipher = 'sqlcipher'");
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${key}'"`);
}

export const ENCRYPTED_NO_KEY = '数据库已加密，需要密钥文件或恢复码才能打开';
export const WRONG_KEY = '密钥不正确，无法解开这个加密的数据库';

/** The file is encrypted and no key was given. */
export class DatabaseEncryptedError extends DatabaseError {
  constructor(readonly file: string) {
    super('DB_ENCRYPTED', `${ENCRYPTED_NO_KEY}：“${file}”。命令行请用 --key-file 指定密钥文件。`);
    this.name = 'DatabaseEncryptedError';
  }
}

/** The file is encrypted and the key given does not open it (or, if the key is surely right, its first page is damaged). */
export class DatabaseWrongKeyError extends DatabaseError {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super('DB_WRONG_KEY', `${WRONG_KEY}：“${file}”。请确认密钥文件属于这个数据库；如果密钥确实无误，则是文件的开头已损坏，请从备份恢复。`, { cause });
    this.name = 'DatabaseWrongKeyError';
  }
}

const sqliteCode = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/**
 * Opens a connection to `file` (better-sqlite3's options), keyed when the file is encrypted, or new and a
 * key is given (so that SQLite creates it encrypted). A plain file opens plain even when a key is given:
 * the key is what a caller holds for this database, and a file not yet encrypted (before `ltc encrypt`,
 * an older plain backup) needs none. Throws `DatabaseEncryptedError` / `DatabaseWrongKeyError`; anything
 * else as SQLite throws it (a damaged file: SQLITE_NOTADB, SQLITE_CORRUPT).
 */
export function openConnection(file: string, options: BetterSqlite3.Options, key: DatabaseKey | null | undefined): BetterSqlite3.Database {
  const kind = fileEncryption(file);
  if (kind === 'encrypted' && !key) throw new DatabaseEncryptedError(file);
  const raw = new BetterSqlite3(file, options);
  if (!key || kind === 'plain' || kind === 'unknown' || (kind === 'new' && options.readonly)) return raw;
  try {
    applyKey(raw, key);
    // The key is only checked when the first page is read: read it now, so a wrong key fails here, by name.
    raw.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  } catch (err) {
    raw.close();
    if (sqliteCode(err) === 'SQLITE_NOTADB') throw new DatabaseWrongKeyError(file, err);
    throw err;
  }
  return raw;
}

/** The key a connection to `file` is keyed with: null for a plain file (or one SQLite will refuse), else `key`. */
export function keyInUse(file: string, key: DatabaseKey | null | undefined): DatabaseKey | null {
  const kind = fileEncryption(file);
  return key && (kind === 'encrypted' || kind === 'new') ? key : null;
}
