import type { FormEvent } from 'react';
import type { Event } from '../../../contracts/events.ts';
import * as events from '../../../contracts/events.ts';
import { COURSE_KIND_LABELS, COURSE_KINDS } from '../../../domain/eligibility.ts';
import { EVENT_KINDS } from '../../../domain/event-seats.ts';
import { fromMissouriTime } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { eventKeys, useEvents, useRoster } from '../../api/events.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextField } from '../../components/Field.tsx';
import { EVENT_KIND_LABELS, money, STATUS_LABELS, useFormValues } from './shared.tsx';

function Roster({ event }: { event: Event }) {
  const roster = useRoster(event.id);
  const attend = useChange(
    (r: { id: string; name: string }) =>
      call(events.markAttended, { params: { eventId: event.id }, body: { registrationId: r.id } }),
    {
      invalidates: [eventKeys.roster(event.id)],
      success: (_, r) =>
        `${r.name} is marked as attended. The hours are in their training record and the certificate is sent.`,
    },
  );
  return (
    <div className="assoc-scroll">
      <ChangeStatus of={attend} />
      {roster.data?.length === 0 ? <p>Nobody has registered yet.</p> : null}
      {roster.data?.length ? (
        <table className="assoc-table">
          <caption className="visually-hidden">Registrations for {event.title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Fee</th>
              <th scope="col">Attendance</th>
            </tr>
          </thead>
          <tbody>
            {roster.data.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{STATUS_LABELS[r.status] ?? r.status}</td>
                <td>{r.priceCents ? `${money(r.priceCents)}${r.paid ? ' paid' : ' due'}` : 'Free'}</td>
                <td>
                  {r.can.markAttended ? (
                    <Button variant="secondary" busy={attend.busy} onClick={() => attend.run(r)}>
                      Mark {r.name} attended
                    </Button>
                  ) : r.status === 'attended' ? (
                    'Attended'
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

const EMPTY = {
  kind: 'core_training',
  title: '',
  provider: '',
  date: '',
  start: '09:00',
  end: '17:00',
  place: '',
  onlineUrl: '',
  capacity: '',
  memberPrice: '0',
  price: '0',
  creditKind: 'civil_core',
  hours: '',
};
type NewEventForm = typeof EMPTY;

/** The form's words as the contract takes them; the server names what is wrong. */
function eventBody(f: NewEventForm) {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(f.date);
  const kind = EVENT_KINDS.find((k) => k === f.kind) ?? 'other';
  const creditKind = COURSE_KINDS.find((k) => k === f.creditKind) ?? 'civil_core';
  return {
    kind,
    title: f.title,
    provider: f.provider,
    startsAt: valid ? fromMissouriTime(f.date, f.start).toISOString() : '',
    endsAt: valid ? fromMissouriTime(f.date, f.end).toISOString() : '',
    place: f.place || null,
    onlineUrl: f.onlineUrl || null,
    capacity: f.capacity ? Number(f.capacity) : null,
    memberPriceCents: Math.round(Number(f.memberPrice) * 100),
    priceCents: Math.round(Number(f.price) * 100),
    credits: f.hours ? [{ kind: creditKind, hours: Number(f.hours) }] : [],
  };
}

function NewEvent() {
  const create = useChange((f: NewEventForm) => call(events.createEvent, { body: eventBody(f) }), {
    invalidates: [eventKeys.all],
    success: 'The training is on the calendar.',
  });
  const form = useFormValues(EMPTY, create);
  function submit(e: FormEvent) {
    e.preventDefault();
    create.run(form.values, { onSuccess: form.reset });
  }
  return (
    <details>
      <summary>Add a training or event</summary>
      <ChangeStatus of={create} />
      <form className="form" onSubmit={submit} noValidate>
        <Select label="Kind" {...form.bind('kind')}>
          {Object.entries(EVENT_KIND_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
        <TextField label="Title" {...form.bind('title')} />
        <TextField label="Given by" {...form.bind('provider')} />
        <TextField label="Date" type="date" {...form.bind('date', 'startsAt')} />
        <TextField label="Starts (Missouri time)" type="time" {...form.bind('start')} />
        <TextField label="Ends (Missouri time)" type="time" {...form.bind('end', 'endsAt')} />
        <TextField label="Place" {...form.bind('place')} />
        <TextField label="Online link" {...form.bind('onlineUrl')} />
        <TextField label="Seats (empty for no limit)" inputMode="numeric" {...form.bind('capacity')} />
        <TextField
          label="Member price in dollars"
          inputMode="decimal"
          {...form.bind('memberPrice', 'memberPriceCents')}
        />
        <TextField
          label="Price for others in dollars"
          inputMode="decimal"
          {...form.bind('price', 'priceCents')}
        />
        <Select label="Hours count as" {...form.bind('creditKind')}>
          {COURSE_KINDS.map((k) => (
            <option key={k} value={k}>
              {COURSE_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <TextField label="Hours credited" inputMode="decimal" {...form.bind('hours', 'credits.0.hours')} />
        <Button type="submit" busy={create.busy}>
          Add to the calendar
        </Button>
      </form>
    </details>
  );
}

/** Trainings: add one, see who registered, take attendance. */
export function StaffEvents() {
  const list = useEvents(true);
  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">Trainings, events and attendance</h2>
      <NewEvent />
      <ul className="program-list">
        {list.data?.map((e) => (
          <li key={e.id} className="card">
            <h3>{e.title}</h3>
            <p>
              {e.startsAt.slice(0, 10)} ·{' '}
              {e.capacity === null ? 'no seat limit' : `${e.seatsLeft} of ${e.capacity} seats left`} ·{' '}
              {e.waiting} waiting
            </p>
            <details>
              <summary>Registrations and attendance for {e.title}</summary>
              <Roster event={e} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
