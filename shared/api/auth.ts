/**
 * Users, roles and the login (issue 16 §1, decisions.md D35). Every call of the contract is allowed to
 * some roles only (shared/api/permissions.ts); the serving process keeps who is logged in (a session in
 * its memory: the host's cookie, the desktop window's own), and the dispatcher checks the rule of every
 * call. The first start creates the first 管理员 and shows a recovery code once.
 */
import { z } from 'zod';
import { method, noInput, recordId } from './define';

export const ROLES = ['admin', 'head_nurse', 'director', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

/** The roles in Chinese, as every screen and message names them. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: '管理员',
  head_nurse: '护士长',
  director: '院长',
  clerk: '录入员',
};

/** What a role may do, in words (用户管理 shows it beside the role). */
export const ROLE_SCOPES: Record<Role, string> = {
  admin: '全部功能，包括用户管理和设置',
  head_nurse: '员工、证书、排班、服务计划、上门服务',
  director: '查看全部，检查准备、报表，审批申报',
  clerk: '服务对象、入住、床位、上门服务（不含结算与设置）',
};

export const PASSWORD_MIN = 8;
/** Failed logins in a row that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
/** The window locks after this many idle minutes unless 用户管理 sets another (0: never). */
export const DEFAULT_IDLE_MINUTES = 10;

const userName = z.string().trim().min(1, '请填写用户名').max(40, '用户名最多 40 个字');
const password = z.string().min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`).max(200, '密码最多 200 位');

/** The user a session belongs to, as the window sees her. */
export interface SessionUser {
  id: number;
  name: string;
  role: Role;
}

export interface AuthStatus {
  /** no user yet: the 首次使用 screen creates the first 管理员 */
  needsSetup: boolean;
  /** who is logged in here; null: the login screen */
  user: SessionUser | null;
  /** the window was locked (idle): only her password unlocks it */
  locked: boolean;
  /** minutes of no input before the window locks; 0: never */
  idleMinutes: number;
}

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** until when 5 failed logins lock the account (local time), or null */
  lockedUntil: string | null;
}

export const authApi = {
  'auth.status': method(noInput).returns<AuthStatus>(),
  /** the first start only: the first 管理员, logged in at once; the recovery code is shown this once */
  'auth.setup': method(z.object({ name: userName, password })).returns<{ user: SessionUser; recoveryCode: string }>(),
  'auth.login': method(z.object({ name: userName, password: z.string().min(1, '请填写密码').max(200) })).returns<SessionUser>(),
  'auth.logout': method(noInput).returns<null>(),
  /** the window idled: the session stays but answers nothing until her password is given again */
  'auth.lock': method(noInput).returns<null>(),
  'auth.unlock': method(z.object({ password: z.string().min(1, '请填写密码').max(200) })).returns<SessionUser>(),
  'auth.changePassword': method(z.object({ current: z.string().min(1, '请填写当前密码').max(200), next: password })).returns<null>(),
  /** a 管理员 who forgot her password: the recovery code sets a new one, and a new code replaces the old */
  'auth.recover': method(z.object({ name: userName, recoveryCode: z.string().trim().min(1, '请填写恢复码').max(100), password })).returns<{
    recoveryCode: string;
  }>(),
  'auth.saveSettings': method(z.object({ idleMinutes: z.number().int().min(0).max(240) })).returns<null>(),
  'users.list': method(noInput).returns<UserRow[]>(),
  'users.add': method(z.object({ name: userName, role: z.enum(ROLES), password })).returns<UserRow>(),
  'users.resetPassword': method(z.object({ id: recordId, password })).returns<null>(),
  'users.setDisabled': method(z.object({ id: recordId, disabled: z.boolean() })).returns<null>(),
};
