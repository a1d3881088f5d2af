import { type RawBuilder, sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
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

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
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
function inPeriod(column: string, p: Period): RawBuilder<unknown> {
  const parts = [sql`1 = 1`];
  if (p.from) parts.push(sql`${sql.ref(column)} >= ${p.from}`);
  if (p.to) parts.push(sql`${sql.ref(column)} < ${p.to}`);
  return sql.join(parts, sql` and `);
}

/** Days from one ISO instant column to another, as a fraction. */
function daysBetween(db: Executor, from: string, to: string): RawBuilder<number> {
  return dialectOf(db) === 'postgres'
    ? sql<number>`(extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) / 86400.0)`
    : sql<number>`(julianday(${sql.ref(to)}) - julianday(${sql.ref(from)}))`;
}

/** A number from a JSON text column (a boolean reads 1 or 0). */
function jsonNumber(db: Executor, column: string, key: string): RawBuilder<number> {
  return dialectOf(db) === 'postgres'
    ? sql<number>`(case (${sql.ref(column)}::json->>${sql.lit(key)}) when 'true' then 1 when 'false' then 0 else (${sql.ref(column)}::json->>${sql.lit(key)})::integer end)`
    : sql<number>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`;
}

/** Each case's sessions held: the first one's start, how many, and their minutes. */
const heldSessions = (s: CaseScope) => sql`held as (
  select hs.case_id, min(hs.starts_at) as first_at, count(*) as sessions, sum(hs.minutes) as minutes
  from case_sessions hs join cases c on c.id = hs.case_id
  where ${scopeSql(s)} and hs.status = 'held'
  group by hs.case_id)`;

/**
 * The median and 90th percentile (nearest rank: the value at rank ceil(p × n) in ascending
 * order) of `days` over the rows `from` gives, computed with window functions.
 */
async function spread(db: Executor, withs: RawBuilder<unknown>[], from: RawBuilder<unknown>) {
  const r = await sql<{ total: unknown; p50: unknown; p90: unknown }>`
    with ${sql.join(withs, sql`, `)},
    d as (${from}),
    r as (select days, row_number() over (order by days) as rn, count(*) over () as n from d)
    select count(*) as total,
      min(case when rn >= (n * 50 + 99) / 100 then days end) as p50,
      min(case when rn >= (n * 90 + 99) / 100 then days end) as p90
    from r`.execute(db);
  const row = r.rows[0];
  return { cases: num(row?.total), median: numOrNull(row?.p50), p90: numOrNull(row?.p90) };
}

export async function countRequests(db: Executor, s: CaseScope, p: Period): Promise<number> {
  const r = await sql<{ n: unknown }>`
    select count(*) as n from cases c where ${scopeSql(s)} and ${inPeriod('c.created_at', p)}`.execute(db);
  return num(r.rows[0]?.n);
}

/** Cases closed in the period, counted by the state they closed in. */
export async function countClosedByState(db: Executor, s: CaseScope, p: Period) {
  const r = await sql<{ state: string; n: unknown }>`
    select c.state as state, count(*) as n from cases c
    where ${scopeSql(s)} and c.closed_at is not null and ${inPeriod('c.closed_at', p)}
    group by c.state`.execute(db);
  return new Map(r.rows.map((row) => [row.state, num(row.n)]));
}

/** Days from the request to the first session held, for cases whose first session fell in the period (their count is the mediations held). */
export const daysToFirstSession = (db: Executor, s: CaseScope, p: Period) =>
  spread(
    db,
    [heldSessions(s)],
    sql`select ${daysBetween(db, 'c.created_at', 'h.first_at')} as days
        from held h join cases c on c.id = h.case_id where ${inPeriod('h.first_at', p)}`,
  );

/** Days from the request to closing, for cases closed in the period. */
export const daysToClose = (db: Executor, s: CaseScope, p: Period) =>
  spread(
    db,
    [
      sql`closed as (select c.created_at, c.closed_at from cases c
          where ${scopeSql(s)} and c.closed_at is not null and ${inPeriod('c.closed_at', p)})`,
    ],
    sql`select ${daysBetween(db, 'closed.created_at', 'closed.closed_at')} as days from closed`,
  );

/** Sessions held and their minutes, over the cases closed in the period that held any. */
export async function sessionTotals(db: Executor, s: CaseScope, p: Period) {
  const r = await sql<{ cases: unknown; sessions: unknown; minutes: unknown }>`
    with ${heldSessions(s)}
    select count(*) as cases, sum(h.sessions) as sessions, sum(h.minutes) as minutes
    from held h join cases c on c.id = h.case_id
    where c.closed_at is not null and ${inPeriod('c.closed_at', p)}`.execute(db);
  const row = r.rows[0];
  return { cases: num(row?.cases), sessions: num(row?.sessions), minutes: num(row?.minutes) };
}

/**
 * Survey answers of cases closed in the period, counted by each combination of answers and by
 * whether the case ended in agreement (a few hundred rows at most, whatever the cases).
 */
export async function surveyAnswerCounts(db: Executor, s: CaseScope, p: Period, resolved: readonly string[]) {
  const r = await sql<{
    agreed: unknown;
    overall: unknown;
    heard: unknown;
    fair: unknown;
    recommend: unknown;
    n: unknown;
  }>`
    select
      case when c.state in (${sql.join(resolved)}) then 1 else 0 end as agreed,
      ${jsonNumber(db, 'r.answers', 'overall')} as overall,
      ${jsonNumber(db, 'r.answers', 'heard')} as heard,
      ${jsonNumber(db, 'r.answers', 'fair')} as fair,
      ${jsonNumber(db, 'r.answers', 'recommend')} as recommend,
      count(*) as n
    from survey_responses r join cases c on c.id = r.case_id
    where ${scopeSql(s)} and r.answered_at is not null and c.closed_at is not null and ${inPeriod('c.closed_at', p)}
    group by 1, 2, 3, 4, 5`.execute(db);
  return r.rows.map((row) => ({
    agreed: num(row.agreed) === 1,
    overall: num(row.overall),
    heard: num(row.heard),
    fair: num(row.fair),
    recommend: num(row.recommend) === 1,
    n: num(row.n),
  }));
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
    from compliance_milestones m join cases c on c.id = m.case_id
    where m.program_id = ${s.programId} and ${scopeSql(s)} and ${sql.join(due, sql` and `)}
    group by 1, 2`.execute(db);
  return r.rows.map((row) => ({ state: row.state, onTime: num(row.on_time) === 1, n: num(row.n) }));
}

/** The earliest request of the program's cases (where trends start without a period). */
export async function firstRequestAt(db: Executor, s: CaseScope): Promise<string | null> {
  const r = await sql<{ first: string | null }>`
    select min(c.created_at) as first from cases c where ${scopeSql(s)}`.execute(db);
  return r.rows[0]?.first ?? null;
}

export type Month = { month: string; starts: string; ends: string };

/** Counts by month: requests received, first sessions held, cases closed and resolved. */
export async function monthlyCounts(
  db: Executor,
  s: CaseScope,
  months: Month[],
  resolved: readonly string[],
) {
  if (months.length === 0) return [];
  const table = sql.join(
    months.map(
      (m) =>
        sql`select cast(${m.month} as text) as month, cast(${m.starts} as text) as starts, cast(${m.ends} as text) as ends`,
    ),
    sql` union all `,
  );
  const r = await sql<{
    month: string;
    received: unknown;
    held: unknown;
    closed: unknown;
    resolved: unknown;
  }>`
    with months as (${table}), ${heldSessions(s)},
    received as (select m.month, count(*) as n from months m
      join cases c on c.created_at >= m.starts and c.created_at < m.ends
      where ${scopeSql(s)} group by m.month),
    first_held as (select m.month, count(*) as n from months m
      join held h on h.first_at >= m.starts and h.first_at < m.ends group by m.month),
    closed as (select m.month, count(*) as n,
        sum(case when c.state in (${sql.join(resolved)}) then 1 else 0 end) as resolved
      from months m join cases c on c.closed_at >= m.starts and c.closed_at < m.ends
      where ${scopeSql(s)} group by m.month)
    select m.month as month, rc.n as received, fh.n as held, cl.n as closed, cl.resolved as resolved
    from months m
      left join received rc on rc.month = m.month
      left join first_held fh on fh.month = m.month
      left join closed cl on cl.month = m.month
    order by m.month`.execute(db);
  return r.rows.map((row) => ({
    month: row.month,
    received: num(row.received),
    held: num(row.held),
    closed: num(row.closed),
    resolved: num(row.resolved),
  }));
}

/** The values a program's cases hold for each filter. */
export async function filterChoices(db: Executor, programId: string) {
  const distinct = async (column: string) =>
    (
      await sql<{ v: string }>`
        select distinct ${sql.ref(column)} as v from cases c
        where c.program_id = ${programId} and ${sql.ref(column)} is not null order by 1`.execute(db)
    ).rows.map((r) => r.v);
  const mediators = await sql<{ id: string; name: string }>`
    select distinct u.id as id, u.name as name from cases c join users u on u.id = c.mediator_id
    where c.program_id = ${programId} order by u.name, u.id`.execute(db);
  return {
    counties: await distinct('c.county'),
    caseTypes: await distinct('c.case_type'),
    categories: await distinct('c.dispute_category'),
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

// The federal section (IDEA Part B dispute resolution, mediation): each figure is a condition on
// a case and its first session held, over [from, to) of the reporting year.

type FederalKey =
  | 'received'
  | 'held'
  | 'heldRelated'
  | 'agreementsRelated'
  | 'heldNotRelated'
  | 'agreementsNotRelated'
  | 'pending'
  | 'withdrawn';

function federalConditions(p: { from: string; to: string }, written: readonly string[]) {
  const received = sql`(c.created_at >= ${p.from} and c.created_at < ${p.to})`;
  const held = sql`(h.first_at >= ${p.from} and h.first_at < ${p.to})`;
  const related = sql`c.due_process_pending = 1`;
  const notRelated = sql`(c.due_process_pending is null or c.due_process_pending = 0)`;
  const agreed = sql`(c.state in (${sql.join(written)}) and c.closed_at < ${p.to})`;
  const notHeldByEnd = sql`(h.first_at is null or h.first_at >= ${p.to})`;
  const closedByEnd = sql`(c.closed_at is not null and c.closed_at < ${p.to})`;
  return {
    received,
    held,
    heldRelated: sql`(${held} and ${related})`,
    agreementsRelated: sql`(${held} and ${related} and ${agreed})`,
    heldNotRelated: sql`(${held} and ${notRelated})`,
    agreementsNotRelated: sql`(${held} and ${notRelated} and ${agreed})`,
    pending: sql`(${received} and ${notHeldByEnd} and not ${closedByEnd})`,
    withdrawn: sql`(${received} and ${notHeldByEnd} and ${closedByEnd})`,
  } satisfies Record<FederalKey, RawBuilder<unknown>>;
}

const firstHeld = (programId: string) => sql`held as (
  select hs.case_id, min(hs.starts_at) as first_at
  from case_sessions hs join cases c on c.id = hs.case_id
  where c.program_id = ${programId} and hs.status = 'held'
  group by hs.case_id)`;

/** Every figure of the federal section for one program and reporting year, in one pass. */
export async function federalCounts(
  db: Executor,
  programId: string,
  p: { from: string; to: string },
  written: readonly string[],
): Promise<Record<FederalKey, number>> {
  const conditions = federalConditions(p, written);
  const keys = Object.keys(conditions) as FederalKey[];
  const r = await sql<Record<string, unknown>>`
    with ${firstHeld(programId)}
    select ${sql.join(
      keys.map((k) => sql`sum(case when ${conditions[k]} then 1 else 0 end) as ${sql.ref(k)}`),
    )}
    from cases c left join held h on h.case_id = c.id
    where c.program_id = ${programId} and (c.created_at >= ${p.from} or h.first_at >= ${p.from})`.execute(db);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(keys.map((k) => [k, num(row[k])])) as Record<FederalKey, number>;
}

/** The cases behind one figure of the federal section: their ids and references. */
export async function federalCases(
  db: Executor,
  programId: string,
  p: { from: string; to: string },
  written: readonly string[],
  figure: FederalKey,
) {
  const r = await sql<{ id: string; reference: string }>`
    with ${firstHeld(programId)}
    select c.id as id, c.reference as reference
    from cases c left join held h on h.case_id = c.id
    where c.program_id = ${programId} and ${federalConditions(p, written)[figure]}
    order by c.reference, c.id`.execute(db);
  return r.rows;
}

// The association's figures. Months are UTC months of the stored times.

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export async function associationFigures(db: Executor, p: Period) {
  const members = await sql<{ tier: string; status: string; n: unknown }>`
    select t.name as tier, m.status as status, count(*) as n
    from memberships m join membership_tiers t on t.id = m.tier_id
    group by t.name, t.sort_order, m.status order by t.sort_order, t.name, m.status`.execute(db);
  // A renewal: dues paid for a membership that had been paid for before.
  const renewalsSql = sql`from association_payments ap
    where ap.purpose = 'dues' and ap.membership_id is not null and ${inPeriod('ap.created_at', p)}
      and exists (select 1 from association_payments earlier
        where earlier.membership_id = ap.membership_id and earlier.purpose = 'dues' and earlier.created_at < ap.created_at)`;
  const lapsesSql = sql`from memberships m where m.status = 'lapsed' and ${inPeriod('m.status_changed_at', p)}`;
  const byMonth = await sql<{ month: string; kind: string; n: unknown }>`
    select ${month('m.joined_at')} as month, 'joined' as kind, count(*) as n from memberships m
      where ${inPeriod('m.joined_at', p)} group by 1
    union all
    select ${month('ap.created_at')} as month, 'renewed' as kind, count(*) as n ${renewalsSql} group by 1
    union all
    select ${month('m.status_changed_at')} as month, 'lapsed' as kind, count(*) as n ${lapsesSql} group by 1`.execute(
    db,
  );
  const events = await sql<{ attended: unknown; hours: unknown }>`
    select count(*) as attended, sum(e.credit_hours) as hours
    from event_registrations r join association_events e on e.id = r.event_id
    where r.attended_at is not null and ${inPeriod('r.attended_at', p)}`.execute(db);
  const listings = await sql<{ n: unknown }>`
    select count(*) as n from directory_profiles where published = 1`.execute(db);
  const contacts = await sql<{ n: unknown }>`
    select count(*) as n from directory_contact_messages dm where ${inPeriod('dm.created_at', p)}`.execute(
    db,
  );
  const months = new Map<string, { month: string; joined: number; renewed: number; lapsed: number }>();
  for (const row of byMonth.rows) {
    const m = months.get(row.month) ?? { month: row.month, joined: 0, renewed: 0, lapsed: 0 };
    m[row.kind as 'joined' | 'renewed' | 'lapsed'] = num(row.n);
    months.set(row.month, m);
  }
  const monthList = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return {
    members: members.rows.map((r) => ({ tier: r.tier, status: r.status, members: num(r.n) })),
    months: monthList,
    renewals: monthList.reduce((s, m) => s + m.renewed, 0),
    lapses: monthList.reduce((s, m) => s + m.lapsed, 0),
    events: { attended: num(events.rows[0]?.attended), ceHours: num(events.rows[0]?.hours) },
    directory: { listings: num(listings.rows[0]?.n), contactRequests: num(contacts.rows[0]?.n) },
  };
}
