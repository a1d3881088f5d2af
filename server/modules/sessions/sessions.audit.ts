/** What sessions and calendar feeds write to the audit trail. */
export const SESSIONS_AUDIT_KINDS = [
  'session.scheduled',
  'session.rescheduled',
  'session.held',
  'session.cancelled',
  'calendar_feed.created',
  'calendar_feed.revoked',
  'session_poll.created',
  'session_poll.answered',
  'session_poll.booked',
  'session_poll.closed',
  'session_poll.reminded',
  'session_move.requested',
  'session_move.accepted',
  'session_move.declined',
] as const;
export type SessionsAuditKind = (typeof SESSIONS_AUDIT_KINDS)[number];
