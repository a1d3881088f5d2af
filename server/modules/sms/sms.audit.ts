/** What text messages write to the audit trail (ids and states, never a number or a text's words). */
export const SMS_AUDIT_KINDS = [
  'mobile.added',
  'mobile.confirmed',
  'mobile.removed',
  'texts.opted_in',
  'texts.opted_out',
  'texts.stopped',
] as const;
export type SmsAuditKind = (typeof SMS_AUDIT_KINDS)[number];
