/**
 * Where the desktop app keeps its database's key (decisions.md D37): a sidecar file beside the database,
 * `<db>.key.json`, owner-only, holding the key twice, never in clear:
 * - `os`: encrypted by the operating system for this user on this PC (Electron's `safeStorage`: DPAPI on
 *   Windows, the Keychain, libsecret), so the app opens its database at every start without asking;
 * - `recovery`: wrapped under the first administrator's recovery code (scrypt, as passwords.ts hashes it,
 *   then AES-256-GCM), so that on another PC or a reinstalled Windows, where the OS copy cannot be opened,
 *   the recovery code opens the database (safe mode asks for it) and the key is wrapped for this PC again.
 * Plain Node: the OS protection is an interface (main/ gives it `safeStorage`; tests a stand-in).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeRecoveryCode } from '../auth/passwords';
import { InputError } from '../errors';
import { newDatabaseKey, parseDatabaseKey, type DatabaseKey } from './cipherKey';

/** The part of Electron's `safeStorage` the vault uses. */
export interface OsKeyProtection {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(data: Buffer): string;
}

/** Where the OS offers none (the command line, which only unwraps with the recovery code). */
export const NO_OS_PROTECTION: OsKeyProtection = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no OS protection');
  },
  decryptString: () => {
    throw new Error('no OS protection');
  },
};

