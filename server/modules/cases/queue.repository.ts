import { type ExpressionBuilder, sql } from 'kysely';
import type { CaseState } from '../../../domain/case-lifecycle.ts';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { DeadlineExtensionsTable } from '../../db/tables/cases.ts';

// The work queue's queries over cases, their parties and their deadline extensions. Decides nothing:
// the service turns a request's filters into a QueueFilter.

export type QueueSort = 'opened' | 'deadline' | 'reference';
export type QueueFilter = {
  programId: string;
  states?: readonly CaseState[];
  /** By the next deadline, against today's Missouri date. */
  deadline?: 'overdue' | 'due_soon' | 'upcoming' | 'none';
  today: string;
  mediatorId?: string;
  county?: string;
  kind?: string;
  /** created_at bounds, as ISO instants (from inclusive, before exclusive). */
  openedFrom?: string;
  openedBefore?: string;
  /** A case number's start, or part of a party's name (lower case). */
  search?: { reference: string; name: string };
  /** Only these cases (a view another area answers, such as promises due). */
  ids?: readonly string[];
};

import type { Keyset } from '../../http/keyset.ts';

export type QueueCursor = Keyset;

const SORT_COLUMN = { opened: 'c.created_at', deadline: 'c.next_due_on', reference: 'c.reference' } as const;

type Eb = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;

function where(eb: Eb, f: QueueFilter, sort: QueueSort) {
  const all: ReturnType<Eb>[] = [eb('c.program_id', '=', f.programId)];
  if (f.states?.length) all.push(eb('c.state', 'in', [...f.states]));
  if (f.deadline === 'overdue') all.push(eb('c.next_due_on', '<', f.today));
  if (f.deadline === 'due_soon')
    all.push(eb.and([eb('c.next_due_on', '>=', f.today), eb('c.next_due_warn_on', '<=', f.today)]));
  if (f.deadline === 'upcoming') all.push(eb('c.next_due_warn_on', '>', f.today));
  if (f.deadline === 'none') all.push(eb('c.next_due_on', 'is', null));
  // Sorting by the next deadline lists the cases that have one.
  if (sort === 'deadline') all.push(eb('c.next_due_on', 'is not', null));
  if (f.mediatorId) all.push(eb('c.mediator_id', '=', f.mediatorId));
  if (f.county) all.push(eb('c.county', '=', f.county));
  if (f.kind) all.push(eb('c.case_type', '=', f.kind));
  if (f.openedFrom) all.push(eb('c.created_at', '>=', f.openedFrom));
  if (f.openedBefore) all.push(eb('c.created_at', '<', f.openedBefore));
  if (f.ids) all.push(eb('c.id', 'in', f.ids.length ? [...f.ids] : ['']));
  if (f.search) {
    const { reference, name } = f.search;
    all.push(
      eb.or([
        eb.and([eb('c.reference', '>=', reference), eb('c.reference', '<', `${reference}\u{10ffff}`)]),
        eb.exists(
          eb
            .selectFrom('case_participants as p')
            .select('p.id')
            .whereRef('p.case_id', '=', 'c.id')
            .where('p.role', '=', 'party')
            .where(sql`lower(p.name)`, 'like', `%${name.replace(/[%_\\]/g, '\\$&')}%`),
        ),
      ]),
    );
  }
  return all;
}

/** One page of the queue, keyset-paged: the rows after the cursor in the sort's order (limit + 1 to see if more follow). */
export async function listQueuePage(
  db: Executor,
  f: QueueFilter,
  sort: QueueSort,
  dir: 'asc' | 'desc',
  after: QueueCursor | null,
  limit: number,
) {
  const column = SORT_COLUMN[sort];
  return db
    .selectFrom('cases as c')
    .leftJoin('users as m', 'm.id', 'c.mediator_id')
    .select([
      'c.id',
      'c.reference',
      'c.title',
      'c.state',
      'c.case_type',
      'c.county',
      'c.created_at',
      'c.closed_at',
      'c.next_due_on',
      'c.next_due_warn_on',
      'c.next_due_label',
      'm.name as mediator_name',
    ])
    .where((eb) => {
      const all = where(eb, f, sort);
      if (after)
        all.push(eb(eb.refTuple(column, 'c.id'), dir === 'asc' ? '>' : '<', eb.tuple(after.value, after.id)));
      return eb.and(all);
    })
    .orderBy(column, dir)
    .orderBy('c.id', dir)
    .limit(limit)
    .execute();
}
export type QueueCaseRow = Awaited<ReturnType<typeof listQueuePage>>[number];

/** The parties' names on some cases (not the people with them), in the order they joined. */
export const listPartyNames = (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? db
        .selectFrom('case_participants')
        .select(['case_id', 'name'])
        .where('case_id', 'in', [...caseIds])
        .where('role', '=', 'party')
        .orderBy('created_at')
        .execute()
    : Promise.resolve([]);

/** The mediators on a program's cases, for the queue's filter. */
export const listProgramMediators = (db: Executor, programId: string) =>
  db
    .selectFrom('users as u')
    .select(['u.id', 'u.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.mediator_id', '=', 'u.id')
          .where('c.program_id', '=', programId),
      ),
    )
    .orderBy('u.name')
    .execute();

/** A case's deadline extensions, oldest first. */
export const listExtensions = (db: Executor, caseId: string) =>
  db
    .selectFrom('deadline_extensions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('extended_at')
    .orderBy('id')
    .execute();

/** The latest extension of some cases' deadlines (the queue shows the original date beside the new). */
export const listLatestExtensions = async (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? db
        .selectFrom('deadline_extensions')
        .select(['case_id', 'deadline_id', 'original_due_on', 'due_on'])
        .where('case_id', 'in', [...caseIds])
        .orderBy('extended_at')
        .orderBy('id')
        .execute()
    : [];

export const insertExtension = (db: Executor, row: DeadlineExtensionsTable) =>
  db.insertInto('deadline_extensions').values(row).execute();

/** Stores a case's next deadline for the queue. */
export const setNextDeadline = (
  db: Executor,
  caseId: string,
  next: { next_due_on: string | null; next_due_warn_on: string | null; next_due_label: string | null },
) => db.updateTable('cases').set(next).where('id', '=', caseId).execute();

/** Open cases, a batch at a time by id (the hourly refresh of next deadlines). */
export const listOpenCaseIds = (db: Executor, closed: readonly CaseState[], afterId: string, limit: number) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('state', 'not in', [...closed])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
