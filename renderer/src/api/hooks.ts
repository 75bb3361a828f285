/**
 * React Query over the contract: `useApiQuery('residents.list', query)` caches by method and input;
 * `useApiMutation('residents.save')` refetches everything once a write succeeds (records are
 * small and local, so refreshing all views is simpler and safer than tracking what depends on what).
 */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { call, type ApiCallError } from './client';
import { apiQuery } from './queryClient';

export function useApiQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<M>, ApiCallError>({ ...apiQuery(method, input), ...options });
}

export function useApiMutation<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<OutputOf<M>, ApiCallError, InputOf<M>>({
    mutationFn: (input) => (call as (m: M, i: InputOf<M>) => Promise<OutputOf<M>>)(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}
