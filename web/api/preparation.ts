import * as preparation from '../../contracts/preparation.ts';
import { useRead } from './query.ts';

/** Query keys of preparation: a case's answers as this person may read them. */
export const preparationKeys = {
  all: ['preparation'] as const,
  case: (caseId: string) => [...preparationKeys.all, 'case', caseId] as const,
};

/** A party's own preparation, or every party's for the mediator. */
export function usePreparation(caseId: string) {
  return useRead(preparationKeys.case(caseId), preparation.getPreparation, { params: { caseId } });
}
