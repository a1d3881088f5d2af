import { useQuery } from '@tanstack/react-query';
import * as notes from '../../contracts/notes.ts';
import { call } from './client.ts';

/** Query keys of the mediators' area: a case's private notes and its co-mediators. */
export const noteKeys = {
  all: ['notes'] as const,
  case: (caseId: string) => [...noteKeys.all, 'case', caseId] as const,
  coMediators: (caseId: string) => [...noteKeys.all, 'co-mediators', caseId] as const,
};

/** The mediator's private notes on a case. */
export function useNotes(caseId: string) {
  return useQuery({
    queryKey: noteKeys.case(caseId),
    queryFn: () => call(notes.listNotes, { params: { caseId } }),
  });
}

/** The case's co-mediators, and whom its mediator could bring in. */
export function useCoMediators(caseId: string) {
  return useQuery({
    queryKey: noteKeys.coMediators(caseId),
    queryFn: () => call(notes.listCoMediators, { params: { caseId } }),
  });
}
