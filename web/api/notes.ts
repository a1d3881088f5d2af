import * as notes from '../../contracts/notes.ts';
import { useRead } from './query.ts';

/** Query keys of the mediators' area: a case's private notes and its co-mediators. */
export const noteKeys = {
  all: ['notes'] as const,
  case: (caseId: string) => [...noteKeys.all, 'case', caseId] as const,
  coMediators: (caseId: string) => [...noteKeys.all, 'co-mediators', caseId] as const,
};

/** The mediator's private notes on a case. */
export function useNotes(caseId: string) {
  return useRead(noteKeys.case(caseId), notes.listNotes, { params: { caseId } });
}

/** The case's co-mediators, and whom its mediator could bring in. */
export function useCoMediators(caseId: string) {
  return useRead(noteKeys.coMediators(caseId), notes.listCoMediators, { params: { caseId } });
}
