import { useState } from 'react';
import {
  type CaseSessions,
  type SessionHours as Hours,
  markSessionHeld,
  type Session,
} from '../../../contracts/sessions.ts';
import { SESSION_KIND_LABELS, SESSION_KINDS, type SessionKind } from '../../../domain/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { sessionKeys } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, Select, TextField } from '../../components/Field.tsx';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

const h = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} hour${n === 1 ? '' : 's'}`;

/**
 * Hours held (the lengths of the sessions that took place) against the program's local rules: a
 * minimum number of hours, and a free-hours allowance. Shown only where the program sets one.
 */
export function SessionHours({ hours }: { hours: Hours }) {
  if (hours.minimumHours === null && hours.freeHours === null) return null;
  return (
    <section aria-labelledby="hours" className="m-section">
      <h2 id="hours">Hours of mediation</h2>
      <ul>
        <li>Held so far: {h(hours.heldHours)}.</li>
        {hours.minimumHours !== null ? (
          <li>
            The program asks for at least {h(hours.minimumHours)}.{' '}
            {hours.met ? 'That is done.' : `${h(Math.max(0, hours.minimumHours - hours.heldHours))} to go.`}{' '}
            <span className="m-hint">({hours.cite})</span>
          </li>
        ) : null}
        {hours.freeHours !== null ? (
          <li>
            The first {h(hours.freeHours)} are free. Free hours left: {h(hours.freeHoursLeft ?? 0)}.
            {hours.paidHours > 0 ? ` Hours past the free ones: ${h(hours.paidHours)}.` : ''}{' '}
            <span className="m-hint">({hours.freeHoursCite})</span>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** After a session, the mediator records who came: what a report to the court may say. */
export function RecordAttendance({
  caseId,
  session,
}: {
  caseId: string;
  session: Pick<Session, 'id' | 'attendees'>;
}) {
  const [came, setCame] = useState<string[]>(session.attendees.map((a) => a.id));
  const record = useChange(
    () => call(markSessionHeld, { params: { caseId, sessionId: session.id }, body: { attendedIds: came } }),
    { invalidates: [sessionKeys.case(caseId), caseSummaryKey(caseId)] },
  );
  return (
    <form
      className="m-attendance"
      onSubmit={(e) => {
        e.preventDefault();
        record.run();
      }}
    >
      <Choices
        legend="After the session: who came?"
        type="checkbox"
        name={`came-${session.id}`}
        options={session.attendees.map((a) => ({ value: a.id, label: a.name }))}
        value={came}
        onChange={setCame}
        error={record.field('attendedIds')}
      />
      <ErrorAlert error={record.error} />
      {record.done ? <Alert tone="success">Saved: the session took place.</Alert> : null}
      <Button type="submit" variant="secondary" busy={record.busy}>
        Save: the session took place
      </Button>
    </form>
  );
}

/** A session's day, start (Missouri time) and length, side by side, each with its error. */
export function WhenFields({
  date,
  time,
  minutes,
  onDate,
  onTime,
  onMinutes,
  err,
}: {
  date: string;
  time: string;
  minutes: string;
  onDate: (v: string) => void;
  onTime: (v: string) => void;
  onMinutes: (v: string) => void;
  err: (field: string) => string | undefined;
}) {
  return (
    <FieldRow>
      <TextField
        label="Date"
        type="date"
        value={date}
        onChange={(e) => onDate(e.target.value)}
        error={err('date')}
        required
      />
      <TextField
        label="Start time"
        type="time"
        value={time}
        onChange={(e) => onTime(e.target.value)}
        error={err('time')}
        required
      />
      <TextField
        label="Length in minutes"
        type="number"
        min={15}
        max={600}
        value={minutes}
        onChange={(e) => onMinutes(e.target.value)}
        error={err('minutes')}
      />
    </FieldRow>
  );
}

type Side = 'requester' | 'respondent';

/**
 * The kind of session and, for a separate one, which side it is with: what scheduling a session
 * and proposing times both ask first. A joint session is offered only where the case allows one.
 */
export function useKindAndSide(view: CaseSessions) {
  const kinds = SESSION_KINDS.filter((k) => k !== 'joint' || view.can.scheduleJoint);
  const [kind, setKind] = useState<SessionKind>(view.can.scheduleJoint ? 'joint' : 'pre_mediation');
  const [side, setSide] = useState<Side>('requester');
  const fields = (err: (field: string) => string | undefined) => (
    <>
      <Select
        label="Kind of session"
        value={kind}
        onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? kind)}
        error={err('kind')}
        hint={view.jointRefused ?? undefined}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {SESSION_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      {kind !== 'joint' ? (
        <Select
          label="With which side"
          value={side}
          onChange={(e) => setSide(e.target.value === 'respondent' ? 'respondent' : 'requester')}
          error={err('side')}
        >
          <option value="requester">The side that asked</option>
          <option value="respondent">The other side</option>
        </Select>
      ) : null}
    </>
  );
  return { kind, side, fields };
}
