/**
 * 加密数据库 from the window (services/recovery/encryptInPlace.ts; issue 16 §3, decisions.md D37): a plain
 * database in use, with a claim worker still holding its connection, encrypted in one step through the
 * contract; the same records and claim after; the key kept by "this PC" and under the recovery code; refusals
 * that change nothing; a failure that leaves the plain file in use. Needs `npm run build` (the claim worker).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, EncryptOutcome } from '../../../shared/api/app';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import { verifyAuditFile } from '../../../electron/services/audit/verifyAuditFile';
import { checkLogin, recoverWithCode, setupFirstAdmin } from '../../../electron/services/auth/users';
import { memorySlot, SessionStore } from '../../../electron/services/auth/sessions';
import { createBackup } from '../../../electron/services/backups/backupFolder';
import { computeMonthClaimOffThread } from '../../../electron/services/claims/claimOffThread';
import { fileEncryption, type DatabaseKey } from '../../../electron/services/db/cipherKey';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { dropSidecar, keepKeyForEncryption, keyFromVault, sidecarOf, unlockWithRecoveryCode } from '../../../electron/services/db/keyVault';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { createRecoveringDispatch } from '../../../electron/services/recovery/safeMode';
import { openOrSafeMode } from '../../../electron/services/recovery/startup';
import { pc, sample, tempDir, track } from '../services/helpers';

const CLAIM_WORKER = path.resolve(__dirname, '../../../out/main/claimWorker.js');
beforeAll(() => {
  if (!existsSync(CLAIM_WORKER)) throw new Error('out/main/claimWorker.js is missing: run `npm run build` before these tests');
});

const ID_NUMBER = sample().residents[0]!.idNumber;

/** A plain database with the sample's records, its first 管理员 (and her recovery code), and one backup. */
async function plainInstitution(): Promise<{ file: string; code: string }> {
  const file = path.join(tempDir(), 'ltc-desk.db');
  const db = openDatabase(file);
  importDataset(db, sample(), { actor: 'seed' });
  const { recoveryCode } = await setupFirstAdmin(db, '王管理', 'admin-pass-1');
  await createBackup(db, 'manual');
  db.close();
  return { file, code: recoveryCode };
}

/** The desktop's face over `file` (main/index.ts's wiring, with a stand-in for the OS's key protection). */
function desktopFace(file: string, o: { keeps?: boolean; sessions?: SessionStore } = {}) {
  const os = pc('this-pc');
  const start = openOrSafeMode(file, { key: keyFromVault(file, os).key });
  const opened: LtcDatabase[] = [];
  const face = createRecoveringDispatch(
    file,
    start,
    {
      actor: 'tester',
      shell: 'desktop',
      ...(o.keeps !== false && {
        keepNewKey: (key: DatabaseKey, code: string) => keepKeyForEncryption(file, key, code, os),
        dropNewKey: () => dropSidecar(file),
      }),
    },
    (db, encryption) => {
      opened.push(track(db));
      return createDispatcher(handlers, {
        db,
        actor: '王管理',
        shell: 'desktop',
        appVersion: '0.0.0-test',
        openFolder: () => false,
        encryption,
        sessions: o.sessions,
      });
    },
  );
  const slot = memorySlot();
  const call = async <T>(method: string, input: unknown = undefined): Promise<T> => {
    const r = await face.dispatch(method, input, slot);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, problems: r.error.problems });
    return r.value as T;
  };
  return { ...face, call, os };
}

const residentCount = (db: LtcDatabase) => db.raw.prepare('SELECT count(*) FROM residents').pluck().get() as number;

