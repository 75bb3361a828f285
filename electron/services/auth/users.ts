/**
 * The users of the institution's file and their passwords (migration 017, decisions.md D35). The first
 * start creates the first 管理员 with a recovery code; logins count failures (5 in a row lock the account
 * for 15 minutes, audited); a user changes her own password, a 管理员 resets another's or disables her.
 * Every change is audited; no password, hash or recovery code ever enters the trail.
 */
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES, ROLE_NAMES, type Role, type SessionUser, type UserRow, DEFAULT_IDLE_MINUTES } from '../../../shared/api/auth';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import { hashSecret, newRecoveryCode, normalizeRecoveryCode, verifySecret } from './passwords';

interface UserDbRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  recovery_hash: string | null;
  disabled: number;
  failed_logins: number;
  locked_until_ms: number | null;
  created_at: string;
}

const WRONG = '用户名或密码不正确';
const IDLE_KEY = 'idle_lock_minutes';

const hhmm = (ms: number): string => localTimestamp(new Date(ms)).slice(11, 16);

function byName(db: LtcDatabase, name: string): UserDbRow | undefined {
  return db.raw.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) as UserDbRow | undefined;
}

function byId(db: LtcDatabase, id: number): UserDbRow {
  const row = db.raw.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserDbRow | undefined;
  if (!row) throw new ServiceError('NOT_FOUND', '没有这个用户，可能已被删除；请刷新列表');
  return row;
}

const sessionUser = (r: UserDbRow): SessionUser => ({ id: r.id, name: r.name, role: r.role });

function toRow(r: UserDbRow, now: number): UserRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    lockedUntil: r.locked_until_ms !== null && r.locked_until_ms > now ? localTimestamp(new Date(r.locked_until_ms)) : null,
  };
}

