import { describe, expect, it } from 'vitest';
import {
  computeLegalHolidays,
  MISSOURI_LEGAL_HOLIDAYS,
  missouriLegalHoliday,
  RSMO_9_010,
} from './missouri-holidays.ts';

describe('RSMo 9.010: Missouri’s legal holidays', () => {
  it('the dates kept as data are the dates the statute’s rules give', () => {
    for (const [year, days] of Object.entries(MISSOURI_LEGAL_HOLIDAYS)) {
      expect(computeLegalHolidays(Number(year))).toEqual(days);
    }
  });

  it('thirteen days a year, Lincoln Day and Truman Day among them', () => {
    const days = computeLegalHolidays(2026);
    expect(days).toHaveLength(13);
    expect(days.find((d) => d.name === 'Lincoln Day')?.date).toBe('2026-02-12');
    expect(days.find((d) => d.name === 'Truman Day')?.date).toBe('2026-05-08');
    expect(days.find((d) => d.name === 'Thanksgiving Day')?.date).toBe('2026-11-26');
  });

  it('a holiday on a Sunday is kept on the Monday next following; one on a Saturday stays on the Saturday', () => {
    expect(missouriLegalHoliday('2027-07-05')).toEqual({
      date: '2027-07-05',
      name: 'Independence Day',
      fellOn: '2027-07-04',
    });
    expect(missouriLegalHoliday('2027-07-04')).toBeNull();
    expect(missouriLegalHoliday('2022-12-26')?.name).toBe('Christmas Day');
    expect(missouriLegalHoliday('2027-12-25')?.name).toBe('Christmas Day');
    expect(missouriLegalHoliday('2027-12-24')).toBeNull();
  });

  it('Juneteenth counts from the 2022 amendment on, and is marked as not confirmed against the official text', () => {
    // 19 June 2022 was a Sunday, before the amendment took effect on 28 August 2022.
    expect(missouriLegalHoliday('2022-06-20')).toBeNull();
    expect(missouriLegalHoliday('2023-06-19')?.name).toBe('Juneteenth');
    expect(computeLegalHolidays(2021)).toHaveLength(12);
    expect(RSMO_9_010.rules.find((r) => r.name === 'Juneteenth')).toMatchObject({ confirmed: false });
    expect(RSMO_9_010).toMatchObject({ confirmed: false, read: '2026-11-26' });
  });

  it('years beyond the data are computed from the same rules', () => {
    expect(missouriLegalHoliday('2031-11-27')?.name).toBe('Thanksgiving Day');
    expect(missouriLegalHoliday('2034-01-02')).toMatchObject({
      name: "New Year's Day",
      fellOn: '2034-01-01',
    });
  });
});
