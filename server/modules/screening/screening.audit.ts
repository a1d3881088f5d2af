/** What screening writes to the audit trail: that answers were given, read or decided on, never the answers. */
export const SCREENING_AUDIT_KINDS = [
  'screening.submitted',
  'screening.read',
  'screening.decided',
  'case.confidentiality_exception',
  /** The program reviewed an exception (its note is sealed, never in the audit data). */
  'case.confidentiality_exception_reviewed',
  /** What was reported, or a review note, was read (the case page's exceptions). */
  'screening.exceptions_read',
] as const;
export type ScreeningAuditKind = (typeof SCREENING_AUDIT_KINDS)[number];
