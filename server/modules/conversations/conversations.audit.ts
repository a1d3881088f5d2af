/** What case messages write to the audit trail: that a message was sent or a conversation opened, never its words. */
export const CONVERSATIONS_AUDIT_KINDS = ['case_message.sent', 'case_thread.opened'] as const;
export type ConversationAuditKind = (typeof CONVERSATIONS_AUDIT_KINDS)[number];
