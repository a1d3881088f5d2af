import { Link } from 'react-router';
import { COURSE_KIND_LABELS, type CourseKind } from '../../../domain/eligibility.ts';
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';

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

/** The hours a training credits to the training record, by kind of course. */
export function CreditsList({ credits }: { credits: readonly { kind: CourseKind; hours: number }[] }) {
  return (
    <ul>
      {credits.map((c) => (
        <li key={c.kind}>
          {COURSE_KIND_LABELS[c.kind]}: {c.hours} {c.hours === 1 ? 'hour' : 'hours'}
        </li>
      ))}
    </ul>
  );
}

/** The association's public pages, linked from each of them. */
export function AssociationLinks() {
  return (
    <nav className="assoc-links" aria-label="The association">
      <h2>From the association</h2>
      <ul className="link-list">
        <li>
          <Link to="/association">Membership</Link>
        </li>
        <li>
          <Link to="/trainings">Trainings and events</Link>
        </li>
        <li>
          <Link to="/newsletter">The Communicator, our newsletter</Link>
        </li>
        <li>
          <Link to="/jobs">Mediation jobs</Link>
        </li>
        <li>
          <Link to="/become-a-mediator">Become a mediator</Link>
        </li>
      </ul>
    </nav>
  );
}

/** How staff record a payment received outside Parley, in words. */
export const METHOD_WORDS: Record<string, string> = {
  cheque: 'Check',
  cash: 'Cash',
  at_event: 'At an event',
  money_order: 'Money order',
  bank_transfer: 'Bank transfer',
};

/**
 * A membership's tier, state, paid period and grace end: the same words and dates on the member's
 * own page and on staff's record of them.
 */
export function MembershipFacts({
  m,
}: {
  m: { tierName: string; status: MembershipStatus; expiresAt: string | null; graceEndsAt: string | null };
}) {
  return (
    <dl className="facts">
      <div>
        <dt>Membership</dt>
        <dd>{m.tierName}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd data-testid="membership-status">{MEMBERSHIP_STATUS_LABELS[m.status]}</dd>
      </div>
      {m.expiresAt ? (
        <div>
          <dt>{m.status === 'active' ? 'Paid until' : 'Ended on'}</dt>
          <dd>{formatMissouriDate(m.expiresAt)}</dd>
        </div>
      ) : null}
      {m.status === 'grace' && m.graceEndsAt ? (
        <div>
          <dt>Benefits stop on</dt>
          <dd>{formatMissouriDate(m.graceEndsAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
