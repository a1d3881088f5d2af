/** What the issues board writes to the audit trail: ids and statuses, never an option's words. */
export const ISSUES_AUDIT_KINDS = [
  'issue.added',
  'issue.updated',
  'option.proposed',
  'option.released',
] as const;
export type IssuesAuditKind = (typeof ISSUES_AUDIT_KINDS)[number];
