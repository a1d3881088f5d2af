import { type RawBuilder, sql } from 'kysely';
import { CLOSED_STATES } from '../../../domain/case-lifecycle.ts';
import { RESOLVED_OUTCOMES, SURVEY_QUESTIONS, type SurveyQuestionKey } from '../../../domain/reports.ts';
import type { Executor } from '../../db/database.ts';
import type { ReportSettingsTable } from '../../db/tables/reports.ts';

/**
 * The reports' queries. Every figure is an aggregate computed by the database over indexed
 * columns of the cases and what hangs from them (sessions held, survey answers, promises): no
 * case is loaded into memory and no words are read. Each query gives the same answer on SQLite
 * and PostgreSQL; where the two spell a function differently (days between two times, a JSON
 * field), the dialect picks the spelling.
 */

/** Which cases a figure counts: one program, and the filters chosen. Instants are ISO UTC. */
export type CaseScope = {
  programId: string;
  county?: string | undefined;
  mediatorId?: string | undefined;
  caseType?: string | undefined;
  category?: string | undefined;
};
/** A period: [from, to) as ISO instants, and the same days as Missouri dates (for due dates). */
export type Period = {
  from: string | null;
  to: string | null;
  fromDate: string | null;
  toDate: string | null;
};

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function scopeSql(s: CaseScope): RawBuilder<unknown> {
  const parts = [sql`c.program_id = ${s.programId}`];
  if (s.county) parts.push(sql`c.county = ${s.county}`);
  if (s.mediatorId) parts.push(sql`c.mediator_id = ${s.mediatorId}`);
  if (s.caseType) parts.push(sql`c.case_type = ${s.caseType}`);
  if (s.category) parts.push(sql`c.dispute_category = ${s.category}`);
  return sql.join(parts, sql` and `);
}

/** `column` falls in the period (always true without one). */
export function inPeriod(column: string, p: Period): RawBuilder<unknown> {
  const parts = [sql`1 = 1`];
  if (p.from) parts.push(sql`${sql.ref(column)} >= ${p.from}`);
  if (p.to) parts.push(sql`${sql.ref(column)} < ${p.to}`);
  return sql.join(parts, sql` and `);
}

// The dashboard reads two tables the database keeps current itself (see the reports-rollup
// migration): `case_figures` (alias c), one narrow row per case with its filter columns, times,
// state, sessions held, survey answers and days to the first session and to closing; and
// `program_day_figures` (alias d), a program's sums per UTC day. A stretch of time reads the
// whole UTC days inside it from the day sums and its two part-days from the case rows; with a
// filter chosen, the case rows give it all.

/** Which time of a case a sum follows. */
type When = 'requested_at' | 'first_held_at' | 'closed_at';
/** A labelled stretch of time [from, to), ISO instants; null: open. */
type Bucket = { label: string; from: string | null; to: string | null };

const RESOLVED: readonly string[] = RESOLVED_OUTCOMES;
const ENDINGS = CLOSED_STATES;
const SURVEY_SUMS = [
  'survey_responses',
  ...SURVEY_QUESTIONS.flatMap(({ key }) => [1, 2, 3, 4, 5].map((n) => `${key}_${n}`)),
  'recommend_yes',
];

/** Each day sum: the time it follows and what one case row adds to it. */
const DAY_SUMS: Record<string, { when: When; adds: RawBuilder<number> }> = {
  requests: { when: 'requested_at', adds: sql`1` },
  first_held: { when: 'first_held_at', adds: sql`1` },
  closed: { when: 'closed_at', adds: sql`1` },
  ...Object.fromEntries(
    ENDINGS.map((state) => [
      `closed_${state}`,
      { when: 'closed_at', adds: sql`(case when c.state = ${sql.lit(state)} then 1 else 0 end)` },
    ]),
  ),
  closed_with_sessions: { when: 'closed_at', adds: sql`(case when c.sessions_held > 0 then 1 else 0 end)` },
  closed_sessions_held: { when: 'closed_at', adds: sql`c.sessions_held` },
  closed_minutes_held: { when: 'closed_at', adds: sql`c.minutes_held` },
  ...Object.fromEntries(
    (['agreed', 'not_agreed'] as const).flatMap((group) =>
      SURVEY_SUMS.map((column) => [
        `${group}_${column}`,
        {
          when: 'closed_at',
          adds: sql`(case when c.state ${sql.raw(group === 'agreed' ? 'in' : 'not in')} (${sql.join(RESOLVED.map((r) => sql.lit(r)))}) then ${sql.ref(`c.${column}`)} else 0 end)`,
        },
      ]),
    ),
  ),
};

