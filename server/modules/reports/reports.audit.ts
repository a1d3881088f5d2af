/** What reports write to the audit trail: a program's report settings changed (the figures, never words). */
export const REPORTS_AUDIT_KINDS = ['reports.settings_changed'] as const;
export type ReportsAuditKind = (typeof REPORTS_AUDIT_KINDS)[number];
