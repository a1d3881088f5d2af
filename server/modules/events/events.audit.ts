/** What trainings and events write to the audit trail. */
export const EVENTS_AUDIT_KINDS = [
  'association_event.created',
  'association_event.updated',
  'event_registration.registered',
  'event_registration.waitlisted',
  'event_registration.promoted',
  'event_registration.cancelled',
  'event_registration.session_attended',
  'event_registration.attended',
] as const;
export type EventsAuditKind = (typeof EVENTS_AUDIT_KINDS)[number];