export function userCount(db: LtcDatabase): number {
  return db.raw.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

export function listUsers(db: LtcDatabase, now = Date.now()): UserRow[] {
  return (db.raw.prepare('SELECT * FROM users ORDER BY disabled, id').all() as UserDbRow[]).map((r) => toRow(r, now));
}

function insertUser(db: LtcDatabase, name: string, role: Role, passwordHash: string, recoveryHash: string | null): number {
  if (byName(db, name)) throw new ServiceError('CONFLICT', `已有名为“${name.trim()}”的用户，请换一个用户名`, [{ path: 'name', message: '已有同名用户' }]);
  const now = localTimestamp();
  return Number(
    db.raw
      .prepare('INSERT INTO users (name, role, password_hash, recovery_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name.trim(), role, passwordHash, recoveryHash, now, now).lastInsertRowid,
  );
}

/** The first start: the first 管理员, with a recovery code shown once. Refused once any user exists. */
export async function setupFirstAdmin(db: LtcDatabase, name: string, password: string): Promise<{ user: SessionUser; recoveryCode: string }> {
  if (userCount(db) > 0) throw new ServiceError('CONFLICT', '已经创建过管理员，请直接登录');
  const recoveryCode = newRecoveryCode();
  const [hash, recovery] = await Promise.all([hashSecret(password), hashSecret(normalizeRecoveryCode(recoveryCode))]);
  return db.transaction(() => {
    if (userCount(db) > 0) throw new ServiceError('CONFLICT', '已经创建过管理员，请直接登录');
    const id = insertUser(db, name, 'admin', hash, recovery);
    recordAudit(db, { actor: name.trim(), action: 'create', entity: 'user', entityId: id, after: { name: name.trim(), role: 'admin', firstAdmin: true } });
    return { user: { id, name: name.trim(), role: 'admin' as Role }, recoveryCode };
  });
}

/** One failed attempt on an account; the fifth in a row locks it for 15 minutes (audited). */
function countFailure(db: LtcDatabase, row: UserDbRow, now: number, actor: string): void {
  db.transaction(() => {
    const failures = row.failed_logins + 1;
    if (failures >= LOCKOUT_FAILURES) {
      const until = now + LOCKOUT_MINUTES * 60_000;
      db.raw.prepare('UPDATE users SET failed_logins = 0, locked_until_ms = ? WHERE id = ?').run(until, row.id);
      recordAudit(db, {
        actor,
        action: 'lockout',
        entity: 'user',
        entityId: row.id,
        after: { name: row.name, failures, lockedUntil: localTimestamp(new Date(until)) },
      });
    } else db.raw.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failures, row.id);
  });
}

function refuseIfLocked(row: UserDbRow, now: number): void {
  if (row.locked_until_ms !== null && row.locked_until_ms > now) {
    throw new ServiceError(
      'UNAUTHENTICATED',
      `连续 ${LOCKOUT_FAILURES} 次密码错误，账户已锁定 ${LOCKOUT_MINUTES} 分钟，请在 ${hhmm(row.locked_until_ms)} 后再试，或请管理员重置密码`,
    );
  }
}

/**
 * A login: the user if name and password match an enabled, unlocked account; otherwise refused with one
 * message for a wrong name or a wrong password (nobody learns which names exist).
 */
export async function checkLogin(db: LtcDatabase, name: string, password: string, actor: string, now = Date.now()): Promise<SessionUser> {
  const row = byName(db, name);
  if (!row) {
    // as slow as a real check, so the time does not tell which names exist
    await verifySecret(password, 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw new ServiceError('UNAUTHENTICATED', WRONG);
  }
  refuseIfLocked(row, now);
  if (!(await verifySecret(password, row.password_hash))) {
    countFailure(db, byId(db, row.id), now, actor);
    const left = LOCKOUT_FAILURES - (row.failed_logins + 1);
    throw new ServiceError('UNAUTHENTICATED', left > 0 ? `${WRONG}（再错 ${left} 次账户将锁定 ${LOCKOUT_MINUTES} 分钟）` : WRONG);
  }
  if (row.disabled) throw new ServiceError('UNAUTHENTICATED', '该账户已停用，请联系管理员');
  db.raw.prepare('UPDATE users SET failed_logins = 0, locked_until_ms = NULL WHERE id = ?').run(row.id);
  return sessionUser(row);
}

/** The logged-in user's password checked again (unlocking the window, changing the password). */
export async function checkOwnPassword(db: LtcDatabase, userId: number, password: string, now = Date.now()): Promise<SessionUser> {
  const row = byId(db, userId);
  return checkLogin(db, row.name, password, row.name, now);
}

export async function changePassword(db: LtcDatabase, userId: number, current: string, next: string): Promise<void> {
  const row = byId(db, userId);
  try {
    await checkLogin(db, row.name, current, row.name);
  } catch (e) {
    if (e instanceof ServiceError && e.message.startsWith(WRONG)) {
      throw new InputError('当前密码不正确', [{ path: 'current', message: '当前密码不正确' }]);
    }
    throw e;
  }
  const hash = await hashSecret(next);
  db.transaction(() => {
    db.raw.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(hash, localTimestamp(), userId);
    recordAudit(db, { actor: row.name, action: 'change-password', entity: 'user', entityId: userId, after: { name: row.name } });
  });
}

export async function addUser(db: LtcDatabase, o: { name: string; role: Role; password: string }, actor: string): Promise<UserRow> {
  const hash = await hashSecret(o.password);
  return db.transaction(() => {
    const id = insertUser(db, o.name, o.role, hash, null);
    recordAudit(db, { actor, action: 'create', entity: 'user', entityId: id, after: { name: o.name.trim(), role: o.role } });
    return toRow(byId(db, id), Date.now());
  });
}

/** A 管理员 sets another user's password: the lockout ends, her open sessions end (the caller drops them). */
export async function resetPassword(db: LtcDatabase, id: number, password: string, actor: string): Promise<SessionUser> {
  const row = byId(db, id);
  const hash = await hashSecret(password);
  db.transaction(() => {
    db.raw
      .prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until_ms = NULL WHERE id = ?')
      .run(hash, localTimestamp(), id);
    recordAudit(db, { actor, action: 'reset-password', entity: 'user', entityId: id, after: { name: row.name } });
  });
  return sessionUser(row);
}

export function setDisabled(db: LtcDatabase, id: number, disabled: boolean, actor: string, selfId: number | null): void {
  const row = byId(db, id);
  if (disabled && id === selfId) throw new ServiceError('CONFLICT', '不能停用自己的账户');
  db.transaction(() => {
    if (disabled && row.role === 'admin') {
      const admins = db.raw.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?").pluck().get(id) as number;
      if (admins === 0) throw new ServiceError('CONFLICT', `不能停用最后一位${ROLE_NAMES.admin}`);
    }
    if ((row.disabled === 1) === disabled) return;
    db.raw.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    recordAudit(db, { actor, action: disabled ? 'disable' : 'enable', entity: 'user', entityId: id, after: { name: row.name } });
  });
}

/**
 * A 管理员 who forgot her password: her recovery code sets a new one and is replaced by a new code. A wrong
 * code counts as a failed login (the lockout applies).
 */
export async function recoverWithCode(db: LtcDatabase, name: string, code: string, password: string, actor: string): Promise<{ recoveryCode: string }> {
  const row = byName(db, name);
  const refusal = new ServiceError('UNAUTHENTICATED', '用户名或恢复码不正确');
  if (!row || !row.recovery_hash) throw refusal;
  refuseIfLocked(row, Date.now());
  if (!(await verifySecret(normalizeRecoveryCode(code), row.recovery_hash))) {
    countFailure(db, row, Date.now(), actor);
    throw refusal;
  }
  const recoveryCode = newRecoveryCode();
  const [hash, recovery] = await Promise.all([hashSecret(password), hashSecret(normalizeRecoveryCode(recoveryCode))]);
  db.transaction(() => {
    db.raw
      .prepare(
        'UPDATE users SET password_hash = ?, recovery_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until_ms = NULL, disabled = 0 WHERE id = ?',
      )
      .run(hash, recovery, localTimestamp(), row.id);
    recordAudit(db, { actor: row.name, action: 'recover', entity: 'user', entityId: row.id, after: { name: row.name } });
  });
  return { recoveryCode };
}

/** Whether any 管理员 has a recovery code (one made by `ltc user add` before it issued codes has none). */
export function hasRecoveryCode(db: LtcDatabase): boolean {
  return db.raw.prepare("SELECT 1 FROM users WHERE role = 'admin' AND recovery_hash IS NOT NULL LIMIT 1").get() !== undefined;
}

/**
 * Gives a 管理员 a recovery code (shown once by the caller): the first 管理员 made by `ltc user add`, or one
 * who has none when 加密数据库 needs one to keep the key under. `code` may be made beforehand (newRecoveryCode)
 * when something is already wrapped under it. Audited, never the code.
 */
export async function issueRecoveryCode(db: LtcDatabase, userId: number, actor: string, code = newRecoveryCode()): Promise<string> {
  const row = byId(db, userId);
  if (row.role !== 'admin') throw new ServiceError('FORBIDDEN', '只有管理员有恢复码');
  const hash = await hashSecret(normalizeRecoveryCode(code));
  db.transaction(() => {
    db.raw.prepare('UPDATE users SET recovery_hash = ? WHERE id = ?').run(hash, userId);
    recordAudit(db, { actor, action: 'issue-recovery-code', entity: 'user', entityId: userId, after: { name: row.name } });
  });
  return code;
}

/**
 * Whether `code` is the recovery code of a 管理员 (the first one's, or the one that replaced it): 加密数据库
 * asks for it before wrapping the new key under it, so the code the 管理员 keeps is the one that opens it.
 */
export async function isRecoveryCode(db: LtcDatabase, code: string): Promise<boolean> {
  const hashes = db.raw.prepare("SELECT recovery_hash FROM users WHERE role = 'admin' AND recovery_hash IS NOT NULL").pluck().all() as string[];
  for (const h of hashes) if (await verifySecret(normalizeRecoveryCode(code), h)) return true;
  return false;
}

export function isEnabled(db: LtcDatabase, id: number): boolean {
  return (db.raw.prepare('SELECT disabled FROM users WHERE id = ?').pluck().get(id) as number | undefined) === 0;
}

export function readIdleMinutes(db: LtcDatabase): number {
  const v = db.raw.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(IDLE_KEY) as string | undefined;
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_IDLE_MINUTES;
}

export function saveIdleMinutes(db: LtcDatabase, minutes: number, actor: string): void {
  db.transaction(() => {
    const before = readIdleMinutes(db);
    if (before === minutes) return;
    db.raw
      .prepare(
        'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(IDLE_KEY, String(minutes), localTimestamp());
    recordAudit(db, {
      actor,
      action: 'update',
      entity: 'app-setting',
      entityId: IDLE_KEY,
      before: { idleLockMinutes: before },
      after: { idleLockMinutes: minutes },
    });
  });
}
