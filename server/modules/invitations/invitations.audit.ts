/** What invitations write to the audit trail: the link made, used or declined, and the role it gave. */
export const INVITATIONS_AUDIT_KINDS = [
  'invitation.created',
  'invitation.accepted',
  'invitation.declined',
  'role.granted',
] as const;
export type InvitationsAuditKind = (typeof INVITATIONS_AUDIT_KINDS)[number];
