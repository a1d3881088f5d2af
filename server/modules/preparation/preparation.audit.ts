/** What preparation writes to the audit trail: who read or saved a party's answers, never the answers. */
export const PREPARATION_AUDIT_KINDS = [
  'preparation.read',
  'preparation.saved',
  'preparation.mediator_note_saved',
] as const;
export type PreparationAuditKind = (typeof PREPARATION_AUDIT_KINDS)[number];
