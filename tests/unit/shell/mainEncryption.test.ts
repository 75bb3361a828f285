/**
 * The BUILT main process (out/main/index.js) with the stand-in `electron` (tests/support/electronStandIn.cjs),
 * whose `safeStorage` is bound to a "PC" (LTC_STANDIN_PC): encryption at rest as the desktop app does it
 * (decisions.md D37). A first start makes an encrypted database with a new key kept by the OS beside it; the
 * first administrator's recovery code wraps the key too; on another PC the app starts in safe mode (数据库已加密)
 * until the recovery code is given, and then keeps the key for that PC.
 * Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileEncryption } from '../../../electron/services/db/cipherKey';
import { tempDir } from '../services/helpers';
import { requireBuiltMain, ROOT, runBuiltMain } from './builtMain';

interface Answer {
  value?: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}
interface Run {
  login: Answer;
  status: Answer;
  unlock: Answer | null;
  encrypt: { login: Answer; encrypted: Answer; info: Answer } | null;
}

beforeAll(requireBuiltMain);

const run = (userData: string, env: Record<string, string> = {}): Run => runBuiltMain<Run>(userData, env);

describe('the desktop app encrypts its database', () => {
  it('a first start: an encrypted database, its key kept by the OS and under the recovery code; another PC needs the code', () => {
    const userData = tempDir();
    const db = path.join(userData, 'ltc-desk.db');
    const sidecar = `${db}.key.json`;
    const first = run(userData);
    expect(first.status.value).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(first.login.value?.ok).toBe(true);
    const code = first.login.value?.value?.['recoveryCode'] as string;
    expect(fileEncryption(db)).toBe('encrypted');
    const kept = JSON.parse(readFileSync(sidecar, 'utf8')) as { os: string; recovery: { kdf: string } | null };
    expect(kept.os).toBeTruthy();
    expect(kept.recovery?.kdf).toBe('scrypt');
    if (process.platform !== 'win32') expect(statSync(sidecar).mode & 0o777).toBe(0o600);
    // the key is nowhere in clear: neither the OS copy's stand-in plaintext nor hex in the sidecar is the key itself
    expect(readFileSync(sidecar, 'utf8')).not.toMatch(/[0-9a-f]{64}/);

    // the command line takes the key out with the recovery code, for --key-file
    const keyFile = path.join(userData, 'admin.key');
    const ltc = (args: string[], input = '') =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/ltc.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });
    expect(ltc(['check', '--db', db]).stderr).toContain('数据库已加密');
    expect(ltc(['recover-key', '--db', db, '--key-file', keyFile], 'AAAAA-BBBBB-CCCCC-DDDDD\n').stderr).toContain('恢复码不正确');
    expect(existsSync(keyFile)).toBe(false);
    const recovered = ltc(['recover-key', '--db', db, '--key-file', keyFile], `${code}\n`);
    expect(recovered.status, recovered.stderr).toBe(0);
    const check = ltc(['check', '--db', db, '--key-file', keyFile]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain('数据库完整性检查通过');

    // the same PC again: opens without asking
    expect(run(userData).status.value).toEqual({ ok: true, value: { mode: 'normal' } });

    // another PC: safe mode, in Chinese; a wrong code is refused; the right one opens it and keeps the key for this PC
    const other = run(userData, { LTC_STANDIN_PC: 'pc2' });
    expect(other.status.value).toMatchObject({ ok: true, value: { mode: 'safe', failure: { kind: 'encrypted', title: '数据库已加密' } } });
    const wrong = run(userData, { LTC_STANDIN_PC: 'pc2', LTC_STANDIN_RECOVERY_CODE: 'AAAAA-BBBBB-CCCCC-DDDDD' });
    expect(wrong.unlock?.value).toMatchObject({ ok: false, error: { message: expect.stringContaining('恢复码不正确') as string } });
    const unlocked = run(userData, { LTC_STANDIN_PC: 'pc2', LTC_STANDIN_RECOVERY_CODE: code.toLowerCase() });
    expect(unlocked.unlock?.value).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(run(userData, { LTC_STANDIN_PC: 'pc2' }).status.value).toEqual({ ok: true, value: { mode: 'normal' } });
  });

  it('where the OS offers no protection for the key, the new database stays plain (a key in clear beside it would protect nothing)', () => {
    const userData = tempDir();
    const rec = run(userData, { LTC_STANDIN_SAFE_STORAGE: 'off' });
    expect(rec.status.value).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(fileEncryption(path.join(userData, 'ltc-desk.db'))).toBe('plain');
    expect(existsSync(path.join(userData, 'ltc-desk.db.key.json'))).toBe(false);
  });

  it('a plain database (made where the OS offered no protection) is encrypted from 设置 once it does: the key kept by the OS and under the code', () => {
    const userData = tempDir();
    const db = path.join(userData, 'ltc-desk.db');
    const plain = run(userData, { LTC_STANDIN_SAFE_STORAGE: 'off' });
    const code = plain.login.value?.value?.['recoveryCode'] as string;
    expect(fileEncryption(db)).toBe('plain');
    // still no protection: the window says why it cannot, and refuses
    const refused = run(userData, { LTC_STANDIN_SAFE_STORAGE: 'off', LTC_STANDIN_ENCRYPT_CODE: code });
    expect((refused.encrypt?.info.value?.value?.['encryption'] as { unavailable: string }).unavailable).toContain('本机系统不提供密钥保护');
    expect(refused.encrypt?.encrypted.value).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(fileEncryption(db)).toBe('plain');

    const rec = run(userData, { LTC_STANDIN_ENCRYPT_CODE: code });
    expect(rec.encrypt?.login.value?.ok).toBe(true);
    expect(rec.encrypt?.encrypted.value).toMatchObject({ ok: true, value: { newRecoveryCode: null, backupsFailed: [] } });
    expect(rec.encrypt?.info.value?.value?.['encryption']).toEqual({ encrypted: true, unavailable: null, hasRecoveryCode: true });
    expect(fileEncryption(db)).toBe('encrypted');
    const kept = JSON.parse(readFileSync(`${db}.key.json`, 'utf8')) as { os: string; recovery: { kdf: string } | null };
    expect(kept.os).toBeTruthy();
    expect(kept.recovery?.kdf).toBe('scrypt');
    // this PC opens it at the next start; another PC with the code
    expect(run(userData).status.value).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(run(userData, { LTC_STANDIN_PC: 'pc2' }).status.value).toMatchObject({ ok: true, value: { mode: 'safe', failure: { kind: 'encrypted' } } });
    expect(run(userData, { LTC_STANDIN_PC: 'pc2', LTC_STANDIN_RECOVERY_CODE: code }).unlock?.value).toEqual({ ok: true, value: { mode: 'normal' } });
  });
});
