/** What sessions and calendar feeds write to the audit trail. */
export const SESSIONS_AUDIT_KINDS = [
  'session.scheduled',
  'session.rescheduled',
  'session.held',
  'session.cancelled',
  'calendar_feed.created',
  'calendar_feed.revoked',
] as const;
export type SessionsAuditKind = (typeof SESSIONS_AUDIT_KINDS)[number];
