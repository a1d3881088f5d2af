import { type FormEvent, useState } from 'react';
import type { Event } from '../../../contracts/events.ts';
import * as events from '../../../contracts/events.ts';
import { COURSE_KIND_LABELS, COURSE_KINDS } from '../../../domain/eligibility.ts';
import { scheduledHours } from '../../../domain/event-schedule.ts';
import { EVENT_KINDS } from '../../../domain/event-seats.ts';
import { formatMissouriDate, formatMissouriStamp, fromMissouriTime } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { eventKeys, useEvents, useRoster } from '../../api/events.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Options, Select, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { ListTable } from './StaffList.tsx';
import { EVENT_KIND_LABELS, money, STATUS_LABELS } from './shared.tsx';

function Roster({ event }: { event: Event }) {
  const roster = useRoster(event.id);
  const attend = useChange(
    (v: { registrationId: string; sessionId: string; name: string; day: number }) =>
      call(events.markAttended, {
        params: { eventId: event.id },
        body: { registrationId: v.registrationId, sessionId: v.sessionId },
      }),
    {
      invalidates: [eventKeys.roster(event.id)],
      success: (r, v) =>
        r.certificateIssued
          ? `${v.name} attended every day. The hours are in their training record and the certificate is sent.`
          : `${v.name} is marked as attended on day ${v.day} (${r.sessionsAttended} of ${r.sessions} days).`,
    },
  );
  const several = event.sessions.length > 1;
  return (
    <>
      <ChangeStatus of={attend} />
      {roster.data?.length === 0 ? <p>Nobody has registered yet.</p> : null}
      {roster.data?.length ? (
        <p>
          <a href={href(events.downloadRoster, { eventId: event.id })} download>
            Download the registrations for {event.title} (CSV)
          </a>
        </p>
      ) : null}
      {roster.data?.length ? (
        <ListTable label={`Registrations for ${event.title}`}>
          <caption className="visually-hidden">Registrations for {event.title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Fee</th>
              {event.sessions.map((s, i) => (
                <th scope="col" key={s.id} className="nowrap">
                  {several ? `Day ${i + 1}, ` : 'Attendance, '}
                  {formatMissouriDate(s.startsAt)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roster.data.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{STATUS_LABELS[r.status] ?? r.status}</td>
                <td>{r.priceCents ? `${money(r.priceCents)}${r.paid ? ' paid' : ' due'}` : 'Free'}</td>
                {r.sessions.map((s, i) => (
                  <td key={s.sessionId}>
                    {s.attended ? (
                      'Attended'
                    ) : s.can.markAttended ? (
                      <Button
                        variant="secondary"
                        busy={attend.busy}
                        onClick={() =>
                          attend.run({
                            registrationId: r.id,
                            sessionId: s.sessionId,
                            name: r.name,
                            day: i + 1,
                          })
                        }
                      >
                        Mark {r.name} attended{several ? ` on day ${i + 1}` : ''}
                      </Button>
                    ) : r.status === 'registered' && event.sessions[i] ? (
                      `From ${formatMissouriStamp(event.sessions[i].startsAt)}`
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
    </>
  );
}

const EMPTY = {
  kind: 'core_training',
  title: '',
  provider: '',
  place: '',
  onlineUrl: '',
  capacity: '',
  memberPrice: '0',
  price: '0',
  creditKind: 'civil_core',
  hours: '',
};
type NewEventForm = typeof EMPTY;
type Day = { date: string; start: string; end: string };
const NEW_DAY: Day = { date: '', start: '09:00', end: '17:00' };

/** A day's date and times as the contract's instants ('' where the date is not a date yet). */
function sessionOf(d: Day) {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(d.date);
  return {
    startsAt: valid ? fromMissouriTime(d.date, d.start).toISOString() : '',
    endsAt: valid ? fromMissouriTime(d.date, d.end).toISOString() : '',
  };
}

/** The form's words as the contract takes them; the server names what is wrong. */
function eventBody(f: NewEventForm, days: Day[]) {
  const kind = EVENT_KINDS.find((k) => k === f.kind) ?? 'other';
  const creditKind = COURSE_KINDS.find((k) => k === f.creditKind) ?? 'civil_core';
  return {
    kind,
    title: f.title,
    provider: f.provider,
    sessions: days.map(sessionOf),
    place: f.place || null,
    onlineUrl: f.onlineUrl || null,
    capacity: f.capacity ? Number(f.capacity) : null,
    memberPriceCents: Math.round(Number(f.memberPrice) * 100),
    priceCents: Math.round(Number(f.price) * 100),
    credits: f.hours ? [{ kind: creditKind, hours: Number(f.hours) }] : [],
  };
}

/** The days of a training: a date with a start and an end each, as many days as it runs. */
function DaysFields({
  days,
  setDays,
  field,
}: {
  days: Day[];
  setDays: (days: Day[]) => void;
  field: (name: string) => string | undefined;
}) {
  const set = (i: number, patch: Partial<Day>) =>
    setDays(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const complete = days.map(sessionOf).filter((s) => s.startsAt && s.endsAt > s.startsAt);
  return (
    <fieldset className="event-days">
      <legend>Days (Missouri time)</legend>
      {field('sessions') ? <p className="field-error">{field('sessions')}</p> : null}
      {days.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a day is its place in the list
        <div className="event-day" key={i}>
          <TextField
            label={`Day ${i + 1} date`}
            type="date"
            value={d.date}
            onChange={(e) => set(i, { date: e.target.value })}
            error={field(`sessions.${i}.startsAt`)}
          />
          <TextField
            label={`Day ${i + 1} starts`}
            type="time"
            value={d.start}
            onChange={(e) => set(i, { start: e.target.value })}
          />
          <TextField
            label={`Day ${i + 1} ends`}
            type="time"
            value={d.end}
            onChange={(e) => set(i, { end: e.target.value })}
            error={field(`sessions.${i}.endsAt`)}
          />
          {days.length > 1 ? (
            <Button variant="secondary" onClick={() => setDays(days.filter((_, j) => j !== i))}>
              Remove day {i + 1}
            </Button>
          ) : null}
        </div>
      ))}
      {days.length < 10 ? (
        <Button variant="secondary" onClick={() => setDays([...days, { ...NEW_DAY }])}>
          Add a day
        </Button>
      ) : null}
      <p aria-live="polite">
        {complete.length ? `The days hold ${scheduledHours(complete)} hours.` : 'Give each day a date.'}
      </p>
    </fieldset>
  );
}

function NewEvent() {
  const [days, setDays] = useState<Day[]>([{ ...NEW_DAY }]);
  const create = useChange(
    (v: { form: NewEventForm; days: Day[] }) => call(events.createEvent, { body: eventBody(v.form, v.days) }),
    {
      invalidates: [eventKeys.all],
      success: 'The training is on the calendar.',
    },
  );
  const form = useFormValues(EMPTY, create);
  function submit(e: FormEvent) {
    e.preventDefault();
    create.run(
      { form: form.values, days },
      {
        onSuccess: () => {
          form.reset();
          setDays([{ ...NEW_DAY }]);
        },
      },
    );
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
        <DaysFields days={days} setDays={setDays} field={create.field} />
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
          <Options values={COURSE_KINDS} words={(k) => COURSE_KIND_LABELS[k]} />
        </Select>
        <TextField
          label="Hours credited"
          hint="At most the hours the days hold; credited once a person attended every day."
          inputMode="decimal"
          {...form.bind('hours', 'credits.0.hours')}
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
              {e.sessions.length > 1
                ? `${e.sessions.length} days from ${formatMissouriDate(e.startsAt)}`
                : formatMissouriDate(e.startsAt)}{' '}
              · {e.capacity === null ? 'no seat limit' : `${e.seatsLeft} of ${e.capacity} seats left`} ·{' '}
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
