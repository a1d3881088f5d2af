// The staff pages' words for memberships, events and payments (staff pages are in English); the
// pages anyone may read take theirs from the catalog through public-parts.tsx.
import { MEMBERSHIP_STATUS_LABELS } from '../../../domain/membership.ts';

export const money = (cents: number) => (cents === 0 ? 'Free' : `$${(cents / 100).toFixed(2)}`);

export const STATUS_LABELS: Record<string, string> = {
  ...MEMBERSHIP_STATUS_LABELS,
  registered: 'Registered',
  waitlisted: 'On the waitlist',
  cancelled: 'Canceled',
  attended: 'Attended',
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  core_training: 'Core training',
  ce_webinar: 'Webinar (live)',
  ce_recorded: 'Webinar (recorded)',
  conference: 'Conference',
  other: 'Event',
};

/** How staff record a payment received outside Parley, in words. */
export const METHOD_WORDS: Record<string, string> = {
  cheque: 'Check',
  cash: 'Cash',
  at_event: 'At an event',
  money_order: 'Money order',
  bank_transfer: 'Bank transfer',
};
