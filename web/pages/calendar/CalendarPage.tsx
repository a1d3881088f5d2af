import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CalendarSession } from '../../../contracts/session-calendar.ts';
import { addDays } from '../../../domain/deadlines.ts';
import {
  formatMissouriDate,
  formatMissouriMonth,
  formatMissouriShortDay,
  missouriDate,
  weekdayOf,
} from '../../../domain/missouri-time.ts';
import { errorMessage } from '../../api/client.ts';
import { useMyCalendar } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './calendar.css';

const VIEWS = [
  { id: 'month', label: 'Month' },
  { id: 'week', label: 'Week' },
  { id: 'agenda', label: 'Agenda' },
] as const;
type View = (typeof VIEWS)[number]['id'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const AGENDA_DAYS = 28;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** On a phone the agenda reads best; on a wider screen the month. */
const defaultView = (): View =>
  typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches ? 'agenda' : 'month';

const startOfWeek = (date: string) => addDays(date, -weekdayOf(date), 'calendar');
const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
const monthShift = (date: string, by: number) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/** The days a view shows around its anchor day: whole weeks for a month, a week, or four weeks ahead. */
function rangeOf(view: View, anchor: string) {
  if (view === 'week') return { from: startOfWeek(anchor), to: addDays(startOfWeek(anchor), 6, 'calendar') };
  if (view === 'agenda') return { from: anchor, to: addDays(anchor, AGENDA_DAYS - 1, 'calendar') };
  const first = firstOfMonth(anchor);
  const last = addDays(monthShift(first, 1), -1, 'calendar');
  return { from: startOfWeek(first), to: addDays(startOfWeek(last), 6, 'calendar') };
}

function step(view: View, anchor: string, by: 1 | -1) {
  if (view === 'month') return monthShift(firstOfMonth(anchor), by);
  return addDays(anchor, by * (view === 'week' ? 7 : AGENDA_DAYS), 'calendar');
}

function titleOf(view: View, anchor: string, range: { from: string; to: string }) {
  if (view === 'month') return formatMissouriMonth(anchor);
  return `${formatMissouriDate(range.from)} to ${formatMissouriDate(range.to)}`;
}

const daysOf = (range: { from: string; to: string }) => {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1, 'calendar')) days.push(d);
  return days;
};

/** One session: its time and kind, linking to its case's sessions. */
function SessionLink({ s, short = false }: { s: CalendarSession; short?: boolean }) {
  const what = `${s.kindLabel}, ${s.reference}${short ? '' : `: ${s.title}`}`;
  return (
    <Link className={`cal-session cal-${s.status}`} to={`/cases/${s.caseId}/sessions`}>
      <span className="cal-time">
        {s.startTime}
        {short ? '' : `–${s.endTime}`}
      </span>{' '}
      <span className="cal-what">{what}</span>
      {s.coMediated ? <span className="muted"> (co-mediating)</span> : null}
      {s.status === 'held' ? <span className="muted"> (took place)</span> : null}
    </Link>
  );
}

/**
 * The calendar of a person's sessions across cases: month, week and agenda views (the agenda
 * first on a phone), each session linking to its case. Times are Missouri's (America/Chicago).
 */
