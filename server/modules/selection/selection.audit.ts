/** What choosing the mediator writes to the audit trail. */
export const SELECTION_AUDIT_KINDS = [
  'case.mediators_picked',
  'case.mediator_offered',
  'case.mediator_accepted',
  'case.mediator_declined',
  'case.disqualification_requested',
  'case.disqualification_denied',
  'case.disqualification_decided',
  'case.disqualification_lapsed',
  /** An undenied application whose time ran out after the mediation began: ended, the mediator stays. */
  'case.disqualification_ended',
] as const;
export type SelectionAuditKind = (typeof SELECTION_AUDIT_KINDS)[number];
