/** What the negotiation aids write to the audit trail: ids, sides, rounds; never an item, a point or a figure. */
export const NEGOTIATION_AUDIT_KINDS = [
  'aid.started',
  'aid.items_changed',
  'aid.points_sent',
  'aid.points_revealed',
  'aid.terms_agreed',
  'aid.bid_sent',
  'aid.option_made',
] as const;
export type NegotiationAuditKind = (typeof NEGOTIATION_AUDIT_KINDS)[number];
