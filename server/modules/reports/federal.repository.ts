import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { num } from './reports.repository.ts';

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

/** Each of the program's cases that held a session, with the first one's start. */
const firstHeld = (programId: string) => sql`held as (
  select f.case_id, f.first_held_at as first_at from case_figures f
  where f.program_id = ${programId} and f.first_held_at is not null)`;

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
