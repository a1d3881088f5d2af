import { type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ResponseOf, RouteContract } from '../../contracts/route.ts';
import { type CallArgs, call } from './client.ts';

/** How a read behaves besides its key and route: `retry: false` says a refusal at once; `enabled` waits. */
export type ReadOptions = {
  retry?: boolean;
  enabled?: boolean;
  staleTime?: number;
  refetchInterval?: number;
};

/**
 * Reads one GET route into the query cache under `queryKey`: the one shape of every area's
 * hooks (`useRead(noteKeys.case(caseId), notes.listNotes, { params: { caseId } })`).
 */
export function useRead<C extends RouteContract>(
  queryKey: QueryKey,
  contract: C,
  args?: CallArgs<C>,
  options: ReadOptions = {},
): UseQueryResult<ResponseOf<C>> {
  return useQuery({
    queryKey,
    queryFn: () => (call as (c: C, a?: CallArgs<C>) => Promise<ResponseOf<C>>)(contract, args),
    ...options,
  });
}
