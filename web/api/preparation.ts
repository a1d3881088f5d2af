import { useQuery } from '@tanstack/react-query';
import * as preparation from '../../contracts/preparation.ts';
import { call } from './client.ts';

/** Query keys of preparation: a case's answers as this person may read them. */
export const preparationKeys = {
  all: ['preparation'] as const,
  case: (caseId: string) => [...preparationKeys.all, 'case', caseId] as const,
};

/** A party's own preparation, or every party's for the mediator. */
export function usePreparation(caseId: string) {
  return useQuery({
    queryKey: preparationKeys.case(caseId),
    queryFn: () => call(preparation.getPreparation, { params: { caseId } }),
  });
}
