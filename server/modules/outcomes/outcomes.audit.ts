/** What outcomes write to the audit trail: the court report read and surveys answered (not the answers). */
export const OUTCOMES_AUDIT_KINDS = ['case.court_report_read', 'survey.answered'] as const;
export type OutcomesAuditKind = (typeof OUTCOMES_AUDIT_KINDS)[number];
