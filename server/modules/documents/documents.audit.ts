/** What the document folder writes to the audit trail: ids, versions and who sees a file, never its name or words. */
export const CASE_DOCUMENTS_AUDIT_KINDS = [
  'case_document.uploaded',
  'case_document.version_added',
  'case_document.downloaded',
  'case_document.visibility_changed',
  'case_document.share_asked',
  'case_document.share_answered',
] as const;
export type CaseDocumentAuditKind = (typeof CASE_DOCUMENTS_AUDIT_KINDS)[number];
