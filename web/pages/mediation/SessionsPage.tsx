import { useTranslation } from 'react-i18next';
import { createCalendarFeed, revokeCalendarFeed } from '../../../contracts/session-calendar.ts';
import {
  type CaseSessions,
  cancelSession,
  type ScheduleBody,
  scheduleSession,
} from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { sessionKeys, useCalendarFeed, useSessions } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FieldRow } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormats } from '../../i18n.ts';
import { AskToMove, MoveRequestsSection } from './MoveRequests.tsx';
import { PollsSection } from './PollsSection.tsx';
import {
  RecordAttendance,
  SessionHours,
  SessionSet,
  useKindAndSide,
  usePlace,
  useWhen,
} from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert, mediationPage } from './shared.tsx';

/** Sessions: the mediator sets them; everyone sees theirs, and can add them to a calendar. */
export const SessionsPage = mediationPage({ ns: 'sessions', key: 'title' }, Sessions);

function Sessions({ caseId }: { caseId: string }) {
  const { t } = useTranslation('sessions');
  const f = useFormats();
  const view = useSessions(caseId);
  const cancel = useChange((sessionId: string) => call(cancelSession, { params: { caseId, sessionId } }), {
    invalidates: [sessionKeys.case(caseId)],
    success: t('list.canceled'),
  });
  if (view.isPending) return <Loading what={t('loading')} />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const v = view.data;
  return (
    <>
      <section aria-labelledby="list">
        <h2 id="list">{t('list.heading')}</h2>
        {v.sessions.length === 0 ? <p>{t('list.none')}</p> : null}
        <ul className="m-list">
          {v.sessions.map((s) => {
            const came = s.attendees.filter((a) => s.attended?.includes(a.id)).map((a) => a.name);
            return (
              <li key={s.id} className="m-card">
                <h3>{t('list.session', { kind: t(`kind.${s.kind}`), when: f.dateTime(s.startsAt) })}</h3>
                <p>{t('list.about', { minutes: s.minutes, place: s.placeText })}</p>
                <p>
                  {t('list.invited', {
                    names: [
                      ...s.attendees.map((a) => a.name),
                      ...s.guests.map((g) =>
                        t('list.guest', { name: g.name, role: t(`guestRole.${g.role}`) }),
                      ),
                    ].join(', '),
                  })}
                </p>
                <p>
                  <span className="m-badge">{t(`status.${s.status}`)}</span>
                </p>
                {s.attended ? (
                  <p>{came.length ? t('list.came', { names: came.join(', ') }) : t('list.cameNone')}</p>
                ) : null}
                {s.can.cancel ? (
                  <Button variant="secondary" busy={cancel.busy} onClick={() => cancel.run(s.id)}>
                    {t('list.cancel')}
                  </Button>
                ) : null}
                {s.can.recordAttendance ? <RecordAttendance caseId={caseId} session={s} /> : null}
                <AskToMove caseId={caseId} session={s} />
              </li>
            );
          })}
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
  const { t } = useTranslation('sessions');
  const f = useFormats();
  const { kind, side, fields: kindAndSide } = useKindAndSide(view);
  const { place, fields: placeFields } = usePlace({ details: true });
  const { when, fields: whenFields } = useWhen(120);
  const schedule = useChange((body: ScheduleBody) => call(scheduleSession, { params: { caseId }, body }), {
    // The first session starts the mediation: the case's state changes.
    invalidates: [sessionKeys.case(caseId), caseSummaryKey(caseId)],
  });
  const body = (): ScheduleBody => ({
    kind,
    ...(kind === 'joint' ? {} : { side }),
    ...when(),
    place: place(),
  });
  const err = (field: string) => schedule.field(field);
  const deadlines = view.deadlines
    .filter((d) => d.dueAt)
    .map((d) => t('schedule.deadline', { label: d.label, date: f.date(d.dueAt!, { weekday: true }) }));
  return (
    <section aria-labelledby="set" className="m-section">
      <h2 id="set">{t('schedule.heading')}</h2>
      <p className="m-hint">
        {deadlines.length
          ? t('schedule.deadlines', { deadlines: deadlines.join('; ') })
          : t('schedule.noDeadlines')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          schedule.run(body());
        }}
      >
        <FieldRow>{kindAndSide(err)}</FieldRow>
        {whenFields(err)}
        {placeFields(err)}
        <ErrorAlert error={schedule.error} />
        {schedule.result ? <SessionSet session={schedule.result} /> : null}
        <Button type="submit" busy={schedule.busy}>
          {t('schedule.submit')}
        </Button>
      </form>
    </section>
  );
}

function CalendarFeed() {
  const { t } = useTranslation('sessions');
  const feed = useCalendarFeed();
  const make = useChange(() => call(createCalendarFeed), { invalidates: [sessionKeys.feed()] });
  const stop = useChange(() => call(revokeCalendarFeed), { invalidates: [sessionKeys.feed()] });
  return (
    <section aria-labelledby="cal" className="m-section">
      <h2 id="cal">{t('feed.heading')}</h2>
      <p>{t('feed.about')}</p>
      {make.result ? (
        <Alert tone="success" title={t('feed.link')}>
          <p className="m-url">{make.result.url}</p>
        </Alert>
      ) : null}
      <FieldRow>
        <Button variant="secondary" busy={make.busy} onClick={() => make.run()}>
          {feed.data?.active ? t('feed.renew') : t('feed.make')}
        </Button>
        {feed.data?.active ? (
          <Button variant="secondary" busy={stop.busy} onClick={() => stop.run()}>
            {t('feed.stop')}
          </Button>
        ) : null}
      </FieldRow>
    </section>
  );
}
