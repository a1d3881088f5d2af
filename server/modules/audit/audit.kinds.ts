/**
 * Every kind of audit event Parley writes. Each area lists its own kinds here so a typo in a
 * service is a compile error, and a reader can see at a glance what the trail records.
 */
export const FOUNDATION_AUDIT_KINDS = [
  'user.signed_up',
  'user.email_verified',
  'user.signed_in',
  'user.signed_out',
  'user.sign_in_failed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.password_changed',
  'user.mfa_enabled',
  'user.mfa_disabled',
  'role.granted',
  'role.revoked',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'program.created',
  'program.updated',
  'audit.verified',
] as const;

export type AuditKind = (typeof FOUNDATION_AUDIT_KINDS)[number] | `${string}.${string}`;