const LOW = '';
const HIGH = '9999';
const midnight = (day: string) => `${day}T00:00:00.000Z`;
function dayAfter(day: string): string {
  const d = new Date(midnight(day));
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * How a bucket is read: whole UTC days [dayFrom, dayTo) from the day sums, and the two part-days
 * (before the first whole day, after the last) from the case rows.
 */
function split(b: Bucket, useDays: boolean) {
  const whole = { dayFrom: LOW, dayTo: LOW, edges: [[b.from ?? LOW, b.to ?? HIGH]] };
  if (!useDays) return whole;
  const dayFrom =
    b.from === null
      ? LOW
      : b.from === midnight(b.from.slice(0, 10))
        ? b.from.slice(0, 10)
        : dayAfter(b.from.slice(0, 10));
  const dayTo = b.to === null ? HIGH : b.to.slice(0, 10);
  if (b.from !== null && b.to !== null && dayFrom >= dayTo) return whole;
  return {
    dayFrom,
    dayTo,
    edges: [
      [b.from ?? LOW, b.from === null ? LOW : midnight(dayFrom)],
      [b.to === null ? HIGH : midnight(dayTo), b.to ?? HIGH],
    ],
  };
}

const hasFilter = (s: CaseScope) => Boolean(s.county || s.mediatorId || s.caseType || s.category);

/** The day sums `columns` (all following the time `when`) of the scope's cases, for each bucket. */
async function sums<K extends string>(
  db: Executor,
  s: CaseScope,
  buckets: Bucket[],
  when: When,
  columns: readonly K[],
): Promise<Map<string, Record<K, number>>> {
  const out = new Map<string, Record<K, number>>();
  if (buckets.length === 0) return out;
  const useDays = !hasFilter(s);
  const parts = buckets.map((b) => ({ label: b.label, ...split(b, useDays) }));
  const table = sql.join(
    parts.map(
      (b) =>
        sql`select cast(${b.label} as text) as label, cast(${b.dayFrom} as text) as day_from, cast(${b.dayTo} as text) as day_to,
          ${sql.join(b.edges.flatMap(([lo, hi], i) => [sql`cast(${lo} as text) as ${sql.ref(`lo${i}`)}`, sql`cast(${hi} as text) as ${sql.ref(`hi${i}`)}`]))}`,
    ),
    sql` union all `,
  );
  const edgeCount = parts[0]!.edges.length;
  const time = sql.ref(`c.${when}`);
  const fromCases = Array.from(
    { length: edgeCount },
    (_, i) => sql`select b.label, ${sql.join(columns.map((k) => sql`${DAY_SUMS[k]!.adds} as ${sql.ref(k)}`))}
      from b cross join case_figures c
      where ${scopeSql(s)} and ${time} >= ${sql.ref(`b.lo${i}`)} and ${time} < ${sql.ref(`b.hi${i}`)}`,
  );
  const fromDays = sql`select b.label, ${sql.join(columns.map((k) => sql.ref(`d.${k}`)))}
      from b cross join program_day_figures d
      where d.program_id = ${s.programId} and d.day >= b.day_from and d.day < b.day_to`;
  const r = await sql<Record<string, unknown>>`
    with b as (${table}),
    parts as (${sql.join(useDays ? [fromDays, ...fromCases] : fromCases, sql` union all `)})
    select label, ${sql.join(columns.map((k) => sql`sum(${sql.ref(k)}) as ${sql.ref(k)}`))}
    from parts group by label`.execute(db);
  for (const b of buckets)
    out.set(b.label, Object.fromEntries(columns.map((k) => [k, 0])) as Record<K, number>);
  for (const row of r.rows)
    out.set(String(row.label), Object.fromEntries(columns.map((k) => [k, num(row[k])])) as Record<K, number>);
  return out;
}

const periodBucket = (p: Period): Bucket[] => [{ label: 'period', from: p.from, to: p.to }];

/**
 * The median and 90th percentile (nearest rank: the value at rank ceil(p × n) in ascending
 * order) of a days column over the scope's cases whose `when` falls in the period.
 */
async function spread(
  db: Executor,
  s: CaseScope,
  p: Period,
  when: 'first_held_at' | 'closed_at',
  days: 'days_to_first_session' | 'days_to_close',
) {
  const where = sql`${scopeSql(s)} and ${sql.ref(`c.${when}`)} is not null and ${inPeriod(`c.${when}`, p)}`;
  const count = await sql<{ n: unknown }>`select count(*) as n from case_figures c where ${where}`.execute(
    db,
  );
  const n = num(count.rows[0]?.n);
  const atRank = async (percent: number) => {
    const rank = Math.floor((n * percent + 99) / 100);
    const r = await sql<{ days: unknown }>`
      select ${sql.ref(`c.${days}`)} as days from case_figures c where ${where}
      order by ${sql.ref(`c.${days}`)} limit 1 offset ${rank - 1}`.execute(db);
    return numOrNull(r.rows[0]?.days);
  };
  if (n === 0) return { cases: 0, median: null, p90: null };
  return { cases: n, median: await atRank(50), p90: await atRank(90) };
}

export async function countRequests(db: Executor, s: CaseScope, p: Period): Promise<number> {
  return (await sums(db, s, periodBucket(p), 'requested_at', ['requests'])).get('period')!.requests;
}

/** Days from the request to the first session held, for cases whose first session fell in the period (their count is the mediations held). */
export const daysToFirstSession = (db: Executor, s: CaseScope, p: Period) =>
  spread(db, s, p, 'first_held_at', 'days_to_first_session');

/** Days from the request to closing, for cases closed in the period. */
export const daysToClose = (db: Executor, s: CaseScope, p: Period) =>
  spread(db, s, p, 'closed_at', 'days_to_close');

export type SurveyCounts = {
  responses: number;
  /** Each question's count of each score, 1 to 5. */
  scores: Record<SurveyQuestionKey, number[]>;
  recommendYes: number;
};

/**
 * The cases closed in the period: how many closed in each ending state; the sessions held and
 * their minutes over those that held any; and their survey answers with and without agreement
 * (full, partial or informal): responses, each question's count of each score, and how many
 * would recommend.
 */
export async function closedFigures(db: Executor, s: CaseScope, p: Period) {
  const columns = Object.keys(DAY_SUMS).filter((k) => DAY_SUMS[k]!.when === 'closed_at');
  const t = (await sums(db, s, periodBucket(p), 'closed_at', columns)).get('period')!;
  const group = (g: 'agreed' | 'not_agreed'): SurveyCounts => ({
    responses: t[`${g}_survey_responses`]!,
    scores: Object.fromEntries(
      SURVEY_QUESTIONS.map(({ key }) => [key, [1, 2, 3, 4, 5].map((n) => t[`${g}_${key}_${n}`]!)]),
    ) as SurveyCounts['scores'],
    recommendYes: t[`${g}_recommend_yes`]!,
  });
  return {
    byState: new Map(ENDINGS.map((state) => [state as string, t[`closed_${state}`]!])),
    sessions: {
      cases: t.closed_with_sessions!,
      sessions: t.closed_sessions_held!,
      minutes: t.closed_minutes_held!,
    },
    surveys: { withAgreement: group('agreed'), withoutAgreement: group('not_agreed') },
  };
}

/** Promises due in the period (Missouri dates), by state and whether done by the due date. */
export async function promiseCounts(db: Executor, s: CaseScope, p: Period) {
  const due = [sql`1 = 1`];
  if (p.fromDate) due.push(sql`m.due_date >= ${p.fromDate}`);
  if (p.toDate) due.push(sql`m.due_date <= ${p.toDate}`);
  const r = await sql<{ state: string; on_time: unknown; n: unknown }>`
    select m.state as state,
      case when m.done_on is not null and m.done_on <= m.due_date then 1 else 0 end as on_time,
      count(*) as n
    from compliance_milestones m
    ${hasFilter(s) ? sql`join case_figures c on c.case_id = m.case_id and ${scopeSql(s)}` : sql``}
    where m.program_id = ${s.programId} and ${sql.join(due, sql` and `)}
    group by 1, 2`.execute(db);
  return r.rows.map((row) => ({ state: row.state, onTime: num(row.on_time) === 1, n: num(row.n) }));
}

/** The earliest request of the program's cases (where trends start without a period). */
export async function firstRequestAt(db: Executor, s: CaseScope): Promise<string | null> {
  const r = await sql<{ first: string | null }>`
    select min(c.requested_at) as first from case_figures c where ${scopeSql(s)}`.execute(db);
  return r.rows[0]?.first ?? null;
}

export type Month = { month: string; starts: string; ends: string };

/** Counts by month: requests received, first sessions held, cases closed and resolved. */
export async function monthlyCounts(db: Executor, s: CaseScope, months: Month[]) {
  const buckets = months.map((m) => ({ label: m.month, from: m.starts, to: m.ends }));
  const [received, held, closed] = [
    await sums(db, s, buckets, 'requested_at', ['requests']),
    await sums(db, s, buckets, 'first_held_at', ['first_held']),
    await sums(db, s, buckets, 'closed_at', ['closed', ...RESOLVED.map((state) => `closed_${state}`)]),
  ];
  return months.map(({ month }) => {
    const c = closed.get(month)!;
    return {
      month,
      received: received.get(month)!.requests,
      held: held.get(month)!.first_held,
      closed: c.closed!,
      resolved: RESOLVED.reduce((sum, state) => sum + c[`closed_${state}`]!, 0),
    };
  });
}

/**
 * The values a program's cases hold for each filter: each read by skipping from one value to the
 * next along an index (program, column), never through every case.
 */
export async function filterChoices(db: Executor, programId: string) {
  const distinct = async (table: 'cases' | 'case_figures', column: string) =>
    (
      await sql<{ v: string }>`
        with recursive seen(v) as (
          select min(${sql.ref(column)}) from ${sql.table(table)} where program_id = ${programId}
          union all
          select (select min(${sql.ref(column)}) from ${sql.table(table)}
            where program_id = ${programId} and ${sql.ref(column)} > seen.v)
          from seen where seen.v is not null)
        select v from seen where v is not null order by 1`.execute(db)
    ).rows.map((r) => r.v);
  const mediatorIds = await distinct('cases', 'mediator_id');
  const mediators = mediatorIds.length
    ? await sql<{ id: string; name: string }>`
        select u.id as id, u.name as name from users u
        where u.id in (${sql.join(mediatorIds)}) order by u.name, u.id`.execute(db)
    : { rows: [] };
  return {
    counties: await distinct('cases', 'county'),
    caseTypes: await distinct('cases', 'case_type'),
    categories: await distinct('case_figures', 'dispute_category'),
    mediators: mediators.rows,
  };
}

// Report settings

export const findSettings = (db: Executor, programId: string) =>
  db.selectFrom('report_settings').selectAll().where('program_id', '=', programId).executeTakeFirst();

export async function saveSettings(db: Executor, row: ReportSettingsTable) {
  const { program_id: _id, ...rest } = row;
  await db
    .insertInto('report_settings')
    .values(row)
    .onConflict((oc) => oc.column('program_id').doUpdateSet(rest))
    .execute();
}
