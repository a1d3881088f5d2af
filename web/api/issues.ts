import * as issues from '../../contracts/issues.ts';
import { useRead } from './query.ts';

/** Query keys of the issues board (never a prefix of another area's keys). */
export const issueKeys = {
  all: ['issue-board'] as const,
  case: (caseId: string) => [...issueKeys.all, 'case', caseId] as const,
};

/**
 * A case's issues board as this person may see it. It refreshes every few seconds, so everyone
 * in a session works from the same board.
 */
export function useIssueBoard(caseId: string) {
  return useRead(
    issueKeys.case(caseId),
    issues.getIssueBoard,
    { params: { caseId } },
    { refetchInterval: 4000 },
  );
}
