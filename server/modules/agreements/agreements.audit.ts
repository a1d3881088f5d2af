/** What the written agreement writes to the audit trail. */
export const AGREEMENTS_AUDIT_KINDS = [
  'agreement.sent',
  'agreement.commented',
  'agreement.authority_attested',
  'agreement.signed_by_all',
  'agreement.program_copy_sent',
  'agreement.ink_copy_uploaded',
  'agreement.court_approved',
] as const;
export type AgreementsAuditKind = (typeof AGREEMENTS_AUDIT_KINDS)[number];
