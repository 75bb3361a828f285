/**
 * The only module that touches `window.api`. Calls resolve to their value or throw an ApiCallError
 * carrying the services' Chinese message and, for bad input, the problems with their fields.
 */
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiError, ApiErrorCode, ApiProblem } from '../../../shared/api/errors';
import { S } from './strings';

export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: ApiProblem[];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.problems = error.problems ?? [];
  }
}

/** Told when a call is refused for want of a login (logged out, the server restarted, the window locked). */
const unauthenticated = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticated.add(listener);
  return () => unauthenticated.delete(listener);
}

export async function call<M extends MethodName>(
  method: M,
  ...args: undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>]
): Promise<OutputOf<M>> {
  const api = window.api;
  if (!api) throw new ApiCallError({ code: 'INTERNAL', message: S.notConnected });
  const fn = api[method] as (input: unknown) => Promise<{ ok: true; value: OutputOf<M> } | { ok: false; error: ApiError }>;
  const result = await fn(args[0]);
  if (!result.ok) {
    // the login screen's own refusals are its to show; any other call refused so sends the window back to it
    if (result.error.code === 'UNAUTHENTICATED' && !method.startsWith('auth.')) unauthenticated.forEach((l) => l());
    throw new ApiCallError(result.error);
  }
  return result.value;
}
