import { describe, expect, it } from 'vitest';
import {
  endOfMissouriDay,
  formatMissouriDate,
  formatMissouriDateTime,
  formatMissouriMonth,
  formatMissouriShortDay,
  formatMissouriStamp,
  formatMissouriTime,
  fromMissouriTime,
  missouriDate,
  missouriOffsetMinutes,
  weekdayOf,
} from './missouri-time.ts';

describe('Missouri time', () => {
  it('uses Central Standard Time in winter and Central Daylight Time in summer', () => {
    expect(missouriOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(-360);
    expect(missouriOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(-300);
  });

  it('converts a wall-clock time on either side of the March change', () => {
    expect(fromMissouriTime('2026-03-07', '10:00').toISOString()).toBe('2026-03-07T16:00:00.000Z');
    expect(fromMissouriTime('2026-03-09', '10:00').toISOString()).toBe('2026-03-09T15:00:00.000Z');
    // 02:30 on 8 March 2026 does not exist in Missouri; it becomes 03:30 CDT.
    expect(fromMissouriTime('2026-03-08', '02:30').toISOString()).toBe('2026-03-08T08:30:00.000Z');
  });

  it('shows times as a Missourian reads them', () => {
    expect(formatMissouriDateTime('2026-03-09T15:00:00.000Z')).toBe('Monday, March 9, 2026 at 10:00 AM CDT');
    expect(missouriDate(new Date('2026-03-10T03:00:00Z'))).toBe('2026-03-09');
  });

  it('shows a calendar date as that date, never the evening before', () => {
    // Read as midnight UTC, 16 March would be 15 March in Missouri.
    expect(formatMissouriDate('2026-03-16')).toBe('March 16, 2026');
    expect(formatMissouriDate('2026-03-16', { weekday: true })).toBe('Monday, March 16, 2026');
    expect(formatMissouriDate('2026-03-17T04:59:59.000Z')).toBe('March 16, 2026');
  });

  it('prints a time stamp and a time of day in Missouri time', () => {
    expect(formatMissouriStamp('2026-03-09T15:00:00.000Z')).toBe('Mar 9, 2026, 10:00 AM');
    expect(formatMissouriTime('2026-01-09T15:00:00.000Z')).toBe('9:00 AM');
  });

  it('names a calendar date’s month, short day and weekday as Missouri reads them', () => {
    expect(formatMissouriMonth('2026-03-01')).toBe('March 2026');
    expect(formatMissouriShortDay('2026-03-03')).toBe('Tue, Mar 3');
    // 11:30 PM on March 31 in Missouri is April 1 in UTC.
    expect(formatMissouriShortDay('2026-04-01T04:30:00.000Z')).toBe('Tue, Mar 31');
    expect(weekdayOf('2026-03-01')).toBe(0);
    expect(weekdayOf('2026-03-07')).toBe(6);
  });

  it('ends a Missouri day at its last second, in winter and in summer', () => {
    expect(endOfMissouriDay('2026-03-17').toISOString()).toBe('2026-03-18T04:59:59.000Z');
    expect(endOfMissouriDay('2026-01-17').toISOString()).toBe('2026-01-18T05:59:59.000Z');
  });

  it("prints the same Missouri time in the reader's language", () => {
    expect(formatMissouriDateTime('2026-03-09T15:00:00.000Z', 'es-US')).toBe(
      'lunes, 9 de marzo de 2026, 10:00 a.m. CDT',
    );
    expect(formatMissouriDate('2026-03-16', { weekday: true }, 'es-US')).toBe('lunes, 16 de marzo de 2026');
    expect(formatMissouriDate('2026-03-17T04:59:59.000Z', {}, 'es-US')).toBe('16 de marzo de 2026');
    expect(formatMissouriMonth('2026-03-16', 'es-US')).toBe('marzo de 2026');
    expect(formatMissouriTime('2026-03-09T15:00:00.000Z', 'es-US')).toBe('10:00 a.m.');
    expect(formatMissouriStamp('2026-03-09T15:00:00.000Z', 'es-US')).toBe('9 mar 2026, 10:00 a.m.');
    expect(formatMissouriShortDay('2026-03-16', 'es-US')).toBe('lun, 16 de mar');
  });
});
