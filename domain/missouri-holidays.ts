/**
 * Missouri's legal holidays (RSMo 9.010), as versioned data. Missouri Supreme Court Rule 44.01(a)
 * moves the last day of a court period that falls on "a Saturday, Sunday or a legal holiday" to the
 * next day that is none of these; Rule 44.01 names no statute, and RSMo 9.010 is the statute that
 * declares Missouri's public holidays. A change in the statute is a new entry here, with its date.
 *
 * Observed days (RSMo 9.010): "when any of such holidays falls upon Sunday, the Monday next
 * following shall be considered the holiday." The statute moves nothing that falls on a Saturday;
 * a Saturday is not a court day under Rule 44.01(a) anyway. The Friday the state's offices close
 * for a Saturday holiday is an administrative closing, not a day 9.010 declares: a court closed by
 * order on such a day is a local closure (see court-days.ts), not part of this list.
 */

type HolidayRule = {
  name: string;
  /** A fixed date, or the nth weekday (0 Sunday … 6 Saturday; n -1 is the last) of a month. */
  date: { month: number; day: number } | { month: number; weekday: number; n: number };
  /** The first day the statute lists it (absent: listed before the earliest version read). */
  from?: string;
  confirmed?: false;
  note?: string;
};

/** RSMo 9.010 as read, with where and when. */
export const RSMO_9_010 = {
  cite: 'RSMo 9.010 (public holidays)',
  /** The newest amendment encoded: the 2022 act that added Juneteenth (effective 28 August 2022). */
  version: '2022-08-28',
  source:
    'text before 2022: US Legal holidays page quoting § 9.010 and 2010 HB 2377 (which quotes the section in full); the 2022 addition: news reports of the 2022 session (Daily Journal, 15 June 2022)',
  read: '2026-11-26',
  confirmed: false as const,
  note: 'The current official text on revisor.mo.gov was not read. The twelve days before 2022 are quoted verbatim by two copies; Juneteenth (19 June) is reported as added by the 2022 General Assembly (HB 1738, Rep. Dogan) and is listed by later secondary copies of § 9.010, but the enacted wording, its effective date and whether the Sunday rule reaches it were not read.',
  observed:
    'A holiday that falls on a Sunday is kept on the Monday next following. A holiday on a Saturday stays on the Saturday.',
  rules: [
    { name: "New Year's Day", date: { month: 1, day: 1 } },
    { name: 'Martin Luther King Day', date: { month: 1, weekday: 1, n: 3 } },
    { name: 'Lincoln Day', date: { month: 2, day: 12 } },
    { name: "Washington's Birthday", date: { month: 2, weekday: 1, n: 3 } },
    { name: 'Truman Day', date: { month: 5, day: 8 } },
    { name: 'Memorial Day', date: { month: 5, weekday: 1, n: -1 } },
    {
      name: 'Juneteenth',
      date: { month: 6, day: 19 },
      from: '2022-08-28',
      confirmed: false,
      note: 'Added in 2022 as reported; the official text was not read.',
    },
    { name: 'Independence Day', date: { month: 7, day: 4 } },
    { name: 'Labor Day', date: { month: 9, weekday: 1, n: 1 } },
    { name: 'Columbus Day', date: { month: 10, weekday: 1, n: 2 } },
    { name: 'Veterans Day', date: { month: 11, day: 11 } },
    { name: 'Thanksgiving Day', date: { month: 11, weekday: 4, n: 4 } },
    { name: 'Christmas Day', date: { month: 12, day: 25 } },
  ] satisfies HolidayRule[] as readonly HolidayRule[],
};

export type LegalHoliday = {
  /** The day kept (YYYY-MM-DD). */
  date: string;
  name: string;
  /** Set when the holiday fell on a Sunday and is kept on the Monday next following. */
  fellOn?: string;
};

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

