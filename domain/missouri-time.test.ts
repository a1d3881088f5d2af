import { describe, expect, it } from 'vitest';
import {
  formatMissouriDateTime,
  fromMissouriTime,
  missouriDate,
  missouriOffsetMinutes,
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
});
