import * as negotiation from '../../contracts/negotiation.ts';
import { useRead } from './query.ts';

/** Query keys of the negotiation aids (never a prefix of another area's keys). */
export const aidKeys = {
  all: ['negotiation-aids'] as const,
  case: (caseId: string) => [...aidKeys.all, 'case', caseId] as const,
};

/**
 * The negotiation aids on a case's issues, as this person may see them. Refreshed every few
 * seconds like the board, so each side learns when the other has sent its points or figure.
 */
export function useAids(caseId: string) {
  return useRead(
    aidKeys.case(caseId),
    negotiation.listAids,
    { params: { caseId } },
    { refetchInterval: 4000 },
  );
}
