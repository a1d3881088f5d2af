import * as compliance from '../../contracts/compliance.ts';
import { useRead } from './query.ts';

/** Query keys of the compliance area: a case's promises, a program's view. */
export const complianceKeys = {
  all: ['compliance'] as const,
  case: (caseId: string) => [...complianceKeys.all, 'case', caseId] as const,
  program: (programId: string) => [...complianceKeys.all, 'program', programId] as const,
  promises: (programId: string, query: compliance.PromisesQuery) =>
    [...complianceKeys.program(programId), 'promises', query] as const,
};

/**
 * A signed agreement's promises, their evidence and reminders, and what this person may do with
 * each. Not retried: someone who cannot read the signed agreement is told so at once.
 */
export function useCaseCompliance(caseId: string) {
  return useRead(
    complianceKeys.case(caseId),
    compliance.getCaseCompliance,
    { params: { caseId } },
    { retry: false },
  );
}

/** A program's agreements with overdue promises, the share kept on time, and its reminder settings. */
export function useProgramCompliance(programId: string) {
  return useRead(complianceKeys.program(programId), compliance.getProgramCompliance, {
    params: { programId },
  });
}

/** A page of the program's promises, as the filters in `query` choose. */
export function useProgramPromises(programId: string, query: compliance.PromisesQuery) {
  return useRead(complianceKeys.promises(programId, query), compliance.listProgramPromises, {
    params: { programId },
    query,
  });
}
