/** What screening writes to the audit trail: that answers were given, read or decided on, never the answers. */
export const SCREENING_AUDIT_KINDS = [
  'screening.submitted',
  'screening.read',
  'screening.decided',
  'case.confidentiality_exception',
] as const;
export type ScreeningAuditKind = (typeof SCREENING_AUDIT_KINDS)[number];
