/** What accounts write to the audit trail: sign-ups, sign-ins and changes to how a person signs in. */
export const ACCOUNTS_AUDIT_KINDS = [
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
  'user.mfa_sign_in_ended',
  'user.recovery_codes_regenerated',
  'user.recovery_code_used',
  'user.locked',
  'user.unlocked',
  'user.sessions_revoked',
  'user.sign_up_repeated',
  'user.settings_changed',
] as const;
export type AccountsAuditKind = (typeof ACCOUNTS_AUDIT_KINDS)[number];
