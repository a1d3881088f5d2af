/** What programs write to the audit trail. */
export const PROGRAMS_AUDIT_KINDS = [
  'program.created',
  'program.updated',
  'program.rules_changed',
  'program.district_added',
  'program.district_removed',
  /** A coordinator took a mediator off the program's roster (the mediator role in the program). */
  'program.mediator_removed',
] as const;
export type ProgramsAuditKind = (typeof PROGRAMS_AUDIT_KINDS)[number];
