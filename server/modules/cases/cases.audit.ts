/** What the cases area writes to the audit trail: a case's steps and its people, never what they said. */
export const CASES_AUDIT_KINDS = [
  'case.requested',
  'case.state_changed',
  'case.participant_joined',
  'case.participant_declined',
  'case.participant_added',
  'case.companions_agreed',
  'case.contact_updated',
  'case.opt_out_requested',
  'case.co_mediator_added',
  'case.document_read',
  'case.due_process_recorded',
  'case.deadline_extended',
  'case.court_record_updated',
] as const;
export type CasesAuditKind = (typeof CASES_AUDIT_KINDS)[number];
