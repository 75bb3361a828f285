/**
 * The calls of shared/api/auth.ts. The session lives where the caller's face keeps it (ctx.caller: the
 * host's cookie, the desktop window's slot); a caller trusted in-process (no ctx.sessions: the tests)
 * may manage users but has no login to make.
 */
import type { AuthStatus, SessionUser } from '../../../shared/api/auth';
import type { ServiceContext } from '../api/context';
import type { HandlersOf } from '../api/handlers';
import { ServiceError } from '../errors';
import type { Session, SessionStore } from './sessions';
import {
  addUser,
  changePassword,
  checkLogin,
  checkOwnPassword,
  listUsers,
  readIdleMinutes,
  recoverWithCode,
  resetPassword,
  saveIdleMinutes,
  setDisabled,
  setupFirstAdmin,
  userCount,
} from './users';
import type { authApi } from '../../../shared/api/auth';

function login(ctx: ServiceContext): { sessions: SessionStore; caller: NonNullable<ServiceContext['caller']> } {
  if (!ctx.sessions || !ctx.caller) throw new ServiceError('CONFLICT', '此处不需要登录');
  return { sessions: ctx.sessions, caller: ctx.caller };
}

/** The caller's session (the dispatcher has checked there is one for every call that is not public). */
function own(ctx: ServiceContext): Session {
  const s = ctx.caller?.session;
  if (!s) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  return s;
}

/** A new session for `user` in the caller's slot, replacing any she had. */
function startSession(ctx: ServiceContext, user: SessionUser): SessionUser {
  const { sessions, caller } = login(ctx);
  sessions.drop(caller.slot.token);
  caller.slot.set(sessions.create(user).token);
  return user;
}

export const authHandlers: HandlersOf<typeof authApi> = {
  'auth.status': (_i, ctx): AuthStatus => {
    const s = ctx.caller?.session ?? null;
    return { needsSetup: userCount(ctx.db) === 0, user: s ? { ...s.user } : null, locked: s?.locked ?? false, idleMinutes: readIdleMinutes(ctx.db) };
  },
  'auth.setup': async (i, ctx) => {
    login(ctx);
    const r = await setupFirstAdmin(ctx.db, i.name, i.password);
    await ctx.recoveryCodeIssued?.(r.recoveryCode, null);
    startSession(ctx, r.user);
    return r;
  },
  'auth.login': async (i, ctx) => {
    login(ctx);
    return startSession(ctx, await checkLogin(ctx.db, i.name, i.password, ctx.actor));
  },
  'auth.logout': (_i, ctx) => {
    const { sessions, caller } = login(ctx);
    sessions.drop(caller.slot.token);
    caller.slot.set(null);
    return null;
  },
  'auth.lock': (_i, ctx) => {
    own(ctx).locked = true;
    return null;
  },
  'auth.unlock': async (i, ctx) => {
    const s = own(ctx);
    try {
      await checkOwnPassword(ctx.db, s.user.id, i.password);
    } catch (e) {
      // five wrong passwords lock her account: the window's session ends with it
      if (e instanceof ServiceError && /锁定|停用/.test(e.message) && !/再错/.test(e.message)) login(ctx).sessions.dropUser(s.user.id);
      throw e;
    }
    s.locked = false;
    return { ...s.user };
  },
  'auth.changePassword': async (i, ctx) => {
    const s = own(ctx);
    await changePassword(ctx.db, s.user.id, i.current, i.next);
    // her other windows and browsers log in again with the new password
    ctx.sessions?.dropUser(s.user.id, s.token);
    return null;
  },
  'auth.recover': async (i, ctx) => {
    const r = await recoverWithCode(ctx.db, i.name, i.recoveryCode, i.password, ctx.actor);
    // the database's key moves to the new code when it was wrapped under the one just used
    await ctx.recoveryCodeIssued?.(r.recoveryCode, i.recoveryCode);
    return r;
  },
  'auth.saveSettings': (i, ctx) => {
    saveIdleMinutes(ctx.db, i.idleMinutes, ctx.actor);
    return null;
  },
  'users.list': (_i, ctx) => listUsers(ctx.db),
  'users.add': (i, ctx) => addUser(ctx.db, i, ctx.actor),
  'users.resetPassword': async (i, ctx) => {
    const user = await resetPassword(ctx.db, i.id, i.password, ctx.actor);
    ctx.sessions?.dropUser(user.id, ctx.caller?.session?.token);
    return null;
  },
  'users.setDisabled': (i, ctx) => {
    setDisabled(ctx.db, i.id, i.disabled, ctx.actor, ctx.caller?.session?.user.id ?? null);
    if (i.disabled) ctx.sessions?.dropUser(i.id);
    return null;
  },
};
