/**
 * The single entry of every call, from Electron IPC and from the HTTP host alike: look the method up
 * in the contract, validate the input against its schema, run the handler, and turn whatever happens
 * into a result value. Errors cross as `{ ok: false, error }` with a Chinese message, never a stack.
 */
import { z } from 'zod';
import { contract, type MethodName } from '../../../shared/api/contract';
import type { ApiProblem, ApiResult } from '../../../shared/api/errors';
import { labelOf, labelsFor, problemText } from '../../../shared/api/labels';
import { constraintText } from '../db/constraintText';
import { DatabaseError } from '../db/errors';
import { writingElsewhere } from '../db/writeGate';
import { InputError, ServiceError } from '../errors';
import type { ServiceContext } from './context';
import type { Handler, Handlers } from './handlers';
import { chineseIssueMessage } from './zodMessages';

// Validation messages reach the user: in Chinese, naming fields by their labels, never by their keys.
z.config(z.locales.zhCN());
z.config({ customError: chineseIssueMessage });

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(contract, m);

export function createDispatcher(handlers: Handlers, ctx: ServiceContext, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的调用：${method}` } };
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const labels = labelsFor(method);
      const problems: ApiProblem[] = parsed.error.issues.map((i) => {
        const label = labelOf(labels, i.path);
        return { path: i.path.map(String).join('.'), message: i.message, ...(label ? { label } : {}) };
      });
      return { ok: false, error: { code: 'BAD_INPUT', message: `输入有误：${problems.map(problemText).join('；')}`, problems } };
    }
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const value: unknown = await handler(parsed.data as never, ctx);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e, log, ctx) };
    }
  };
}

function toApiError(e: unknown, log: (e: unknown) => void, ctx: ServiceContext) {
  if (e instanceof InputError) return { code: 'BAD_INPUT' as const, message: e.message, problems: [...e.problems] };
  if (e instanceof ServiceError) return { code: e.code, message: e.message, problems: [...e.problems] };
  if (e instanceof DatabaseError) return { code: e.code === 'DB_TOO_NEW' ? ('DB_TOO_NEW' as const) : ('INTERNAL' as const), message: e.message };
  // The write lock is held elsewhere: an import writing through a worker's connection (the owner then
  // does not wait, db/writeGate.ts), or another program on the same file after SQLite's busy timeout.
  if (e instanceof Error && /^SQLITE_BUSY/.test((e as { code?: string }).code ?? '')) {
    const busy = writingElsewhere(ctx.db);
    const why = busy ? `正在${busy}` : '数据库正被另一个程序（如 ltc 命令）写入';
    return { code: 'CONFLICT' as const, message: `${why}，暂时不能保存。请稍候几秒再保存，已填写的内容不会丢失。` };
  }
  // SQLite constraint failures are refusals of bad data that slipped past the checks: say so plainly.
  if (e instanceof Error && /SQLITE_CONSTRAINT/.test((e as { code?: string }).code ?? '')) {
    log(e);
    return { code: 'CONFLICT' as const, message: constraintText(e.message, (e as { code?: string }).code) };
  }
  log(e);
  return { code: 'INTERNAL' as const, message: '操作失败（内部错误），数据未改动。请重试；如果反复出现，请联系技术支持。' };
}
