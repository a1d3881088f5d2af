import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FieldRow, Select, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type Hours, RecordAttendance, SessionHours } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert, MediationPage } from './shared.tsx';

type Session = {
  id: string;
  kindLabel: string;
  shown: string;
  minutes: number;
  placeText: string;
  status: string;
  attendees: { id: string; name: string }[];
  attended?: string[];
  guests: { name: string; role: string }[];
};
type SessionsView = {
  sessions: Session[];
  hours: Hours;
  deadlines: { id: string; label: string; shown: string | null; status: string }[];
  canSchedule: boolean;
  canRecordAttendance: boolean;
};

/** Sessions: the mediator sets them; everyone sees theirs, and can add them to a calendar. */
export function SessionsPage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="Sessions">
      {() => <Sessions caseId={caseId} />}
    </MediationPage>
  );
}

function Sessions({ caseId }: { caseId: string }) {
  const view = useQuery({
    queryKey: ['sessions', caseId],
    queryFn: () => api.get<SessionsView>(`/api/v1/cases/${caseId}/sessions`),
  });
  const client = useQueryClient();
  const cancel = useChange((id: string) => api.post(`/api/v1/cases/${caseId}/sessions/${id}/cancel`), {
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions', caseId] }),
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
                <span className="m-badge">
                  {s.status === 'scheduled' ? 'Set' : s.status === 'held' ? 'Took place' : 'Cancelled'}
                </span>
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
              {v.canSchedule && s.status === 'scheduled' ? (
                <Button variant="secondary" busy={cancel.busy} onClick={() => cancel.run(s.id)}>
                  Cancel this session
                </Button>
              ) : null}
              {v.canRecordAttendance && s.status === 'scheduled' ? (
                <RecordAttendance caseId={caseId} session={s} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <SessionHours hours={v.hours} />
      {v.canSchedule ? <ScheduleForm caseId={caseId} deadlines={v.deadlines} /> : null}
      <CalendarFeed />
    </>
  );
}

function ScheduleForm({ caseId, deadlines }: { caseId: string; deadlines: SessionsView['deadlines'] }) {
  const [kind, setKind] = useState('joint');
  const [side, setSide] = useState('requester');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('120');
  const [placeKind, setPlaceKind] = useState<'in_person' | 'video'>('in_person');
  const [address, setAddress] = useState('');
  const [room, setRoom] = useState('');
  const [accessibility, setAccessibility] = useState('');
  const [url, setUrl] = useState('');
  const client = useQueryClient();
  const schedule = useChange(
    () =>
      api.post<{ shown: string; warnings: string[] }>(`/api/v1/cases/${caseId}/sessions`, {
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
      }),
    {
      onSuccess: () => {
        client.invalidateQueries({ queryKey: ['sessions', caseId] });
        // The first session starts the mediation: the case's state changes.
        client.invalidateQueries({ queryKey: caseSummaryKey(caseId) });
      },
    },
  );
  const err = (f: string) => schedule.field(f);
  return (
    <section aria-labelledby="set" className="m-section">
      <h2 id="set">Set a session</h2>
      <p className="m-hint">
        Times are Missouri time. Deadlines:{' '}
        {deadlines
          .filter((d) => d.shown)
          .map((d) => `${d.label}, ${d.shown}`)
          .join('; ') || 'none'}
        .
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          schedule.run();
        }}
      >
        <FieldRow>
          <Select label="Kind of session" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="joint">Joint session</option>
            <option value="pre_mediation">Pre-mediation meeting</option>
            <option value="caucus">Private meeting (caucus)</option>
          </Select>
          {kind !== 'joint' ? (
            <Select
              label="With which side"
              value={side}
              onChange={(e) => setSide(e.target.value)}
              error={err('side')}
            >
              <option value="requester">The side that asked</option>
              <option value="respondent">The other side</option>
            </Select>
          ) : null}
        </FieldRow>
        <FieldRow>
          <TextField
            label="Date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={err('date')}
            required
          />
          <TextField
            label="Start time"
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            error={err('time')}
            required
          />
          <TextField
            label="Length in minutes"
            type="number"
            min={15}
            max={600}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={err('minutes')}
          />
        </FieldRow>
        <fieldset className="m-choices">
          <legend>Where</legend>
          <label>
            <input
              type="radio"
              name="place"
              checked={placeKind === 'in_person'}
              onChange={() => setPlaceKind('in_person')}
            />{' '}
            In person
          </label>
          <label>
            <input
              type="radio"
              name="place"
              checked={placeKind === 'video'}
              onChange={() => setPlaceKind('video')}
            />{' '}
            By video
          </label>
        </fieldset>
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
  const feed = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: () => api.get<{ active: boolean }>('/api/v1/calendar-feed'),
  });
  const client = useQueryClient();
  const make = useChange(() => api.post<{ url: string }>('/api/v1/calendar-feed'), {
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
  const stop = useChange(() => api.delete('/api/v1/calendar-feed'), {
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
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
