/**
 * Missouri keeps Central time (America/Chicago, with daylight saving). Parley stores every
 * instant in UTC and shows it here; a date typed by a person ("3 March at 10:00") is a
 * Missouri wall-clock time and is converted with the offset in force on that day. The server
 * (e-mails, PDFs, deadlines) and the web app print dates and times only through this module, so
 * a person reads the same date the same way on a page, in an e-mail and on paper. Each printer
 * takes the reader's language last ("March 3, 2026" / "3 de marzo de 2026"); the time is always
 * Missouri's, whatever the language.
 */
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

export const MISSOURI_TIME_ZONE = 'America/Chicago';

/** The formats of one language, made once: an Intl formatter is costly to build and cheap to use. */
function formatsFor(language: Language) {
  return {
    /** "Tuesday, March 3, 2026 at 10:00 AM CST": a session's time, in full, with its zone. */
    dateTime: new Intl.DateTimeFormat(language, {
      timeZone: MISSOURI_TIME_ZONE,
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
    /** "March 3, 2026" */
    date: new Intl.DateTimeFormat(language, { timeZone: MISSOURI_TIME_ZONE, dateStyle: 'long' }),
    /** "Tuesday, March 3, 2026" */
    weekdayDate: new Intl.DateTimeFormat(language, { timeZone: MISSOURI_TIME_ZONE, dateStyle: 'full' }),
    /** "Mar 3, 2026, 10:00 AM": when something happened, in a list or a log. */
    stamp: new Intl.DateTimeFormat(language, {
      timeZone: MISSOURI_TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
    }),
    /** "March 2026": a calendar's month. */
    month: new Intl.DateTimeFormat(language, {
      timeZone: MISSOURI_TIME_ZONE,
      month: 'long',
      year: 'numeric',
    }),
    /** "Tue, Mar 3": a day in a calendar's week. */
    shortDay: new Intl.DateTimeFormat(language, {
      timeZone: MISSOURI_TIME_ZONE,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    }),
    /** "10:00 AM" */
    time: new Intl.DateTimeFormat(language, { timeZone: MISSOURI_TIME_ZONE, timeStyle: 'short' }),
  };
}

const FORMATS = Object.fromEntries(LANGUAGES.map((language) => [language, formatsFor(language)])) as Record<
  Language,
  ReturnType<typeof formatsFor>
>;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant, or a Missouri calendar date ("2026-03-16", as deadlines and promises store them),
 * as a Date. A calendar date is read at noon UTC, which is the same date in Missouri: read as
 * midnight UTC it would show as the evening before.
 */
const toDate = (at: Date | string): Date =>
  typeof at !== 'string' ? at : new Date(CALENDAR_DATE.test(at) ? `${at}T12:00:00Z` : at);

/** "Tuesday, March 3, 2026 at 10:00 AM CST" */
export const formatMissouriDateTime = (
  instant: Date | string,
  language: Language = DEFAULT_LANGUAGE,
): string => FORMATS[language].dateTime.format(toDate(instant));

/** "March 3, 2026", or with `weekday` "Tuesday, March 3, 2026", for an instant or a calendar date. */
export const formatMissouriDate = (
  at: Date | string,
  options: { weekday?: boolean } = {},
  language: Language = DEFAULT_LANGUAGE,
): string => (options.weekday ? FORMATS[language].weekdayDate : FORMATS[language].date).format(toDate(at));

/** "Mar 3, 2026, 10:00 AM": when something was done, in a list. */
export const formatMissouriStamp = (instant: Date | string, language: Language = DEFAULT_LANGUAGE): string =>
  FORMATS[language].stamp.format(toDate(instant));

/** "March 2026", for an instant or a calendar date. */
export const formatMissouriMonth = (at: Date | string, language: Language = DEFAULT_LANGUAGE): string =>
  FORMATS[language].month.format(toDate(at));

/** "Tue, Mar 3", for an instant or a calendar date. */
export const formatMissouriShortDay = (at: Date | string, language: Language = DEFAULT_LANGUAGE): string =>
  FORMATS[language].shortDay.format(toDate(at));

/** The day of the week of a Missouri calendar date, 0 for Sunday to 6 for Saturday. */
export const weekdayOf = (date: string): number => toDate(date).getUTCDay();

/** "10:00 AM" */
export const formatMissouriTime = (instant: Date | string, language: Language = DEFAULT_LANGUAGE): string =>
  FORMATS[language].time.format(toDate(instant));

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: MISSOURI_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes east of UTC that Missouri's clocks show at an instant (-360 in winter, -300 in summer). */
export function missouriOffsetMinutes(instant: Date): number {
  const parts = partsFormat.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The UTC instant of a Missouri wall-clock time, e.g. ("2026-03-08", "10:00") or
 * ("2026-03-17", "23:59:59"). A time that does not exist (the skipped hour in March) moves
 * forward an hour, as clocks do.
 */
export function fromMissouriTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const naive = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Try the winter and summer offsets; keep the one that round-trips to the same wall time.
  for (const offset of [-360, -300]) {
    const candidate = new Date(naive - offset * 60_000);
    if (missouriOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(naive + 360 * 60_000);
}

/** The last second of a Missouri calendar day: a deadline "by March 17" ends then. */
export const endOfMissouriDay = (date: string): Date => fromMissouriTime(date, '23:59:59');

/** The Missouri calendar date (YYYY-MM-DD) of an instant. */
export function missouriDate(instant: Date): string {
  const local = new Date(instant.getTime() + missouriOffsetMinutes(instant) * 60_000);
  return local.toISOString().slice(0, 10);
}
