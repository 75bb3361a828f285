/**
 * The single entry of every call, from Electron IPC and from the HTTP host alike: look the method up
 * in the contract, validate the input against its schema, run the handler, and turn whatever happens
 * into a result value. Errors cross as `{ ok: false, error }` with a Chinese message, never a stack.
 */
import { z } from 'zod';
import { contract, type MethodName } from '../../../shared/api/contract';
import { ROLE_NAMES } from '../../../shared/api/auth';
import type { ApiError, ApiProblem, ApiResult } from '../../../shared/api/errors';
import { mayCall, PERMISSIONS, WHILE_LOCKED } from '../../../shared/api/permissions';
import { memorySlot, type SessionSlot } from '../auth/sessions';
import { labelOf, labelsFor, problemText } from '../../../shared/api/labels';
import { writingElsewhere } from '../db/writeGate';
import { toApiError } from './apiError';
import type { ServiceContext } from './context';
import type { Handler, Handlers } from './handlers';
import { chineseIssueMessage } from './zodMessages';

// Validation messages reach the user: in Chinese, naming fields by their labels, never by their keys.
z.config(z.locales.zhCN());
z.config({ customError: chineseIssueMessage });

/**
 * `slot`: where this caller's login token lives (the host's cookie, the desktop window's); see ServiceContext.sessions.
 * `refusal`: whether a call would be refused for who makes it (no session, a locked window, her role), told
 * before its input is read: the host answers a caller without a session before reading a body of up to 100 MB.
 */
export type Dispatch = ((method: string, input: unknown, slot?: SessionSlot) => Promise<ApiResult<unknown>>) & {
  refusal?: (method: string, slot?: SessionSlot) => ApiError | null;
};

/** Who may make this call (issue 16 §1): a refusal, or the context the call runs with (its actor is the user). */
function admit(method: MethodName, ctx: ServiceContext, slot: SessionSlot | undefined): ApiResult<ServiceContext> {
  const sessions = ctx.sessions;
  if (!sessions) return { ok: true, value: ctx };
  const session = sessions.get(slot?.token);
  const rule = PERMISSIONS[method];
  if (rule !== 'public') {
    if (!session) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（未登录，或登录已失效）' } };
    if (session.locked && !WHILE_LOCKED.has(method)) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '窗口已锁定，请输入密码解锁' } };
    if (!mayCall(session.user.role, method)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `${ROLE_NAMES[session.user.role]}没有此项操作的权限；如需进行，请联系管理员` } };
    }
  }
  return { ok: true, value: { ...ctx, actor: session?.user.name ?? '（未登录）', caller: { slot: slot ?? memorySlot(), session } } };
}

const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(contract, m);

/** A call's input checked against the contract: the parsed value, or BAD_INPUT naming each field by its Chinese label. */
export function parseInput(method: MethodName, input: unknown): ApiResult<unknown> {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const labels = labelsFor(method);
  const problems: ApiProblem[] = parsed.error.issues.map((i) => {
    const label = labelOf(labels, i.path);
    return { path: i.path.map(String).join('.'), message: i.message, ...(label ? { label } : {}) };
  });
  return { ok: false, error: { code: 'BAD_INPUT', message: `输入有误：${problems.map(problemText).join('；')}`, problems } };
}

export function createDispatcher(handlers: Handlers, ctx: ServiceContext, log: (e: unknown) => void = console.error): Dispatch {
  const dispatch: Dispatch = async (method, input, slot) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的调用：${method}` } };
    const admitted = admit(method, ctx, slot);
    if (!admitted.ok) return admitted;
    const callCtx = admitted.value;
    const parsed = parseInput(method, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const value: unknown = await handler(parsed.value as never, callCtx);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e, log, () => writingElsewhere(ctx.db)) };
    }
  };
  dispatch.refusal = (method, slot) => {
    if (!isMethod(method)) return null; // told by the call itself (UNKNOWN_METHOD)
    const admitted = admit(method, ctx, slot);
    return admitted.ok ? null : admitted.error;
  };
  return dispatch;
}
