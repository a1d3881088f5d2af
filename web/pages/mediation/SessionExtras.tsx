import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseSessions,
  type SessionHours as Hours,
  markSessionHeld,
  type Place,
  type Session,
  type SessionChanged,
} from '../../../contracts/sessions.ts';
import { SIDES, type Side } from '../../../domain/attendance.ts';
import { SESSION_KINDS, type SessionKind } from '../../../domain/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { sessionKeys } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, Options, Select, TextField } from '../../components/Field.tsx';
import { PickOne } from '../../components/PickOne.tsx';
import { useFormats } from '../../i18n.ts';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

/** Hours to one decimal, as the catalogs' plurals count them. */
const tenths = (n: number) => Math.round(n * 10) / 10;

/**
 * Hours held (the lengths of the sessions that took place) against the program's local rules: a
 * minimum number of hours, and a free-hours allowance. Shown only where the program sets one.
 */
export function SessionHours({ hours }: { hours: Hours }) {
  const { t } = useTranslation('sessions');
  if (hours.minimumHours === null && hours.freeHours === null) return null;
  return (
    <section aria-labelledby="hours" className="m-section">
      <h2 id="hours">{t('hours.heading')}</h2>
      <ul>
        <li>{t('hours.held', { hours: tenths(hours.heldHours) })}</li>
        {hours.minimumHours !== null ? (
          <li>
            {t('hours.minimum', { hours: tenths(hours.minimumHours) })}{' '}
            {hours.met
              ? t('hours.met')
              : t('hours.toGo', { hours: tenths(Math.max(0, hours.minimumHours - hours.heldHours)) })}{' '}
            <span className="m-hint">({hours.cite})</span>
          </li>
        ) : null}
        {hours.freeHours !== null ? (
          <li>
            {t('hours.free', { hours: tenths(hours.freeHours), left: tenths(hours.freeHoursLeft ?? 0) })}
            {hours.paidHours > 0 ? <> {t('hours.paid', { hours: tenths(hours.paidHours) })}</> : null}{' '}
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
  const { t } = useTranslation('sessions');
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
        legend={t('attendance.legend')}
        type="checkbox"
        name={`came-${session.id}`}
        options={session.attendees.map((a) => ({ value: a.id, label: a.name }))}
        value={came}
        onChange={setCame}
        error={record.field('attendedIds')}
      />
      <ErrorAlert error={record.error} />
      {record.done ? <Alert tone="success">{t('attendance.saved')}</Alert> : null}
      <Button type="submit" variant="secondary" busy={record.busy}>
        {t('attendance.save')}
      </Button>
    </form>
  );
}

/**
 * A session's day, start (Missouri time) and length (`minutes` to begin with): `when()` for the
 * body, and `fields(err)` side by side, each with its error.
 */
export function useWhen(initialMinutes: number) {
  const { t } = useTranslation('sessions');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(String(initialMinutes));
  const when = () => ({ date, time, minutes: Number(minutes) });
  const fields = (err: (field: string) => string | undefined) => (
    <FieldRow>
      <TextField
        label={t('when.date')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={err('date')}
        required
      />
      <TextField
        label={t('when.time')}
        type="time"
        value={time}
        onChange={(e) => setTime(e.target.value)}
        error={err('time')}
        required
      />
      <MinutesField label={t('when.minutes')} value={minutes} onChange={setMinutes} error={err('minutes')} />
    </FieldRow>
  );
  return { when, fields };
}

/** How long a session is, in minutes: from a quarter of an hour to ten hours. */
export function MinutesField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      label={label}
      type="number"
      min={15}
      max={600}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/**
 * The kind of session and, for a separate one, which side it is with: what scheduling a session
 * and proposing times both ask first. A joint session is offered only where the case allows one.
 */
export function useKindAndSide(view: CaseSessions) {
  const { t } = useTranslation('sessions');
  const kinds = SESSION_KINDS.filter((k) => k !== 'joint' || view.can.scheduleJoint);
  const [kind, setKind] = useState<SessionKind>(view.can.scheduleJoint ? 'joint' : 'pre_mediation');
  const [side, setSide] = useState<Side>('requester');
  const fields = (err: (field: string) => string | undefined) => (
    <>
      <Select
        label={t('kindAndSide.kind')}
        value={kind}
        onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? kind)}
        error={err('kind')}
        hint={view.jointRefused ?? undefined}
      >
        <Options values={kinds} words={(k) => t(`kind.${k}`)} />
      </Select>
      {kind !== 'joint' ? (
        <Select
          label={t('kindAndSide.side')}
          value={side}
          onChange={(e) => setSide(e.target.value === 'respondent' ? 'respondent' : 'requester')}
          error={err('side')}
        >
          <Options values={SIDES} words={(s) => t(`kindAndSide.${s}`)} />
        </Select>
      ) : null}
    </>
  );
  return { kind, side, fields };
}

/**
 * Where a session meets: in person (a neutral place's address, and with `details` its room and
 * access notes) or by video (the link). What setting a session and proposing times both ask.
 */
export function usePlace({ details }: { details: boolean }) {
  const { t } = useTranslation('sessions');
  const name = useId();
  const [placeKind, setPlaceKind] = useState<Place['kind']>('in_person');
  const [address, setAddress] = useState('');
  const [room, setRoom] = useState('');
  const [accessibility, setAccessibility] = useState('');
  const [url, setUrl] = useState('');
  const place = (): Place =>
    placeKind === 'video'
      ? { kind: 'video', url }
      : {
          kind: 'in_person',
          address,
          ...(details && room ? { room } : {}),
          ...(details && accessibility ? { accessibility } : {}),
        };
  const fields = (err: (field: string) => string | undefined) => (
    <>
      <PickOne
        legend={t('place.legend')}
        name={name}
        options={{ in_person: t('place.inPerson'), video: t('place.video') }}
        picked={placeKind}
        onPick={setPlaceKind}
      />
      {placeKind === 'in_person' ? (
        <>
          <TextField
            label={details ? t('place.address') : t('place.meetingAddress')}
            hint={details ? undefined : t('place.meetingHint')}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            error={err('place.address')}
          />
          {details ? (
            <FieldRow>
              <TextField label={t('place.room')} value={room} onChange={(e) => setRoom(e.target.value)} />
              <TextField
                label={t('place.access')}
                value={accessibility}
                onChange={(e) => setAccessibility(e.target.value)}
                hint={t('place.accessHint')}
              />
            </FieldRow>
          ) : null}
        </>
      ) : (
        <TextField
          label={t('place.url')}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={err('place.url')}
        />
      )}
    </>
  );
  return { place, fields };
}

/** A session just set (or booked from proposed times): when, who is told, and the deadlines it misses. */
export function SessionSet({ session, booked = false }: { session: SessionChanged; booked?: boolean }) {
  const { t } = useTranslation('sessions');
  const f = useFormats();
  return (
    <Alert tone="success" title={t('set.title', { when: f.dateTime(session.startsAt) })}>
      {t(booked ? 'set.bodyBooked' : 'set.body')}
      {session.warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </Alert>
  );
}
