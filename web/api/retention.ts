import { useQuery } from '@tanstack/react-query';
import * as retention from '../../contracts/retention.ts';
import { call } from './client.ts';

/** Query keys of retention: a case's legal holds. */
export const retentionKeys = {
  all: ['retention'] as const,
  holds: (caseId: string) => [...retentionKeys.all, 'holds', caseId] as const,
};

/** A case's legal holds, standing and lifted, and whether the viewer may place one. */
export function useLegalHolds(caseId: string) {
  return useQuery({
    queryKey: retentionKeys.holds(caseId),
    queryFn: () => call(retention.listLegalHolds, { params: { caseId } }),
  });
}