describe('加密数据库 from the window', () => {
  it('encrypts the file in use in one step, with a worker holding it; same records and claim after; the key kept twice', async () => {
    const { file, code } = await plainInstitution();
    const f = desktopFace(file);
    expect((await f.call<AppInfo>('app.info')).encryption).toEqual({ encrypted: false, unavailable: null, hasRecoveryCode: true });
    // the claim worker keeps its own connection to the file between requests: it must be let go
    const before = await computeMonthClaimOffThread(f.db()!, '2026-10', CLAIM_WORKER);
    const residents = residentCount(f.db()!);

    const o = await f.call<EncryptOutcome>('app.encryptDatabase', { recoveryCode: code.toLowerCase(), encryptBackups: true, confirm: true });
    expect(fileEncryption(file)).toBe('encrypted');
    expect(readFileSync(file).includes(Buffer.from(ID_NUMBER))).toBe(false);
    expect(o.tables).toBeGreaterThan(10);
    expect(o.rows).toBeGreaterThan(residents);
    expect(o.auditRows).toBeGreaterThan(0);
    expect(o.backup).toMatch(/^ltc-desk-manual-.*\.db$/);
    // the backup taken first, and the one from before, encrypted with the same key
    const folder = path.join(path.dirname(file), 'backups');
    const backups = readdirSync(folder).filter((n) => n.endsWith('.db'));
    expect(backups).toHaveLength(2);
    expect(o.backupsEncrypted.sort()).toEqual(backups.sort());
    expect(o.backupsFailed).toEqual([]);
    for (const b of backups) expect(fileEncryption(path.join(folder, b))).toBe('encrypted');

    // the window goes on, on the encrypted file: the same records, the same claim, the audit row, a whole chain
    const db = f.db()!;
    expect(db.key).not.toBeNull();
    expect(residentCount(db)).toBe(residents);
    expect((await f.call<AppInfo>('app.info')).encryption).toEqual({ encrypted: true, unavailable: null, hasRecoveryCode: true });
    expect(await computeMonthClaimOffThread(db, '2026-10', CLAIM_WORKER)).toEqual(before);
    const audit = db.raw.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'encrypt'").all() as { actor: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('王管理');
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ backup: o.backup, via: '设置', backupsEncrypted: 2 });
    expect(verifyAuditFile(file, [], db.key).problems).toEqual([]);

    // the key: this PC opens it at the next start; another PC with the recovery code; never in clear beside it
    expect(keyFromVault(file, f.os).key).toBe(db.key);
    expect(readFileSync(sidecarOf(file), 'utf8')).not.toContain(db.key!);
    const next = openOrSafeMode(file, { key: keyFromVault(file, f.os).key });
    expect(next.mode === 'safe' ? next.failure : null).toBeNull();
    if (next.mode === 'normal') expect(residentCount(track(next.db))).toBe(residents);
    expect(keyFromVault(file, pc('other-pc'))).toEqual({ key: null, needsRecoveryCode: true });
    expect(await unlockWithRecoveryCode(file, code, pc('other-pc'))).toBe(db.key);
  });

  it('a wrong recovery code is said under its field, and nothing is written', async () => {
    const { file } = await plainInstitution();
    const f = desktopFace(file);
    const r = await f.dispatch('app.encryptDatabase', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD', encryptBackups: true, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', problems: [{ path: 'recoveryCode' }] } });
    expect(r.ok || r.error.message).toContain('恢复码不正确');
    expect(fileEncryption(file)).toBe('plain');
    expect(existsSync(sidecarOf(file))).toBe(false);
    expect(readdirSync(path.join(path.dirname(file), 'backups'))).toHaveLength(1);
    // without the confirmation the call does not run at all
    expect(await f.dispatch('app.encryptDatabase', { recoveryCode: 'x', encryptBackups: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('another program holding the file: refused in words, the plain file stays in use, its stale key forgotten', async () => {
    const { file, code } = await plainInstitution();
    const f = desktopFace(file);
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      other.prepare('SELECT count(*) FROM residents').get();
      const r = await f.dispatch('app.encryptDatabase', { recoveryCode: code, encryptBackups: false, confirm: true });
      expect(r.ok || r.error.message).toContain('正被其他程序使用');
    } finally {
      other.close();
    }
    expect(fileEncryption(file)).toBe('plain');
    expect(existsSync(sidecarOf(file))).toBe(false);
    expect(f.failure()).toBeNull();
    expect(residentCount(f.db()!)).toBe(sample().residents.length);
    // and it can be done once the other program is gone
    await f.call('app.encryptDatabase', { recoveryCode: code, encryptBackups: false, confirm: true });
    expect(fileEncryption(file)).toBe('encrypted');
    // the backups were left as they were (not asked): plain (the first one's, and each attempt's verified backup)
    const folder = path.join(path.dirname(file), 'backups');
    expect(readdirSync(folder).map((n) => fileEncryption(path.join(folder, n)))).toEqual(['plain', 'plain', 'plain']);
  });

  it('every other call waits while the file is closed; a second encryption is refused', async () => {
    const { file, code } = await plainInstitution();
    const f = desktopFace(file);
    const running = f.dispatch('app.encryptDatabase', { recoveryCode: code, encryptBackups: false, confirm: true });
    await new Promise((r) => setTimeout(r, 5));
    expect(await f.dispatch('residents.list', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('正在加密数据库') },
    });
    expect((await running).ok).toBe(true);
    expect((await f.dispatch('residents.list', {})).ok).toBe(true);
    expect(await f.dispatch('app.encryptDatabase', { recoveryCode: code, encryptBackups: false, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已经加密') },
    });
  });

  it('a face that keeps no keys says why, and refuses', async () => {
    const { file, code } = await plainInstitution();
    const f = desktopFace(file, { keeps: false });
    expect((await f.call<AppInfo>('app.info')).encryption.unavailable).toContain('ltc encrypt');
    expect(await f.dispatch('app.encryptDatabase', { recoveryCode: code, encryptBackups: false, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(fileEncryption(file)).toBe('plain');
  });

  it('a power cut after the key was kept and before the swap: the plain file with its stale key opens plain', async () => {
    const { file, code } = await plainInstitution();
    const os = pc('this-pc');
    const { newDatabaseKey } = await import('../../../electron/services/db/cipherKey');
    await keepKeyForEncryption(file, newDatabaseKey(), code, os);
    const start = openOrSafeMode(file, { key: keyFromVault(file, os).key });
    expect(start.mode).toBe('normal');
    if (start.mode === 'normal') {
      expect(track(start.db).key).toBeNull();
      expect(residentCount(start.db)).toBe(sample().residents.length);
    }
  });

  it('a 管理员 made without a recovery code (an older ltc user add) gets one, shown once, that opens the key and resets her password', async () => {
    const { file } = await plainInstitution();
    const raw = new BetterSqlite3(file);
    raw.prepare('UPDATE users SET recovery_hash = NULL').run();
    raw.close();
    const f = desktopFace(file, { sessions: new SessionStore() });
    await f.call('auth.login', { name: '王管理', password: 'admin-pass-1' });
    expect((await f.call<AppInfo>('app.info')).encryption).toEqual({ encrypted: false, unavailable: null, hasRecoveryCode: false });
    const o = await f.call<EncryptOutcome>('app.encryptDatabase', { encryptBackups: false, confirm: true });
    expect(o.newRecoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    expect(fileEncryption(file)).toBe('encrypted');
    // the same session goes on; the code now exists, so a second face would ask for it
    expect((await f.call<AppInfo>('app.info')).encryption).toEqual({ encrypted: true, unavailable: null, hasRecoveryCode: true });
    expect(await unlockWithRecoveryCode(file, o.newRecoveryCode!, pc('other-pc'))).toBe(f.db()!.key);
    await recoverWithCode(f.db()!, '王管理', o.newRecoveryCode!, 'admin-pass-2', 'x');
    await expect(checkLogin(f.db()!, '王管理', 'admin-pass-2', 'x')).resolves.toMatchObject({ role: 'admin' });
    const issued = f.db()!.raw.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'issue-recovery-code'").all() as {
      actor: string;
      after_json: string;
    }[];
    expect(issued).toEqual([{ actor: '王管理', after_json: expect.not.stringContaining(o.newRecoveryCode!) }]);
  });

  it('where a 管理员 has a code, leaving it out is refused under its field', async () => {
    const { file } = await plainInstitution();
    const f = desktopFace(file);
    const r = await f.dispatch('app.encryptDatabase', { encryptBackups: false, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', problems: [{ path: 'recoveryCode' }] } });
    expect(fileEncryption(file)).toBe('plain');
  });
});
