import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courtPeriod, isCourtDay, missouriCourtCalendar } from './court-days.ts';

describe('Rule 44.01(a): counting a court period in Missouri', () => {
  it('the day of filing is not counted; a 10-day period ending on Thanksgiving runs to the Friday', () => {
    // Filed Monday 16 November 2026: the tenth day is Thursday 26 November, Thanksgiving (RSMo 9.010).
    expect(courtPeriod('2026-11-16', 10)).toEqual({
      dueDate: '2026-11-27',
      countedTo: '2026-11-26',
      movedPast: [{ date: '2026-11-26', why: 'Thanksgiving Day, a Missouri legal holiday (RSMo 9.010)' }],
    });
  });

  it('a period ending on the Saturday before a Monday holiday runs to the Tuesday', () => {
    // Filed Wednesday 30 September 2026: the tenth day is Saturday 10 October; Monday 12 October is Columbus Day.
    const period = courtPeriod('2026-09-30', 10);
    expect(period.dueDate).toBe('2026-10-13');
    expect(period.movedPast.map((m) => m.why)).toEqual([
      'a Saturday',
      'a Sunday',
      'Columbus Day, a Missouri legal holiday (RSMo 9.010)',
    ]);
  });

  it('a period ending on a plain weekday stays there, weekends inside it included', () => {
    expect(courtPeriod('2026-03-02', 10).dueDate).toBe('2026-03-12');
  });

  it('RSMo 9.010: a holiday on a Sunday is kept on the Monday, so a period ending that Sunday runs to Tuesday', () => {
    // 4 July 2027 is a Sunday; Independence Day is kept on Monday 5 July.
    expect(courtPeriod('2027-06-24', 10).dueDate).toBe('2027-07-06');
  });

  it('RSMo 9.010 moves no Saturday holiday to the Friday; a court closed that Friday by its own order adds it', () => {
    // Christmas 2027 is a Saturday. Statewide, Friday 24 December is a court day.
    expect(courtPeriod('2027-12-14', 10).dueDate).toBe('2027-12-24');
    const circuit = missouriCourtCalendar([{ date: '2027-12-24', reason: 'administrative order 2027-14' }]);
    expect(courtPeriod('2027-12-14', 10, circuit)).toMatchObject({
      dueDate: '2027-12-27',
      movedPast: [
        { date: '2027-12-24', why: 'the court is closed (administrative order 2027-14)' },
        { date: '2027-12-25', why: 'a Saturday' },
        { date: '2027-12-26', why: 'a Sunday' },
      ],
    });
  });

  it('a period shorter than seven days counts court days only', () => {
    // From Wednesday 25 November 2026, five days: Thanksgiving and the weekend are not counted
    // (27, 30 November, 1, 2, 3 December).
    expect(courtPeriod('2026-11-25', 5).dueDate).toBe('2026-12-03');
    // Seven days and more count every day.
    expect(courtPeriod('2026-11-25', 7).dueDate).toBe('2026-12-02');
    expect(courtPeriod('2026-11-24', 7).dueDate).toBe('2026-12-01');
  });

  it('a window counted back from a court’s date is never moved later', () => {
    // The day before Monday 11 January 2027 is a Sunday: the window still closes that Sunday.
    expect(courtPeriod('2027-01-11', -1)).toEqual({
      dueDate: '2027-01-10',
      countedTo: '2027-01-10',
      movedPast: [],
    });
  });

  it('the last day is always a court day, on or after the counted day, with only closed days between (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 120 }), (n, days) => {
        const start = new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
        const { dueDate, countedTo, movedPast } = courtPeriod(start, days);
        expect(isCourtDay(dueDate)).toBe(true);
        expect(dueDate >= countedTo).toBe(true);
        for (const m of movedPast) expect(isCourtDay(m.date)).toBe(false);
        if (days >= 7) {
          const expected = new Date(Date.UTC(2024, 0, 1 + n + days)).toISOString().slice(0, 10);
          expect(countedTo).toBe(expected);
        }
      }),
    );
  });
});
