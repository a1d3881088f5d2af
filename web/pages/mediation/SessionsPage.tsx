import { useState } from 'react';
import {
  type CaseSessions,
  cancelSession,
  createCalendarFeed,
  revokeCalendarFeed,
  type ScheduleBody,
  scheduleSession,
} from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { sessionKeys, useCalendarFeed, useSessions } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AskToMove, MoveRequestsSection } from './MoveRequests.tsx';
import { PollsSection } from './PollsSection.tsx';
import { RecordAttendance, SessionHours, useKindAndSide, WhenFields } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert, mediationPage } from './shared.tsx';

const STATUS_WORDS = { scheduled: 'Scheduled', held: 'Took place', cancelled: 'Canceled' } as const;

/** Sessions: the mediator sets them; everyone sees theirs, and can add them to a calendar. */
export const SessionsPage = mediationPage('Sessions', Sessions);

function Sessions({ caseId }: { caseId: string }) {
  const view = useSessions(caseId);
  const cancel = useChange((sessionId: string) => call(cancelSession, { params: { caseId, sessionId } }), {
    invalidates: [sessionKeys.case(caseId)],
    success: 'The session is canceled. Everyone invited is told by e-mail.',
  });
  if (view.isPending) return <Loading what="Loading the sessions" />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const v = view.data;
  return (
    <>
      <section aria-labelledby="list">
        <h2 id="list">Your sessions</h2>
        {v.sessions.length === 0 ? <p>No session is set yet.</p> : null}
        <ul className="m-list">
          {v.sessions.map((s) => (
            <li key={s.id} className="m-card">
              <h3>
                {s.kindLabel}: {s.shown}
              </h3>
              <p>
                About {s.minutes} minutes. {s.placeText}
              </p>
              <p>
                Invited:{' '}
                {[...s.attendees.map((a) => a.name), ...s.guests.map((g) => `${g.name} (${g.role})`)].join(
                  ', ',
                )}
              </p>
              <p>
                <span className="m-badge">{STATUS_WORDS[s.status]}</span>
              </p>
              {s.attended ? (
                <p>
                  Came:{' '}
                  {s.attendees
                    .filter((a) => s.attended?.includes(a.id))
                    .map((a) => a.name)
                    .join(', ') || 'no one on the list'}
                </p>
              ) : null}
              {s.can.cancel ? (
                <Button variant="secondary" busy={cancel.busy} onClick={() => cancel.run(s.id)}>
                  Cancel this session
                </Button>
              ) : null}
              {s.can.recordAttendance ? <RecordAttendance caseId={caseId} session={s} /> : null}
              <AskToMove caseId={caseId} session={s} />
            </li>
          ))}
        </ul>
      </section>
      <MoveRequestsSection caseId={caseId} requests={v.moveRequests} sessions={v.sessions} />
      <SessionHours hours={v.hours} />
      <PollsSection caseId={caseId} view={v} />
      {v.can.schedule ? <ScheduleForm caseId={caseId} view={v} /> : null}
      <CalendarFeed />
    </>
  );
}

function ScheduleForm({ caseId, view }: { caseId: string; view: CaseSessions }) {
  const { kind, side, fields: kindAndSide } = useKindAndSide(view);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('120');
  const [placeKind, setPlaceKind] = useState<'in_person' | 'video'>('in_person');
  const [address, setAddress] = useState('');
  const [room, setRoom] = useState('');
  const [accessibility, setAccessibility] = useState('');
  const [url, setUrl] = useState('');
  const schedule = useChange((body: ScheduleBody) => call(scheduleSession, { params: { caseId }, body }), {
    // The first session starts the mediation: the case's state changes.
    invalidates: [sessionKeys.case(caseId), caseSummaryKey(caseId)],
  });
  const body = (): ScheduleBody => ({
    kind,
    ...(kind === 'joint' ? {} : { side }),
    date,
    time,
    minutes: Number(minutes),
    place:
      placeKind === 'video'
        ? { kind: 'video', url }
        : {
            kind: 'in_person',
            address,
            ...(room ? { room } : {}),
            ...(accessibility ? { accessibility } : {}),
          },
  });
  const err = (f: string) => schedule.field(f);
  return (
    <section aria-labelledby="set" className="m-section">
      <h2 id="set">Set a session</h2>
      <p className="m-hint">
        Times are Missouri time. Deadlines:{' '}
        {view.deadlines
          .filter((d) => d.shown)
          .map((d) => `${d.label}, ${d.shown}`)
          .join('; ') || 'none'}
        .
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          schedule.run(body());
        }}
      >
        <FieldRow>{kindAndSide(err)}</FieldRow>
        <WhenFields
          date={date}
          time={time}
          minutes={minutes}
          onDate={setDate}
          onTime={setTime}
          onMinutes={setMinutes}
          err={err}
        />
        <Choices
          legend="Where"
          type="radio"
          name="place"
          options={[
            { value: 'in_person', label: 'In person' },
            { value: 'video', label: 'By video' },
          ]}
          value={[placeKind]}
          onChange={([choice]) => setPlaceKind(choice === 'video' ? 'video' : 'in_person')}
        />
        {placeKind === 'in_person' ? (
          <>
            <TextField
              label="Address of a neutral place"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              error={err('place.address')}
            />
            <FieldRow>
              <TextField label="Room (optional)" value={room} onChange={(e) => setRoom(e.target.value)} />
              <TextField
                label="Access notes (optional)"
                value={accessibility}
                onChange={(e) => setAccessibility(e.target.value)}
                hint="Ramps, parking, quiet rooms."
              />
            </FieldRow>
          </>
        ) : (
          <TextField
            label="Video link"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={err('place.url')}
          />
        )}
        <ErrorAlert error={schedule.error} />
        {schedule.result ? (
          <Alert tone="success" title={`Session set for ${schedule.result.shown}.`}>
            Everyone invited gets an e-mail with a calendar file.
            {schedule.result.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </Alert>
        ) : null}
        <Button type="submit" busy={schedule.busy}>
          Set the session
        </Button>
      </form>
    </section>
  );
}

function CalendarFeed() {
  const feed = useCalendarFeed();
  const make = useChange(() => call(createCalendarFeed), { invalidates: [sessionKeys.feed()] });
  const stop = useChange(() => call(revokeCalendarFeed), { invalidates: [sessionKeys.feed()] });
  return (
    <section aria-labelledby="cal" className="m-section">
      <h2 id="cal">Add your sessions to your calendar</h2>
      <p>
        A private link lets your calendar app show your sessions. Keep it secret: anyone with the link can see
        the times and places.
      </p>
      {make.result ? (
        <Alert tone="success" title="Your private calendar link">
          <p className="m-url">{make.result.url}</p>
        </Alert>
      ) : null}
      <FieldRow>
        <Button variant="secondary" busy={make.busy} onClick={() => make.run()}>
          {feed.data?.active
            ? 'Make a new link (the old one stops working)'
            : 'Make my private calendar link'}
        </Button>
        {feed.data?.active ? (
          <Button variant="secondary" busy={stop.busy} onClick={() => stop.run()}>
            Turn off my calendar link
          </Button>
        ) : null}
      </FieldRow>
    </section>
  );
}
