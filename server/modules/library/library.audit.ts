/** What the forms library writes to the audit trail. */
export const LIBRARY_AUDIT_KINDS = ['library_form.created', 'library_form.version_added'] as const;
export type LibraryAuditKind = (typeof LIBRARY_AUDIT_KINDS)[number];
