/**
 * Encryption at rest (decisions.md D37; electron/services/db/cipherKey.ts): on real files with the app's
 * driver (better-sqlite3-multiple-ciphers), what a person holding the file, a backup of it, or no key sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/services/db/backup';
import {
  DatabaseEncryptedError,
  DatabaseWrongKeyError,
  fileEncryption,
  newDatabaseKey,
  parseDatabaseKey,
  readKeyFile,
  writeNewKeyFile,
  type DatabaseKey,
} from '../../../electron/services/db/cipherKey';
import { openDatabase, openWorkerConnection } from '../../../electron/services/db/database';
import { describeDatabaseFile } from '../../../electron/services/db/describeFile';
import { encryptDatabaseFile, encryptingCopyOf } from '../../../electron/services/db/encryptFile';
import { takeUpgradeBackup } from '../../../electron/services/db/migrate';
import { restoreDatabase } from '../../../electron/services/db/restore';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { verifyAuditFile } from '../../../electron/services/audit/verifyAuditFile';
import { backupFacts } from '../../../electron/services/recovery/fileFacts';
import { openOrSafeMode } from '../../../electron/services/recovery/startup';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { sample, tempDir, track } from './helpers';

// a resident's 身份证号 in the sample institution: the plaintext that must not be in an encrypted file
const ID_NUMBER = sample().residents[0]!.idNumber;
const holdsPlaintext = (file: string): boolean => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(ID_NUMBER, 'utf8'));

function encryptedSample(key: DatabaseKey = newDatabaseKey()) {
  const file = path.join(tempDir(), 'ltc-desk.db');
  const db = track(openDatabase(file, { key }));
  importDataset(db, sample(), { actor: 't' });
  return { file, key, db };
}

describe('an encrypted database', () => {
  it('is created encrypted with a key, holds no ID number in its file or its -wal, and reads back every record with the key', () => {
    const { file, key, db } = encryptedSample();
    expect(db.key).toBe(key);
    expect(fileEncryption(file)).toBe('encrypted');
    expect(holdsPlaintext(file)).toBe(false);
    expect(holdsPlaintext(`${file}-wal`)).toBe(false);
    db.close();
    expect(holdsPlaintext(file)).toBe(false);

    const again = track(openDatabase(file, { key }));
    expect(exportDataset(again)).toStrictEqual(sample());
  });

  it('the same records in a plain file do show the ID number (the check above can see plaintext)', () => {
    const file = path.join(tempDir(), 'plain.db');
    const db = openDatabase(file);
    importDataset(db, sample(), { actor: 't' });
    expect(db.key).toBeNull();
    db.close();
    expect(fileEncryption(file)).toBe('plain');
    expect(holdsPlaintext(file)).toBe(true);
  });

  it('is refused without a key, in Chinese, untouched, and told apart from a damaged file', () => {
    const { file, db } = encryptedSample();
    db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseEncryptedError);
    expect(() => openDatabase(file)).toThrow(/数据库已加密，需要密钥文件或恢复码/);
    expect(() => describeDatabaseFile(file)).toThrow(/数据库已加密/);
    expect(() => new BetterSqlite3(file).prepare('SELECT count(*) FROM residents').get()).toThrow(/not a database/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);

    const damaged = path.join(tempDir(), 'damaged.db');
    fs.writeFileSync(damaged, '这不是数据库'.repeat(500));
    expect(fileEncryption(damaged)).toBe('unknown');
    expect(() => openDatabase(damaged)).toThrow(/不是长护助手数据库或已损坏/);
    expect(() => openDatabase(damaged)).not.toThrow(/加密|密钥/);
  });

  it('is refused with a wrong key: 密钥不正确', () => {
    const { file, db } = encryptedSample();
    db.close();
    expect(() => openDatabase(file, { key: newDatabaseKey() })).toThrow(DatabaseWrongKeyError);
    expect(() => openDatabase(file, { key: newDatabaseKey() })).toThrow(/密钥不正确/);
    expect(() => openWorkerConnection(file, { readonly: true, key: newDatabaseKey() })).toThrow(/密钥不正确/);
  });

  it('gives a worker the same records through its own keyed connection', () => {
    const { file, key, db } = encryptedSample();
    const worker = track(openWorkerConnection(file, { readonly: true, key }));
    expect(computeMonthClaim(worker, '2026-10')).toEqual(computeMonthClaim(db, '2026-10'));
  });

  it('a plain file opens plain when a key is given (a file not yet encrypted, an older backup)', () => {
    const file = path.join(tempDir(), 'plain.db');
    openDatabase(file).close();
    const db = track(openDatabase(file, { key: newDatabaseKey() }));
    expect(db.key).toBeNull();
    expect(fileEncryption(file)).toBe('plain');
  });
});

describe('backups of an encrypted database', () => {
  it('are encrypted with the same key: no ID number in the copy, verified with the key, refused without it', async () => {
    const { file, key, db } = encryptedSample();
    const dest = path.join(path.dirname(file), 'copy.db');
    await backupDatabase(db, dest);
    expect(fileEncryption(dest)).toBe('encrypted');
    expect(holdsPlaintext(dest)).toBe(false);
    expect(fs.readdirSync(path.dirname(dest)).filter((n) => n.startsWith('copy.db'))).toEqual(['copy.db']);

    expect(backupFacts(dest, key)).toMatchObject({ verified: true, problem: null, contents: { counts: { residents: 4, staff: 2, visits: 6 } } });
    expect(backupFacts(dest)).toMatchObject({ verified: false, problem: expect.stringMatching(/数据库已加密/) as string });
    expect(() => openDatabase(dest)).toThrow(/数据库已加密/);
    expect(exportDataset(track(openDatabase(dest, { key })))).toStrictEqual(sample());
  });

  it('the copy before an upgrade (VACUUM INTO) is encrypted too', () => {
    const { file, key, db } = encryptedSample();
    db.close();
    const copy = takeUpgradeBackup(file, '0.1.0', '0.2.0', new Date(), key);
    expect(fileEncryption(copy)).toBe('encrypted');
    expect(holdsPlaintext(copy)).toBe(false);
  });

  it('restore with the key; without it nothing is replaced', async () => {
    const { file, key, db } = encryptedSample();
    const backup = path.join(path.dirname(file), 'b.db');
    await backupDatabase(db, backup);
    db.raw.prepare('DELETE FROM visits').run();
    db.close();

    expect(() => restoreDatabase(file, backup, 't')).toThrow(/数据库已加密/);
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.includes('before-restore'))).toBe(false);

    const r = restoreDatabase(file, backup, 't', { key });
    expect(r.previous).not.toBeNull();
    // the copy of the replaced file is as encrypted as the file was
    expect(fileEncryption(r.previous!)).toBe('encrypted');
    expect(exportDataset(track(openDatabase(file, { key })))).toStrictEqual(sample());
    expect(holdsPlaintext(file)).toBe(false);
  });
});

describe('safe mode at start', () => {
  it('names an encrypted file without its key, and a wrong key, apart from a damaged file', () => {
    const { file, db } = encryptedSample();
    db.close();
    const none = openOrSafeMode(file);
    expect(none.mode === 'safe' && none.failure.kind).toBe('encrypted');
    const wrong = openOrSafeMode(file, { key: newDatabaseKey() });
    expect(wrong.mode === 'safe' && wrong.failure.kind).toBe('wrong-key');
    expect(wrong.mode === 'safe' && wrong.failure.title).toBe('密钥不正确');
  });
});

describe('key files', () => {
  it('a new key file is 64 hex characters, owner-only, and never written over an existing one', () => {
    const file = path.join(tempDir(), 'db.key');
    const key = writeNewKeyFile(file);
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readKeyFile(file)).toBe(key);
    expect(() => writeNewKeyFile(file)).toThrow(/无法创建密钥文件/);
    expect(readKeyFile(file)).toBe(key);
  });

  it('a file that is not a key is refused in Chinese', () => {
    const file = path.join(tempDir(), 'bad.key');
    fs.writeFileSync(file, 'secret');
    expect(() => readKeyFile(file)).toThrow(/不是数据库密钥/);
    expect(() => readKeyFile(path.join(tempDir(), 'none.key'))).toThrow(/文件不存在/);
    expect(parseDatabaseKey(` ${'AB'.repeat(32)}\n`)).toBe('ab'.repeat(32));
  });
});

describe('encrypting a plain file in place', () => {
  function plainSample() {
    const file = path.join(tempDir(), 'ltc-desk.db');
    const db = openDatabase(file);
    importDataset(db, sample(), { actor: 't' });
    db.close();
    return file;
  }

  it('converts it: encrypted, no ID number left in it, every record and the audit chain as they were', async () => {
    const file = plainSample();
    const plain = openDatabase(file);
    const claimBefore = computeMonthClaim(plain, '2026-10');
    plain.close();
    const chainBefore = verifyAuditFile(file);
    const key = newDatabaseKey();
    let backedUp = false;
    const r = await encryptDatabaseFile(file, key, { backup: () => void (backedUp = true) });
    expect(backedUp).toBe(true);
    expect(r.tables['residents']).toBe(4);
    expect(fileEncryption(file)).toBe('encrypted');
    expect(holdsPlaintext(file)).toBe(false);
    expect(fs.existsSync(encryptingCopyOf(file))).toBe(false);
    const db = track(openDatabase(file, { key }));
    expect(exportDataset(db)).toStrictEqual(sample());
    expect(computeMonthClaim(db, '2026-10')).toEqual(claimBefore);
    expect(verifyAuditFile(file, [], key)).toEqual(chainBefore);
  });

  it('is refused while another connection has the file open (the program), leaving it plain', async () => {
    const file = plainSample();
    const app = track(openDatabase(file));
    await expect(encryptDatabaseFile(file, newDatabaseKey(), { backup: () => undefined })).rejects.toThrow(/正被其他程序使用/);
    app.close();
    expect(fileEncryption(file)).toBe('plain');
    expect(fs.existsSync(encryptingCopyOf(file))).toBe(false);
  });

  it('refuses a file already encrypted', async () => {
    const { file, db } = encryptedSample();
    db.close();
    await expect(encryptDatabaseFile(file, newDatabaseKey(), { backup: () => undefined })).rejects.toThrow(/已经加密/);
  });
});
