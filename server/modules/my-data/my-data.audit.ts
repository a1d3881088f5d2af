/** What a person's data requests write to the audit trail: an export made, an account deleted (counts only). */
export const MY_DATA_AUDIT_KINDS = ['my_data.exported', 'my_data.account_deleted'] as const;
export type MyDataAuditKind = (typeof MY_DATA_AUDIT_KINDS)[number];