interface RecoveryWrap {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

interface Sidecar {
  format: 'ltc-desk-db-key';
  version: 1;
  /** base64 of the OS-encrypted key */
  os: string | null;
  recovery: RecoveryWrap | null;
}

export const sidecarOf = (dbFile: string): string => `${dbFile}.key.json`;

const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
// binds the ciphertext to what it is: a database key of this format
const AAD = Buffer.from('ltc-desk-db-key v1');

export function readSidecar(dbFile: string): Sidecar | null {
  let text: string;
  try {
    text = fs.readFileSync(sidecarOf(dbFile), 'utf8');
  } catch {
    return null;
  }
  const s = JSON.parse(text) as Partial<Sidecar>;
  if (s.format !== 'ltc-desk-db-key' || s.version !== 1) throw new InputError(`密钥文件“${sidecarOf(dbFile)}”的格式不对。`);
  return { format: s.format, version: 1, os: s.os ?? null, recovery: s.recovery ?? null };
}

/** Written whole beside the database, synced, then renamed over the old one: a power cut leaves one or the other. */
function writeSidecar(dbFile: string, s: Sidecar): void {
  const file = sidecarOf(dbFile);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(s, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function derive(code: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...o, maxmem: 128 * o.N * o.r * 2 };
  return new Promise((done, fail) => scrypt(normalizeRecoveryCode(code), salt, 32, options, (err, key) => (err ? fail(err) : done(key))));
}

async function wrap(key: DatabaseKey, code: string): Promise<RecoveryWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(code, salt, SCRYPT), iv);
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The key under `code`, or null when the code is not the one it was wrapped under. */
async function unwrap(w: RecoveryWrap, code: string): Promise<DatabaseKey | null> {
  const decipher = createDecipheriv('aes-256-gcm', await derive(code, Buffer.from(w.salt, 'base64'), w), Buffer.from(w.iv, 'base64'));
  decipher.setAAD(AAD);
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    return parseDatabaseKey(Buffer.concat([decipher.update(Buffer.from(w.data, 'base64')), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}

export interface VaultKey {
  /** the key, when the OS copy opened */
  key: DatabaseKey | null;
  /** there is a key for this database but the OS copy did not open (another PC, a reinstalled Windows): the recovery code can */
  needsRecoveryCode: boolean;
}

/** The database's key from its sidecar, opened by the OS; `{ key: null, needsRecoveryCode: false }` without a sidecar (a plain database). */
export function keyFromVault(dbFile: string, os: OsKeyProtection): VaultKey {
  const s = readSidecar(dbFile);
  if (!s) return { key: null, needsRecoveryCode: false };
  if (s.os && os.isEncryptionAvailable()) {
    try {
      const key = parseDatabaseKey(os.decryptString(Buffer.from(s.os, 'base64')));
      if (key) return { key, needsRecoveryCode: false };
    } catch {
      // another user's or another PC's protection: the recovery code is the way in
    }
  }
  return { key: null, needsRecoveryCode: s.recovery !== null };
}

/**
 * A fresh key for a new database, kept by the OS in a new sidecar. null where the OS offers no protection
 * (a Linux without a keyring): the database is then created plain, as a key kept in clear beside it would
 * protect nothing. Never replaces an existing sidecar.
 */
export function newKeyInVault(dbFile: string, os: OsKeyProtection): DatabaseKey | null {
  if (!os.isEncryptionAvailable() || fs.existsSync(sidecarOf(dbFile))) return null;
  const key = newDatabaseKey();
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  writeSidecar(dbFile, { format: 'ltc-desk-db-key', version: 1, os: os.encryptString(key).toString('base64'), recovery: null });
  return key;
}

/**
 * The key of a plain database about to be encrypted in place (加密数据库, recovery/encryptInPlace.ts), kept
 * before the file is touched: by the OS where it offers protection, and always under the recovery code the
 * 管理员 gave. Replaces whatever sidecar is there: the caller has checked that the file is plain, so a sidecar
 * beside it is a stale one (an encryption cut short), whose key opens nothing. A crash after this and before
 * the swap leaves the plain file with a key it does not need: a plain file opens plain (cipherKey.ts keyInUse).
 */
export async function keepKeyForEncryption(dbFile: string, key: DatabaseKey, code: string, os: OsKeyProtection): Promise<void> {
  const osCopy = os.isEncryptionAvailable() ? os.encryptString(key).toString('base64') : null;
  writeSidecar(dbFile, { format: 'ltc-desk-db-key', version: 1, os: osCopy, recovery: await wrap(key, code) });
}

/** Removes a sidecar written for an encryption that did not happen (the file stayed plain). */
export function dropSidecar(dbFile: string): void {
  fs.rmSync(sidecarOf(dbFile), { force: true });
}

/**
 * Wraps the key under a recovery code issued for the database (the first administrator's, at `auth.setup`),
 * or, given `replaced`, moves the wrap from a replaced code to its successor (`auth.recover`): only when the
 * replaced code is the one the key is wrapped under. Keeps the OS copy.
 */
export async function wrapUnderRecoveryCode(dbFile: string, key: DatabaseKey, code: string, replaced: string | null = null): Promise<boolean> {
  const s = readSidecar(dbFile) ?? { format: 'ltc-desk-db-key' as const, version: 1 as const, os: null, recovery: null };
  if (replaced !== null && (!s.recovery || (await unwrap(s.recovery, replaced)) !== key)) return false;
  if (replaced === null && s.recovery) return false; // the first administrator's code is the one; a later setup cannot happen
  writeSidecar(dbFile, { ...s, recovery: await wrap(key, code) });
  return true;
}

/**
 * Opens the key with the recovery code (the OS copy could not) and wraps it for this PC's OS again. A wrong
 * code is refused in Chinese; nothing is written then.
 */
export async function unlockWithRecoveryCode(dbFile: string, code: string, os: OsKeyProtection): Promise<DatabaseKey> {
  const s = readSidecar(dbFile);
  if (!s?.recovery) throw new InputError(`找不到这个数据库的密钥文件（${path.basename(sidecarOf(dbFile))}），恢复码无法解锁。请把它与数据库放在同一文件夹。`);
  const key = await unwrap(s.recovery, code);
  if (!key) throw new InputError('恢复码不正确，请核对首次设置时打印或保存的恢复码（字母不分大小写，短横线可省略）。');
  if (os.isEncryptionAvailable()) writeSidecar(dbFile, { ...s, os: os.encryptString(key).toString('base64') });
  return key;
}
