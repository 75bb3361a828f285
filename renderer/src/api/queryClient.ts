/**
 * The window's one React Query cache. Its own module so a route's loader can start a screen's calls as
 * the navigation begins (`prefetchApi`), before the screen renders: the request and the first render
 * then overlap instead of following each other (docs/architecture.md, "the first screen").
 */
import { QueryClient } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { call, takeSettled } from './client';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

/** The query a call makes: keyed by method and input, as `useApiQuery` keys it. */
export function apiQuery<M extends MethodName>(method: M, input: InputOf<M>) {
  return {
    queryKey: [method, input] as const,
    queryFn: () => (call as (m: M, i: InputOf<M>) => Promise<OutputOf<M>>)(method, input),
  };
}

/**
 * Starts a call into the cache without waiting for it; the screen's `useApiQuery` then finds it under way.
 * A call src/firstCalls.ts asked and already answered goes into the cache as it is: the screen's first render
 * shows it, without a placeholder drawn first.
 */
export function prefetchApi<M extends MethodName>(method: M, input: InputOf<M>): void {
  const answered = takeSettled(method, input);
  if (answered !== undefined) queryClient.setQueryData(apiQuery(method, input).queryKey, answered);
  else void queryClient.prefetchQuery(apiQuery(method, input));
}
