/** What membership writes to the audit trail: joining, states, payments, tiers, listings and the mediator path. */
export const MEMBERSHIP_AUDIT_KINDS = [
  'membership.joined',
  'membership.activated',
  'membership.renewed',
  'membership.renewal_requested',
  'membership.state_changed',
  'membership.listing_held',
  'membership.listing_restored',
  'membership_tier.created',
  'membership_tier.updated',
  'payment.recorded',
  'invoice.checkout_started',
  'mediator_path.ticked',
] as const;
export type MembershipAuditKind = (typeof MEMBERSHIP_AUDIT_KINDS)[number];
