/** What a case's documents write to the audit trail: each version made and each signature, with its fingerprint. */
export const DOCUMENTS_AUDIT_KINDS = [
  'document.created',
  'document.signed',
  'case.mediator_disclosure_written',
] as const;
export type DocumentsAuditKind = (typeof DOCUMENTS_AUDIT_KINDS)[number];
