/**
 * Logins (issue 16 §1): the first 管理员 and her recovery code; passwords kept only as scrypt hashes;
 * five failed logins lock the account for 15 minutes (audited); the window's lock; a user changes her
 * password; a 管理员 resets another's (which ends the lockout and her sessions) or disables her.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuthStatus, SessionUser } from '../../../shared/api/auth';
import { checkLogin } from '../../../electron/services/auth/users';
import { ok, served } from './support';

const PASSWORD = 'correct-horse-9';

async function withAdmin() {
  const s = served();
  const admin = s.caller();
  const setup = ok<{ user: SessionUser; recoveryCode: string }>(await admin.call('auth.setup', { name: '王管理', password: PASSWORD }));
  return { s, admin, setup };
}

describe('the first start', () => {
  it('creates the first 管理员 once, logged in at once, with a recovery code; never stores the password', async () => {
    const s = served();
    const anyone = s.caller();
    expect(ok<AuthStatus>(await anyone.call('auth.status'))).toMatchObject({ needsSetup: true, user: null });
    const r = ok<{ user: SessionUser; recoveryCode: string }>(await anyone.call('auth.setup', { name: '王管理', password: PASSWORD }));
    expect(r.user).toMatchObject({ name: '王管理', role: 'admin' });
    expect(r.recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    expect(ok<AuthStatus>(await anyone.call('auth.status'))).toMatchObject({ needsSetup: false, user: { name: '王管理', role: 'admin' }, locked: false });
    // a second first start is refused
    expect(await s.caller().call('auth.setup', { name: '另一个', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // the file holds a scrypt hash, never the password or the code
    s.db.raw.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(s.db.file);
    expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(bytes.includes(Buffer.from(r.recoveryCode))).toBe(false);
    expect(s.db.raw.prepare('SELECT password_hash FROM users').pluck().get()).toMatch(/^scrypt\$32768\$8\$1\$/);
    const audit = s.db.raw.prepare("SELECT actor, action, after_json FROM audit_log WHERE entity = 'user'").all();
    expect(audit).toEqual([{ actor: '王管理', action: 'create', after_json: JSON.stringify({ name: '王管理', role: 'admin', firstAdmin: true }) }]);
    expect(JSON.stringify(s.db.raw.prepare('SELECT * FROM audit_log').all())).not.toContain(PASSWORD);
  });

  it('lets the recovery code set a new password, once', async () => {
    const { s, setup } = await withAdmin();
    const c = s.caller();
    const r = ok<{ recoveryCode: string }>(
      await c.call('auth.recover', { name: '王管理', recoveryCode: setup.recoveryCode.toLowerCase(), password: 'new-pass-123' }),
    );
    expect(r.recoveryCode).not.toBe(setup.recoveryCode);
    expect((await c.call('auth.login', { name: '王管理', password: 'new-pass-123' })).ok).toBe(true);
    expect(await c.call('auth.recover', { name: '王管理', recoveryCode: setup.recoveryCode, password: 'other-pass-1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '用户名或恢复码不正确' },
    });
  });
});

describe('logging in', () => {
  it('says the same for a wrong name and a wrong password, and locks the account after 5 failures for 15 minutes (audited)', async () => {
    const { s } = await withAdmin();
    const c = s.caller();
    expect(await c.call('auth.login', { name: '没有这个人', password: 'whatever-1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '用户名或密码不正确' },
    });
    for (let i = 1; i <= 4; i++) {
      const r = await c.call('auth.login', { name: '王管理', password: 'wrong-pass' });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: `用户名或密码不正确（再错 ${5 - i} 次账户将锁定 15 分钟）` } });
    }
    expect(await c.call('auth.login', { name: '王管理', password: 'wrong-pass' })).toMatchObject({ ok: false, error: { message: '用户名或密码不正确' } });
    // now even the right password is refused, with the time it ends
    const locked = await c.call('auth.login', { name: '王管理', password: PASSWORD });
    expect(locked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    if (!locked.ok) expect(locked.error.message).toMatch(/^连续 5 次密码错误，账户已锁定 15 分钟，请在 \d\d:\d\d 后再试，或请管理员重置密码$/);
    const row = s.db.raw.prepare("SELECT actor, action, after_json FROM audit_log WHERE action = 'lockout'").get() as { actor: string; after_json: string };
    expect(row.actor).toBe('（未登录）');
    expect(JSON.parse(row.after_json)).toMatchObject({ name: '王管理', failures: 5 });
    // 15 minutes later she is let in
    const later = Date.now() + 15 * 60_000 + 1000;
    await expect(checkLogin(s.db, '王管理', PASSWORD, 'x', later)).resolves.toMatchObject({ name: '王管理' });
  });

  it('ends with logout; a restart (a new session store) logs everyone out', async () => {
    const { s, admin } = await withAdmin();
    expect((await admin.call('users.list')).ok).toBe(true);
    const fresh = served();
    // the same token means nothing to another process
    const elsewhere = fresh.caller();
    elsewhere.slot.set(admin.slot.token);
    expect(await elsewhere.call('users.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    ok(await admin.call('auth.logout'));
    expect(admin.slot.token).toBeNull();
    expect(await admin.call('users.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    void s;
  });

  it('a locked window answers nothing until her password unlocks it', async () => {
    const { admin } = await withAdmin();
    ok(await admin.call('auth.lock'));
    expect(ok<AuthStatus>(await admin.call('auth.status'))).toMatchObject({ locked: true, user: { name: '王管理' } });
    expect(await admin.call('residents.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '窗口已锁定，请输入密码解锁' } });
    expect(await admin.call('auth.unlock', { password: 'wrong-pass' })).toMatchObject({ ok: false });
    ok(await admin.call('auth.unlock', { password: PASSWORD }));
    expect((await admin.call('residents.list', {})).ok).toBe(true);
  });
});

describe('passwords and users', () => {
  it('a user changes her password: the current one is checked; the old one no longer works', async () => {
    const { s, admin } = await withAdmin();
    expect(await admin.call('auth.changePassword', { current: 'not-it-123', next: 'brand-new-1' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', problems: [{ path: 'current', message: '当前密码不正确' }] },
    });
    ok(await admin.call('auth.changePassword', { current: PASSWORD, next: 'brand-new-1' }));
    const c = s.caller();
    expect((await c.call('auth.login', { name: '王管理', password: PASSWORD })).ok).toBe(false);
    expect((await c.call('auth.login', { name: '王管理', password: 'brand-new-1' })).ok).toBe(true);
    expect(s.db.raw.prepare("SELECT actor FROM audit_log WHERE action = 'change-password'").pluck().all()).toEqual(['王管理']);
  });

  it('a 管理员 resets another’s password (ending her lockout and her sessions) and disables her', async () => {
    const { s, admin } = await withAdmin();
    ok(await admin.call('users.add', { name: '李录入', role: 'clerk', password: 'clerk-pass-1' }));
    const clerk = s.caller();
    ok(await clerk.call('auth.login', { name: '李录入', password: 'clerk-pass-1' }));
    // a 录入员 cannot manage users
    expect(await clerk.call('users.resetPassword', { id: 1, password: 'hijack-123' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const other = s.caller();
    for (let i = 0; i < 5; i++) await other.call('auth.login', { name: '李录入', password: 'wrong-pass' });
    const users = ok<{ id: number; name: string; lockedUntil: string | null }[]>(await admin.call('users.list'));
    const li = users.find((u) => u.name === '李录入')!;
    expect(li.lockedUntil).not.toBeNull();
    ok(await admin.call('users.resetPassword', { id: li.id, password: 'reset-pass-1' }));
    // her open session ended; the new password works at once
    expect(await clerk.call('residents.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    ok(await clerk.call('auth.login', { name: '李录入', password: 'reset-pass-1' }));
    ok(await admin.call('users.setDisabled', { id: li.id, disabled: true }));
    expect(await clerk.call('residents.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await clerk.call('auth.login', { name: '李录入', password: 'reset-pass-1' })).toMatchObject({
      ok: false,
      error: { message: '该账户已停用，请联系管理员' },
    });
    // nor can the last 管理员 disable herself
    expect(await admin.call('users.setDisabled', { id: 1, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const actions = s.db.raw.prepare("SELECT actor, action FROM audit_log WHERE entity = 'user' ORDER BY id").all();
    expect(actions).toEqual([
      { actor: '王管理', action: 'create' },
      { actor: '王管理', action: 'create' },
      { actor: '（未登录）', action: 'lockout' },
      { actor: '王管理', action: 'reset-password' },
      { actor: '王管理', action: 'disable' },
    ]);
  });
});
