/**
 * What retention writes to the audit trail: a program's schedule changed, a legal hold placed or
 * lifted, and each purge (what went, by table and count, never a word of it). Purging never
 * touches the audit trail itself.
 */
export const RETENTION_AUDIT_KINDS = [
  'retention.policy_changed',
  'retention.hold_placed',
  'retention.hold_lifted',
  'retention.confidential_purged',
  'retention.case_purged',
  'retention.tokens_purged',
] as const;
export type RetentionAuditKind = (typeof RETENTION_AUDIT_KINDS)[number];
