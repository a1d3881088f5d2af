import type { Generated } from 'kysely';
import type { EventKind, EventStatus, SeatStatus } from '../../../domain/event-seats.ts';
import type { MembershipStatus } from '../../../domain/membership.ts';

// The association's tables (migration 2026-11-21-0030-association.ts). Money in whole cents;
// times ISO-8601 UTC text; flags 0/1; lists JSON text.

export interface MembershipTiersTable {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  annual_dues_cents: number;
  benefits: Generated<string>;
  includes_listing: Generated<number>;
  grace_days: Generated<number>;
  sort_order: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  tier_id: string;
  status: MembershipStatus;
  joined_at: string;
  period_start: string | null;
  expires_at: string | null;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
  /** 1 while a lapse has taken a published directory listing down (migration 0031). */
  listing_held: Generated<number>;
}

/** The tier a membership began at and each change of tier (migration 2026-11-27-1102). */
export interface MembershipTierChangesTable {
  id: string;
  membership_id: string;
  tier_id: string;
  changed_at: string;
}

export interface AssociationPaymentsTable {
  id: string;
  receipt_number: string;
  user_id: string;
  purpose: string;
  membership_id: string | null;
  registration_id: string | null;
  provider: string;
  method: string;
  amount_cents: number;
  reference: Generated<string>;
  received_on: string;
  recorded_by: string | null;
  receipt_file_id: string | null;
  created_at: string;
}

/** What a person owes the association: the yearly dues of the tier they joined or renew at. */
export interface AssociationInvoicesTable {
  id: string;
  number: string;
  user_id: string;
  purpose: 'dues';
  membership_id: string | null;
  tier_id: string | null;
  description: string;
  amount_cents: number;
  /** open until paid; void when a later request replaced it. */
  status: 'open' | 'paid' | 'void';
  /** The card provider's checkout session, once the person chose to pay by card. */
  checkout_id: string | null;
  payment_id: string | null;
  created_at: string;
  closed_at: string | null;
}

/** A card provider's webhook event, kept once so a repeated delivery changes nothing. */
export interface PaymentWebhookEventsTable {
  id: string;
  provider: string;
  kind: string;
  received_at: string;
}

export interface MembershipRemindersTable {
  id: string;
  membership_id: string;
  period_end: string;
  kind: string;
  sent_at: string;
}

export interface AssociationEventsTable {
  id: string;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  provider: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  recorded: Generated<number>;
  credits: Generated<string>;
  credit_hours: Generated<number>;
  capacity: number | null;
  seats_taken: Generated<number>;
  member_price_cents: Generated<number>;
  price_cents: Generated<number>;
  status: EventStatus;
  lock_version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  user_id: string;
  status: SeatStatus;
  queue_seq: number;
  member_price: Generated<number>;
  price_cents: number;
  paid: Generated<number>;
  registered_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  attended_at: string | null;
  certificate_file_id: string | null;
  /** Printed on the certificate; the public verification page looks it up. */
  certificate_code: string | null;
  updated_at: string;
}

/** A day (or part) of a training: the event's first start and last end are copied to its row. */
export interface AssociationEventSessionsTable {
  id: string;
  event_id: string;
  seq: number;
  starts_at: string;
  ends_at: string;
}

/** Staff's record that a registrant was at one session. */
export interface EventSessionAttendanceTable {
  registration_id: string;
  session_id: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface LibraryFormsTable {
  id: string;
  title: string;
  category: string;
  description: Generated<string>;
  current_version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryFormVersionsTable {
  id: string;
  form_id: string;
  version: number;
  file_id: string;
  notes: Generated<string>;
  created_by: string | null;
  created_at: string;
}

export interface NewsletterIssuesTable {
  id: string;
  title: string;
  issue_label: string;
  summary: Generated<string>;
  body: string;
  /** A draft is edited by staff; a published issue has been mailed and stays as it is. */
  status: 'draft' | 'published';
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterDeliveriesTable {
  issue_id: string;
  user_id: string;
  email_id: string;
  created_at: string;
}

export interface NewsletterUnsubscribesTable {
  user_id: string;
  created_at: string;
}

export interface NewsletterSubscribersTable {
  id: string;
  email: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  confirm_token_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** When the latest confirmation link was sent (migration 2026-11-27-1102). */
  confirm_sent_at: string | null;
}

export interface NewsletterSubscriberDeliveriesTable {
  issue_id: string;
  subscriber_id: string;
  created_at: string;
}

export interface JobPostingsTable {
  id: string;
  title: string;
  organization: string;
  location: string;
  description: string;
  how_to_apply: string;
  expires_on: string;
  status: string;
  posted_by: string;
  created_at: string;
  updated_at: string;
}

export interface JobAlertSubscriptionsTable {
  user_id: string;
  created_at: string;
}

export interface MediatorPathTicksTable {
  user_id: string;
  step: string;
  ticked_at: string;
}

export interface AssociationTables {
  membership_tiers: MembershipTiersTable;
  memberships: MembershipsTable;
  association_payments: AssociationPaymentsTable;
  association_invoices: AssociationInvoicesTable;
  payment_webhook_events: PaymentWebhookEventsTable;
  membership_reminders: MembershipRemindersTable;
  association_events: AssociationEventsTable;
  association_event_sessions: AssociationEventSessionsTable;
  event_registrations: EventRegistrationsTable;
  event_session_attendance: EventSessionAttendanceTable;
  library_forms: LibraryFormsTable;
  library_form_versions: LibraryFormVersionsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_unsubscribes: NewsletterUnsubscribesTable;
  membership_tier_changes: MembershipTierChangesTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriber_deliveries: NewsletterSubscriberDeliveriesTable;
  job_postings: JobPostingsTable;
  job_alert_subscriptions: JobAlertSubscriptionsTable;
  mediator_path_ticks: MediatorPathTicksTable;
}
