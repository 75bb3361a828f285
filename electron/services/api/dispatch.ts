/**
 * The single entry of every call, from Electron IPC and from the HTTP host alike: look the method up
 * in the contract, validate the input against its schema, run the handler, and turn whatever happens
 * into a result value. Errors cross as `{ ok: false, error }` with a Chinese message, never a stack.
 */
import { z } from 'zod';
import { contract, type MethodName } from '../../../shared/api/contract';
import type { ApiProblem, ApiResult } from '../../../shared/api/errors';
import { labelOf, labelsFor, problemText } from '../../../shared/api/labels';
import { writingElsewhere } from '../db/writeGate';
import { toApiError } from './apiError';
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
      return { ok: false, error: toApiError(e, log, () => writingElsewhere(ctx.db)) };
    }
  };
}
