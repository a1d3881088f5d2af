/** What the keys area writes to the audit trail: a rotation of the master keys, never a key. */
export const KEYS_AUDIT_KINDS = ['keys.rotated'] as const;
export type KeysAuditKind = (typeof KEYS_AUDIT_KINDS)[number];
