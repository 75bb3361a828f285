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

type Envelope<M extends MethodName> = { ok: true; value: OutputOf<M> } | { ok: false; error: ApiError };

/**
 * Calls asked by `src/firstCalls.ts` before the app's code has even run, each waiting for the first `call`
 * of the same method and input to take its answer (once). An answer not taken within a few seconds is
 * dropped: asked later, the same question gets a fresh answer. `settled` holds the answer once it is in,
 * so the app's first render can start from it (`takeSettled`) instead of from a spinner.
 */
const early = new Map<string, { answer: Promise<unknown>; at: number; settled?: unknown }>();
const EARLY_KEPT_MS = 5_000;
const earlyKey = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? null)}`;

/**
 * Asks now, or once `after` has resolved (the call is registered at once either way, so the app's own call
 * of the same question, however early, waits for this one instead of asking again).
 */
export function askEarly<M extends MethodName>(method: M, input: InputOf<M>, after?: Promise<void>): void {
  const api = window.api;
  if (!api) return;
  const ask = () => (api[method] as (input: unknown) => Promise<Envelope<M>>)(input);
  const answer = after ? after.then(ask) : ask();
  const entry: { answer: Promise<unknown>; at: number; settled?: unknown } = { answer, at: performance.now() };
  answer.then(
    (result) => (entry.settled = result),
    () => undefined, // a transport failure is the taker's to report; untaken, nobody's
  );
  early.set(earlyKey(method, input), entry);
}

/** The early answers of these calls, once they are all in (or failed). */
export function earlyAnswers(methods: MethodName[]): Promise<void> {
  return Promise.all(methods.map((m) => early.get(earlyKey(m, undefined))?.answer.catch(() => undefined))).then(() => undefined);
}

/**
 * An early answer already in and successful, taken (once) without waiting: what the first render shows.
 * `undefined` when there is none (not asked, still under way, refused, too old): the app asks as usual.
 */
export function takeSettled<M extends MethodName>(method: M, input: InputOf<M>): OutputOf<M> | undefined {
  const key = earlyKey(method, input);
  const found = early.get(key);
  const result = found?.settled as Envelope<M> | undefined;
  if (!found || !result?.ok || performance.now() - found.at >= EARLY_KEPT_MS) return undefined;
  early.delete(key);
  return result.value;
}

function takeEarly<M extends MethodName>(method: M, input: unknown): Promise<Envelope<M>> | null {
  const key = earlyKey(method, input);
  const found = early.get(key);
  if (!found) return null;
  early.delete(key);
  return performance.now() - found.at < EARLY_KEPT_MS ? (found.answer as Promise<Envelope<M>>) : null;
}

export async function call<M extends MethodName>(
  method: M,
  ...args: undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>]
): Promise<OutputOf<M>> {
  const api = window.api;
  if (!api) throw new ApiCallError({ code: 'INTERNAL', message: S.notConnected });
  const fn = api[method] as (input: unknown) => Promise<Envelope<M>>;
  const result = await (takeEarly(method, args[0]) ?? fn(args[0]));
  if (!result.ok) {
    // the login screen's own refusals are its to show; any other call refused so sends the window back to it
    if (result.error.code === 'UNAUTHENTICATED' && !method.startsWith('auth.')) unauthenticated.forEach((l) => l());
    throw new ApiCallError(result.error);
  }
  return result.value;
}