export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((v) => v.id === params.get('view'))?.id ?? defaultView()) as View;
  // "Today" is the server's Missouri day (its answer says which); until it is known, the browser's.
  const [serverToday, setServerToday] = useState<string | null>(null);
  const today = serverToday ?? missouriDate(new Date());
  const asked = params.get('date');
  const dated = Boolean(asked && DATE.test(asked));
  const anchor = dated ? asked! : today;
  const range = rangeOf(view, anchor);
  const calendar = useMyCalendar(range);
  const answeredToday = calendar.data?.today;
  useEffect(() => {
    if (answeredToday) setServerToday(answeredToday);
  }, [answeredToday]);
  const settled = dated || (serverToday !== null && serverToday === anchor);
  const go = (next: { view?: View; date?: string }) =>
    setParams({ view: next.view ?? view, date: next.date ?? anchor }, { replace: false });
  const byDay = new Map<string, CalendarSession[]>();
  for (const s of calendar.data?.sessions ?? []) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  const shownToday = today;
  const title = titleOf(view, anchor, range);

  return (
    <Page title="My calendar" lead="Your sessions across every case, in Missouri time (Central)." wide>
      <div className="cal-bar">
        <fieldset className="cal-views">
          <legend className="visually-hidden">How to show the calendar</legend>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className={v.id === view ? 'button' : 'button button-secondary'}
              aria-pressed={v.id === view}
              onClick={() => go({ view: v.id })}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
        <fieldset className="cal-moves">
          <legend className="visually-hidden">Move through the calendar</legend>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => go({ date: step(view, anchor, -1) })}
          >
            Previous<span className="visually-hidden"> {view === 'agenda' ? 'four weeks' : view}</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => go({ date: shownToday })}>
            Today
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => go({ date: step(view, anchor, 1) })}
          >
            Next<span className="visually-hidden"> {view === 'agenda' ? 'four weeks' : view}</span>
          </button>
        </fieldset>
      </div>
      <h2 aria-live="polite">{title}</h2>
      {calendar.isPending || !settled ? <Loading what="Loading your sessions" /> : null}
      {calendar.isError ? <Alert tone="error">{errorMessage(calendar.error)}</Alert> : null}
      {calendar.data && settled ? (
        view === 'month' ? (
          <MonthGrid days={daysOf(range)} month={anchor.slice(0, 7)} today={shownToday} byDay={byDay} />
        ) : view === 'week' ? (
          <DayList days={daysOf(range)} today={shownToday} byDay={byDay} showEmpty />
        ) : (
          <DayList days={daysOf(range)} today={shownToday} byDay={byDay} showEmpty={false} />
        )
      ) : null}
      <p className="cal-foot">
        To see these sessions in your own calendar app, make a private calendar link on any case’s Sessions
        page. <Link to="/">Back to your desk</Link>
      </p>
    </Page>
  );
}

/** A month as a table of weeks; each day lists its sessions. */
function MonthGrid({
  days,
  month,
  today,
  byDay,
}: {
  days: string[];
  month: string;
  today: string;
  byDay: Map<string, CalendarSession[]>;
}) {
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table className="cal-month">
      <caption className="visually-hidden">Sessions in {formatMissouriMonth(`${month}-01`)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              <abbr title={d}>{d.slice(0, 3)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => {
              const sessions = byDay.get(d) ?? [];
              const classes = [
                'cal-day',
                d.slice(0, 7) === month ? '' : 'cal-other-month',
                d === today ? 'cal-today' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td key={d} className={classes} aria-current={d === today ? 'date' : undefined}>
                  <span className="cal-date">
                    <span aria-hidden="true">{Number(d.slice(8))}</span>
                    <span className="visually-hidden">{formatMissouriDate(d, { weekday: true })}</span>
                  </span>
                  {sessions.length ? (
                    <ul>
                      {sessions.map((s) => (
                        <li key={s.sessionId}>
                          <SessionLink s={s} short />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Days one under another, each with its sessions: the week (every day) and the agenda (days with sessions). */
function DayList({
  days,
  today,
  byDay,
  showEmpty,
}: {
  days: string[];
  today: string;
  byDay: Map<string, CalendarSession[]>;
  showEmpty: boolean;
}) {
  const shown = days.filter((d) => showEmpty || byDay.has(d));
  if (!shown.length) return <p>No sessions in these four weeks.</p>;
  return (
    <ol className="cal-days">
      {shown.map((d) => {
        const sessions = byDay.get(d) ?? [];
        return (
          <li
            key={d}
            className={d === today ? 'cal-list-day cal-today' : 'cal-list-day'}
            aria-current={d === today ? 'date' : undefined}
          >
            <h3>
              {formatMissouriShortDay(d)}
              {d === today ? <span className="muted"> · today</span> : null}
            </h3>
            {sessions.length ? (
              <ul>
                {sessions.map((s) => (
                  <li key={s.sessionId}>
                    <SessionLink s={s} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No sessions.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
