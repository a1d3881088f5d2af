/**
 * The migrations that have landed on main, in the order every database applied them. Frozen:
 * never rename or remove one. When your change lands, append its new migrations here, at the
 * end, in its last commit; until then server/db/migrations.test.ts checks that they sort after
 * all of these.
 */
export const LANDED_MIGRATIONS = [
  '2026-11-21-0001-foundation',
  '2026-11-21-0002-throttles',
  '2026-11-21-0010-directory',
  '2026-11-21-0011-directory-search-indexes',
  '2026-11-21-0012-directory-match-index',
  '2026-11-21-0013-directory-version',
  '2026-11-21-0020-cases',
  '2026-11-21-0030-association',
  '2026-11-21-0031-association-listing',
  '2026-11-21-0040-cases-part-2',
  '2026-11-21-0050-compliance',
  '2026-11-21-0060-invitation-declines',
  '2026-11-21-0070-totp-last-step',
  '2026-11-26-0001-master-keys',
  '2026-11-26-1430-retention',
  '2026-11-26-1447-audit-keyed-chain',
  '2026-11-26-1459-accounts-lockout-recovery',
  '2026-11-26-2115-reports-figures',
  '2026-11-26-2116-directory-changes',
  '2026-11-26-2128-negotiation-aids',
  '2026-11-26-2131-cases-queue',
  '2026-11-26-2140-agreements-sending',
  '2026-11-26-2216-cases-queue-mediator-due',
  '2026-11-27-0340-cases-request-drafts',
  '2026-11-27-0349-selection-court-order',
  '2026-11-27-0410-events-sessions',
  '2026-11-27-0411-reports-rollup',
  '2026-11-27-0418-programs-districts',
  '2026-11-27-0419-membership-invoices',
  '2026-11-27-0705-notifications',
  '2026-11-27-0719-newsletter-subscribers',
  '2026-11-27-0738-talk-messages-documents',
  '2026-11-27-0755-sms',
  '2026-11-27-0800-sessions-polls',
  '2026-11-27-0811-cases-court-circuit',
  '2026-11-27-0957-screening-exception-review',
];
