/** What the court's pages write to the audit trail (invitations write their own when a court user is invited or accepts). */
export const COURT_AUDIT_KINDS = ['court.user_removed'] as const;
export type CourtAuditKind = (typeof COURT_AUDIT_KINDS)[number];
