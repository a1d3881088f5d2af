import * as court from '../../contracts/court.ts';
import { useRead } from './query.ts';

/** Query keys of the court's pages: its referred cases, one case as the court sees it, and the courts' users. */
export const courtKeys = {
  all: ['court'] as const,
  cases: () => [...courtKeys.all, 'cases'] as const,
  case: (caseId: string) => [...courtKeys.all, 'case', caseId] as const,
  users: () => [...courtKeys.all, 'users'] as const,
};

/** The cases the signed-in court user's circuit referred, with what each waits for: a page of those found. */
export function useCourtCases(query: court.CourtCasesQuery) {
  return useRead([...courtKeys.cases(), query], court.listCourtCases, { query });
}

/** One referred case as the court may see it. */
export function useCourtCase(caseId: string) {
  return useRead(courtKeys.case(caseId), court.getCourtCase, { params: { caseId } });
}

/** The courts' users by circuit and their invitations (administrators). */
export function useCourtUsers() {
  return useRead(courtKeys.users(), court.listCourtUsers, {});
}
