import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { COURSE_KIND_LABELS, COURSE_KINDS } from '../../../domain/eligibility.ts';
import { fromMissouriTime } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextField } from '../../components/Field.tsx';
import { EVENT_KIND_LABELS, type EventItem, money, STATUS_LABELS } from './shared.tsx';

type Entry = {
  id: string;
  userId: string;
  name: string;
  email: string;
  status: string;
  priceCents: number;
  paid: boolean;
};

function Roster({ event }: { event: EventItem }) {
  const roster = useQuery({
    queryKey: ['roster', event.id],
    queryFn: () => api.get<Entry[]>(`/api/v1/association/events/${event.id}/registrations`),
  });
  const attend = useChange(
    (r: Entry) => api.post(`/api/v1/association/events/${event.id}/attendance`, { registrationId: r.id }),
    {
      invalidates: [['roster', event.id]],
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
                  {r.status === 'registered' ? (
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

function NewEvent() {
  const [f, setF] = useState(EMPTY);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const create = useChange(
    () => {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(f.date);
      return api.post('/api/v1/association/events', {
        kind: f.kind,
        title: f.title,
        provider: f.provider,
        startsAt: valid ? fromMissouriTime(f.date, f.start).toISOString() : '',
        endsAt: valid ? fromMissouriTime(f.date, f.end).toISOString() : '',
        place: f.place || null,
        onlineUrl: f.onlineUrl || null,
        capacity: f.capacity ? Number(f.capacity) : null,
        memberPriceCents: Math.round(Number(f.memberPrice) * 100),
        priceCents: Math.round(Number(f.price) * 100),
        credits: f.hours ? [{ kind: f.creditKind, hours: Number(f.hours) }] : [],
      });
    },
    { invalidates: [['events']], success: 'The training is on the calendar.', onSuccess: () => setF(EMPTY) },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    create.run();
  }
  return (
    <details>
      <summary>Add a training or event</summary>
      <ChangeStatus of={create} />
      <form className="form" onSubmit={submit} noValidate>
        <Select label="Kind" value={f.kind} onChange={set('kind')} error={create.field('kind')}>
          {Object.entries(EVENT_KIND_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
        <TextField
          label="Title"
          name="title"
          value={f.title}
          onChange={set('title')}
          error={create.field('title')}
        />
        <TextField
          label="Given by"
          name="provider"
          value={f.provider}
          onChange={set('provider')}
          error={create.field('provider')}
        />
        <TextField
          label="Date"
          name="date"
          type="date"
          value={f.date}
          onChange={set('date')}
          error={create.field('startsAt')}
        />
        <TextField
          label="Starts (Missouri time)"
          name="start"
          type="time"
          value={f.start}
          onChange={set('start')}
        />
        <TextField
          label="Ends (Missouri time)"
          name="end"
          type="time"
          value={f.end}
          onChange={set('end')}
          error={create.field('endsAt')}
        />
        <TextField
          label="Place"
          name="place"
          value={f.place}
          onChange={set('place')}
          error={create.field('place')}
        />
        <TextField
          label="Online link"
          name="onlineUrl"
          value={f.onlineUrl}
          onChange={set('onlineUrl')}
          error={create.field('onlineUrl')}
        />
        <TextField
          label="Seats (empty for no limit)"
          name="capacity"
          inputMode="numeric"
          value={f.capacity}
          onChange={set('capacity')}
          error={create.field('capacity')}
        />
        <TextField
          label="Member price in dollars"
          name="memberPrice"
          inputMode="decimal"
          value={f.memberPrice}
          onChange={set('memberPrice')}
          error={create.field('memberPriceCents')}
        />
        <TextField
          label="Price for others in dollars"
          name="price"
          inputMode="decimal"
          value={f.price}
          onChange={set('price')}
          error={create.field('priceCents')}
        />
        <Select label="Hours count as" value={f.creditKind} onChange={set('creditKind')}>
          {COURSE_KINDS.map((k) => (
            <option key={k} value={k}>
              {COURSE_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <TextField
          label="Hours credited"
          name="hours"
          inputMode="decimal"
          value={f.hours}
          onChange={set('hours')}
          error={create.field('credits.0.hours')}
        />
        <Button type="submit" busy={create.busy}>
          Add to the calendar
        </Button>
      </form>
    </details>
  );
}

/** Trainings: add one, see who registered, take attendance. */
export function StaffEvents() {
  const events = useQuery({
    queryKey: ['events', 'staff'],
    queryFn: () => api.get<EventItem[]>('/api/v1/association/events?past=true'),
  });
  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">Trainings, events and attendance</h2>
      <NewEvent />
      <ul className="program-list">
        {events.data?.map((e) => (
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