function dayOf(year: number, rule: HolidayRule): { date: string; fellOn?: string } {
  const { month } = rule.date;
  if ('day' in rule.date) {
    const { day } = rule.date;
    // RSMo 9.010: a holiday on a Sunday is kept the Monday next following.
    return weekday(year, month, day) === 0
      ? { date: iso(year, month, day + 1), fellOn: iso(year, month, day) }
      : { date: iso(year, month, day) };
  }
  const { weekday: wd, n } = rule.date;
  if (n > 0) {
    const first = 1 + ((wd - weekday(year, month, 1) + 7) % 7);
    return { date: iso(year, month, first + 7 * (n - 1)) };
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { date: iso(year, month, lastDay - ((weekday(year, month, lastDay) - wd + 7) % 7)) };
}

/** The legal holidays RSMo 9.010 gives for a year, as kept (a Sunday holiday on the Monday). */
export function computeLegalHolidays(year: number): LegalHoliday[] {
  return RSMO_9_010.rules
    .map((rule) => ({ rule, ...dayOf(year, rule) }))
    .filter(({ rule, date, fellOn }) => !rule.from || (fellOn ?? date) >= rule.from)
    .map(({ rule, date, fellOn }) => ({ date, name: rule.name, ...(fellOn ? { fellOn } : {}) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The computed days for the years Parley's cases run in, kept as data so a person can check them
 * against the state's own calendar. A test recomputes them from the rules above.
 */
export const MISSOURI_LEGAL_HOLIDAYS: Readonly<Record<number, readonly LegalHoliday[]>> = {
  2025: [
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-01-20', name: 'Martin Luther King Day' },
    { date: '2025-02-12', name: 'Lincoln Day' },
    { date: '2025-02-17', name: "Washington's Birthday" },
    { date: '2025-05-08', name: 'Truman Day' },
    { date: '2025-05-26', name: 'Memorial Day' },
    { date: '2025-06-19', name: 'Juneteenth' },
    { date: '2025-07-04', name: 'Independence Day' },
    { date: '2025-09-01', name: 'Labor Day' },
    { date: '2025-10-13', name: 'Columbus Day' },
    { date: '2025-11-11', name: 'Veterans Day' },
    { date: '2025-11-27', name: 'Thanksgiving Day' },
    { date: '2025-12-25', name: 'Christmas Day' },
  ],
  2026: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-01-19', name: 'Martin Luther King Day' },
    { date: '2026-02-12', name: 'Lincoln Day' },
    { date: '2026-02-16', name: "Washington's Birthday" },
    { date: '2026-05-08', name: 'Truman Day' },
    { date: '2026-05-25', name: 'Memorial Day' },
    { date: '2026-06-19', name: 'Juneteenth' },
    { date: '2026-07-04', name: 'Independence Day' },
    { date: '2026-09-07', name: 'Labor Day' },
    { date: '2026-10-12', name: 'Columbus Day' },
    { date: '2026-11-11', name: 'Veterans Day' },
    { date: '2026-11-26', name: 'Thanksgiving Day' },
    { date: '2026-12-25', name: 'Christmas Day' },
  ],
  2027: [
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-01-18', name: 'Martin Luther King Day' },
    { date: '2027-02-12', name: 'Lincoln Day' },
    { date: '2027-02-15', name: "Washington's Birthday" },
    { date: '2027-05-08', name: 'Truman Day' },
    { date: '2027-05-31', name: 'Memorial Day' },
    { date: '2027-06-19', name: 'Juneteenth' },
    { date: '2027-07-05', name: 'Independence Day', fellOn: '2027-07-04' },
    { date: '2027-09-06', name: 'Labor Day' },
    { date: '2027-10-11', name: 'Columbus Day' },
    { date: '2027-11-11', name: 'Veterans Day' },
    { date: '2027-11-25', name: 'Thanksgiving Day' },
    { date: '2027-12-25', name: 'Christmas Day' },
  ],
  2028: [
    { date: '2028-01-01', name: "New Year's Day" },
    { date: '2028-01-17', name: 'Martin Luther King Day' },
    { date: '2028-02-12', name: 'Lincoln Day' },
    { date: '2028-02-21', name: "Washington's Birthday" },
    { date: '2028-05-08', name: 'Truman Day' },
    { date: '2028-05-29', name: 'Memorial Day' },
    { date: '2028-06-19', name: 'Juneteenth' },
    { date: '2028-07-04', name: 'Independence Day' },
    { date: '2028-09-04', name: 'Labor Day' },
    { date: '2028-10-09', name: 'Columbus Day' },
    { date: '2028-11-11', name: 'Veterans Day' },
    { date: '2028-11-23', name: 'Thanksgiving Day' },
    { date: '2028-12-25', name: 'Christmas Day' },
  ],
};

const cache = new Map<number, ReadonlyMap<string, LegalHoliday>>();

/** The RSMo 9.010 holiday kept on a date, if any (the data above, or computed for other years). */
export function missouriLegalHoliday(date: string): LegalHoliday | null {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = new Map((MISSOURI_LEGAL_HOLIDAYS[year] ?? computeLegalHolidays(year)).map((h) => [h.date, h]));
    cache.set(year, days);
  }
  return days.get(date) ?? null;
}
