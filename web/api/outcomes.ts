import * as outcomes from '../../contracts/outcomes.ts';
import { useRead } from './query.ts';

/** Query keys of outcomes: how a case ended, and a party's survey. */
export const outcomeKeys = {
  all: ['outcomes'] as const,
  case: (caseId: string) => [...outcomeKeys.all, 'case', caseId] as const,
  survey: (caseId: string) => [...outcomeKeys.all, 'survey', caseId] as const,
};

/** How the case ended (null while open), and what this person may do about it. */
export function useOutcome(caseId: string) {
  return useRead(outcomeKeys.case(caseId), outcomes.getOutcome, { params: { caseId } });
}

/** This party's satisfaction survey. Not retried: a survey not yet open is said at once. */
export function useSurvey(caseId: string) {
  return useRead(outcomeKeys.survey(caseId), outcomes.getSurvey, { params: { caseId } }, { retry: false });
}
