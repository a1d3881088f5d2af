/** What the mediator's notes write to the audit trail: that a note was read or written, never its words. */
export const NOTES_AUDIT_KINDS = ['note.read', 'note.written', 'note.updated'] as const;
export type NoteAuditKind = (typeof NOTES_AUDIT_KINDS)[number];
