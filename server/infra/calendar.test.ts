import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { formatMissouriDateTime, fromMissouriTime } from '../../domain/missouri-time.ts';
import { buildCalendar } from './calendar.ts';

describe('calendar files', () => {
  it('parse with a standard iCalendar library at the right Missouri times across the daylight-saving change', () => {
    const before = fromMissouriTime('2026-03-06', '10:00');
    const after = fromMissouriTime('2026-03-09', '10:00');
    const ics = buildCalendar([
      {
        uid: 's1',
        start: before,
        durationMinutes: 120,
        title: 'Mediation session',
        location: 'Greene County Courthouse, Room 2',
      },
      { uid: 's2', start: after, durationMinutes: 90, title: 'Mediation session (continued)' },
    ]);
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      before.toISOString(),
      after.toISOString(),
    ]);
    expect(events.map((e) => formatMissouriDateTime(e.startDate.toJSDate()))).toEqual([
      'Friday, March 6, 2026 at 10:00 AM CST',
      'Monday, March 9, 2026 at 10:00 AM CDT',
    ]);
    expect(events[0]!.endDate.toJSDate().getTime() - before.getTime()).toBe(120 * 60_000);
    expect(events[0]!.location).toBe('Greene County Courthouse, Room 2');
  });
});
