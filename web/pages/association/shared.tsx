import { useState } from 'react';
import { Link } from 'react-router';
import { COURSE_KIND_LABELS, type CourseKind } from '../../../domain/eligibility.ts';

export const money = (cents: number) => (cents === 0 ? 'Free' : `$${(cents / 100).toFixed(2)}`);

export const STATUS_LABELS: Record<string, string> = {
  pending: 'Waiting for dues',
  active: 'Active',
  grace: 'Overdue (grace period)',
  lapsed: 'Lapsed',
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

/**
 * A form's text values, and `bind(name)`: the props that tie a field to one of them and to the
 * server's message about it (`<TextField label="Title" {...form.bind('title')} />`).
 */
export function useFormValues<T extends Record<string, string>>(
  empty: T,
  errors: { field: (name: string) => string | undefined },
) {
  const [values, setValues] = useState(empty);
  return {
    values,
    bind: (name: keyof T & string, errorName: string = name) => ({
      name,
      value: values[name],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
      error: errors.field(errorName),
    }),
    reset: () => setValues(empty),
  };
}

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
