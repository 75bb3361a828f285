/**
 * The desktop app's key vault (electron/services/db/keyVault.ts; decisions.md D37) with a test OS protection:
 * the key beside the database, opened by "this PC", or by the first administrator's recovery code elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRecoveryCode } from '../../../electron/services/auth/passwords';
import { keyFromVault, newKeyInVault, sidecarOf, unlockWithRecoveryCode, wrapUnderRecoveryCode } from '../../../electron/services/db/keyVault';
import { pc, tempDir } from './helpers';

describe('the key vault', () => {
  it('keeps a new key for this PC, opens it again, never in clear, and never replaces it', () => {
    const db = path.join(tempDir(), 'ltc-desk.db');
    const key = newKeyInVault(db, pc('a'))!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(sidecarOf(db), 'utf8')).not.toContain(key);
    expect(keyFromVault(db, pc('a'))).toEqual({ key, needsRecoveryCode: false });
    expect(newKeyInVault(db, pc('a'))).toBeNull();
    expect(keyFromVault(db, pc('a')).key).toBe(key);
  });

  it('no protection offered: no key (the database stays plain); no sidecar: no key and nothing to recover', () => {
    const db = path.join(tempDir(), 'ltc-desk.db');
    expect(newKeyInVault(db, pc('a', false))).toBeNull();
    expect(keyFromVault(db, pc('a'))).toEqual({ key: null, needsRecoveryCode: false });
  });

  it('another PC needs the recovery code; a wrong one is refused; the right one re-wraps the key for that PC', async () => {
    const db = path.join(tempDir(), 'ltc-desk.db');
    const key = newKeyInVault(db, pc('a'))!;
    expect(keyFromVault(db, pc('b'))).toEqual({ key: null, needsRecoveryCode: false }); // no code wrapped yet
    const code = newRecoveryCode();
    expect(await wrapUnderRecoveryCode(db, key, code)).toBe(true);
    expect(keyFromVault(db, pc('b'))).toEqual({ key: null, needsRecoveryCode: true });
    await expect(unlockWithRecoveryCode(db, newRecoveryCode(), pc('b'))).rejects.toThrow(/恢复码不正确/);
    expect(await unlockWithRecoveryCode(db, code.replaceAll('-', ' ').toLowerCase(), pc('b'))).toBe(key);
    expect(keyFromVault(db, pc('b')).key).toBe(key);
  });

  it('a new code from 用恢复码重设密码 takes over the wrap only from the code it replaces', async () => {
    const db = path.join(tempDir(), 'ltc-desk.db');
    const key = newKeyInVault(db, pc('a'))!;
    const first = newRecoveryCode();
    await wrapUnderRecoveryCode(db, key, first);
    // a later setup cannot replace the first administrator's wrap; another user's code replaced does nothing
    expect(await wrapUnderRecoveryCode(db, key, newRecoveryCode())).toBe(false);
    expect(await wrapUnderRecoveryCode(db, key, newRecoveryCode(), newRecoveryCode())).toBe(false);
    const next = newRecoveryCode();
    expect(await wrapUnderRecoveryCode(db, key, next, first)).toBe(true);
    await expect(unlockWithRecoveryCode(db, first, pc('b'))).rejects.toThrow(/恢复码不正确/);
    expect(await unlockWithRecoveryCode(db, next, pc('b'))).toBe(key);
  });
});
