/** What the jobs board writes to the audit trail. */
export const JOBS_BOARD_AUDIT_KINDS = [
  'job_posting.created',
  'job_posting.withdrawn',
  'job_alerts.changed',
] as const;
export type JobsBoardAuditKind = (typeof JOBS_BOARD_AUDIT_KINDS)[number];
