/** What the newsletter writes to the audit trail. */
export const NEWSLETTER_AUDIT_KINDS = [
  'newsletter.drafted',
  'newsletter.edited',
  'newsletter.published',
  'newsletter.subscribed',
  'newsletter.unsubscribed',
  'newsletter.sign_up_requested',
  'newsletter.sign_up_confirmed',
  'newsletter.unconfirmed_purged',
] as const;
export type NewsletterAuditKind = (typeof NEWSLETTER_AUDIT_KINDS)[number];
