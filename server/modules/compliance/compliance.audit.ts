/** What compliance writes to the audit trail: each step of a promise, each reminder, the program's settings. */
export const COMPLIANCE_AUDIT_KINDS = [
  'compliance.milestone_created',
  'compliance.milestone_marked_done',
  'compliance.milestone_confirmed',
  'compliance.milestone_disputed',
  'compliance.milestone_waived',
  'compliance.milestone_missed',
  'compliance.milestone_corrected',
  'compliance.reminder_sent',
  'compliance.settings_changed',
] as const;
export type ComplianceAuditKind = (typeof COMPLIANCE_AUDIT_KINDS)[number];
