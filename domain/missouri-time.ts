/**
 * Missouri keeps Central time (America/Chicago, with daylight saving). Parley stores every
 * instant in UTC and shows it here; a date typed by a person ("3 March at 10:00") is a
 * Missouri wall-clock time and is converted with the offset in force on that day.
 */
export const MISSOURI_TIME_ZONE = 'America/Chicago';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: MISSOURI_TIME_ZONE,
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dateOnly = new Intl.DateTimeFormat('en-US', {
  timeZone: MISSOURI_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "Tuesday, March 3, 2026 at 10:00 AM CST" */
export const formatMissouriDateTime = (instant: Date | string): string => formatter.format(new Date(instant));
/** "March 3, 2026" */
export const formatMissouriDate = (instant: Date | string): string => dateOnly.format(new Date(instant));

/** Minutes east of UTC that Missouri's clocks show at an instant (-360 in winter, -300 in summer). */
export function missouriOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: MISSOURI_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
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
 * The UTC instant of a Missouri wall-clock time, e.g. ("2026-03-08", "10:00"). A time that does
 * not exist (the skipped hour in March) moves forward an hour, as clocks do.
 */
export function fromMissouriTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Try the winter and summer offsets; keep the one that round-trips to the same wall time.
  for (const offset of [-360, -300]) {
    const candidate = new Date(naive - offset * 60_000);
    if (missouriOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(naive + 360 * 60_000);
}

/** The Missouri calendar date (YYYY-MM-DD) of an instant. */
export function missouriDate(instant: Date): string {
  const local = new Date(instant.getTime() + missouriOffsetMinutes(instant) * 60_000);
  return local.toISOString().slice(0, 10);
}
