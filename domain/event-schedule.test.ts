import { describe, expect, it } from 'vitest';
import { priceText, scheduleDates, scheduledHours, scheduleProblems, sessionText } from './event-schedule.ts';

// A two-day training in March 2026, 8:30 AM to 5:00 PM Central (UTC-6 before March 8's change,
// UTC-5 after it): the days straddle the start of daylight saving time.
const twoDays = [
  { startsAt: '2026-03-07T14:30:00Z', endsAt: '2026-03-07T23:00:00Z' },
  { startsAt: '2026-03-08T13:30:00Z', endsAt: '2026-03-08T22:00:00Z' },
];

describe("a training's schedule", () => {
  it('holds the hours of its sessions, not a start plus hours', () => {
    expect(scheduledHours(twoDays)).toBe(17);
    expect(scheduledHours([{ startsAt: '2026-05-01T14:00:00Z', endsAt: '2026-05-01T15:30:00Z' }])).toBe(1.5);
  });

  it('says each day in Missouri time, across the change to daylight saving time', () => {
    expect(sessionText(twoDays[0]!)).toBe('Saturday, March 7, 2026, 8:30 AM to 5:00 PM');
    expect(sessionText(twoDays[1]!)).toBe('Sunday, March 8, 2026, 8:30 AM to 5:00 PM');
  });

  it('names the days for a certificate', () => {
    expect(scheduleDates(twoDays)).toBe('March 7, 2026 and March 8, 2026');
    expect(scheduleDates(twoDays.slice(0, 1))).toBe('March 7, 2026');
    expect(
      scheduleDates([...twoDays, { startsAt: '2026-03-14T14:30:00Z', endsAt: '2026-03-14T18:30:00Z' }]),
    ).toBe('March 7, 2026, March 8, 2026 and March 14, 2026');
  });

  it('refuses a day that ends before it starts, lasts more than a day, or overlaps the day before', () => {
    expect(scheduleProblems(twoDays)).toEqual({});
    expect(
      scheduleProblems([
        { startsAt: '2026-03-07T14:30:00Z', endsAt: '2026-03-07T14:30:00Z' },
        { startsAt: '2026-03-07T14:00:00Z', endsAt: '2026-03-09T14:00:00Z' },
      ]),
    ).toEqual({
      'sessions.0.endsAt': 'Day 1 must end after it starts',
      'sessions.1.endsAt': 'Day 2 is longer than a day',
      'sessions.1.startsAt': 'Day 2 must start after day 1 ends',
    });
  });
});

describe('the price of an event', () => {
  it('says "Free" once when nobody pays', () => {
    expect(priceText(0, 0)).toBe('Free');
  });
  it('says one figure when members and others pay the same', () => {
    expect(priceText(4000, 4000)).toBe('$40.00');
  });
  it('says both when they differ', () => {
    expect(priceText(35000, 45000)).toBe('Members $350.00, others $450.00');
    expect(priceText(0, 2500)).toBe('Members free, others $25.00');
  });
});
