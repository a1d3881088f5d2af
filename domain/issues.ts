/**
 * The issues on a mediation's board and where each stands. An issue marked agreed (or partly
 * agreed) may be settled by the written agreement.
 */
export const ISSUE_STATUSES = ['open', 'agreed', 'partly_agreed', 'not_agreed', 'deferred'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  agreed: 'Agreed',
  partly_agreed: 'Partly agreed',
  not_agreed: 'Not agreed',
  deferred: 'Set aside for later',
};
