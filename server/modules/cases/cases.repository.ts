import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import { CaseDetails } from '../../../contracts/cases.ts';
import type { CaseState } from '../../../domain/case-lifecycle.ts';
import { SAFEGUARDS } from '../../../domain/screening.ts';
import { dialectOf, type Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import { afterKeyset, containsText } from '../../db/list-query.ts';
import type { CaseParticipantsTable, CasesTable } from '../../db/tables/cases.ts';
import type { Keyset } from '../../http/keyset.ts';

// The cases area's tables: cases, the people on them, and co-mediators. Decides nothing.

/** What the request said (its intake form, less the people), and a written opt-out once filed: the
 * case answer's own schema (contracts/cases.ts), so what is stored is what the case page shows. */
export type { CaseDetails };

const StoredSafeguards = z.array(z.object({ participantId: z.string(), kind: z.enum(SAFEGUARDS) }));
export type StoredSafeguard = z.infer<typeof StoredSafeguards>[number];

const details = jsonColumn('cases', 'details', CaseDetails);
const safeguards = jsonColumn('cases', 'safeguards', StoredSafeguards);
const declinedMediators = jsonColumn('cases', 'declined_mediators', z.array(z.string()));

type Json = 'details' | 'safeguards' | 'declined_mediators';
type Decoded = { details: CaseDetails; safeguards: StoredSafeguard[]; declined_mediators: string[] };
export type CaseRow = Omit<Selectable<CasesTable>, Json> & Decoded;
export type ParticipantRow = Selectable<CaseParticipantsTable>;
export type CasePatch = Omit<Updateable<CasesTable>, Json> & Partial<Decoded>;

const toCase = (row: Selectable<CasesTable>): CaseRow => ({
  ...row,
  details: details.read(row.details),
  safeguards: safeguards.read(row.safeguards),
  declined_mediators: declinedMediators.read(row.declined_mediators),
});

const encode = (patch: CasePatch): Updateable<CasesTable> => {
  const { details: d, safeguards: s, declined_mediators: m, ...rest } = patch;
  return {
    ...rest,
    ...details.change(d),
    ...safeguards.change(s),
    ...declinedMediators.change(m),
  };
};

export const findCase = async (db: Executor, id: string): Promise<CaseRow | undefined> => {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
};

/** Locks the case row for the rest of the transaction (PostgreSQL; SQLite serializes writers). */
export const lockCase = async (db: Executor, id: string): Promise<CaseRow | undefined> => {
  const query = db.selectFrom('cases').selectAll().where('id', '=', id);
  const row = await (dialectOf(db) === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row && toCase(row);
};

export const insertCase = (
  db: Executor,
  row: Omit<Insertable<CasesTable>, 'details'> & { details: CaseDetails },
) =>
  db
    .insertInto('cases')
    .values({ ...row, details: details.write(row.details) })
    .execute();

export const updateCase = (db: Executor, id: string, patch: CasePatch) =>
  db.updateTable('cases').set(encode(patch)).where('id', '=', id).execute();

export const countCasesInProgram = async (db: Executor, programId: string) =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('program_id', '=', programId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The cases the courts of these circuits referred, newest first (a court clerk's list), a page at a time. */
export const listCourtCases = async (
  db: Executor,
  circuits: readonly number[],
  find: { q?: string | undefined; state?: CaseState | undefined; after: Keyset | null; limit: number },
) => {
  if (!circuits.length) return [];
  let query = db
    .selectFrom('cases')
    .selectAll()
    .where('court_circuit', 'in', [...circuits]);
  if (find.state) query = query.where('state', '=', find.state);
  const { q } = find;
  if (q)
    // The parties' names only (as the court sees them), not attorneys' or removed people's.
    query = query.where((eb) =>
      eb.or([
        containsText(q, ['cases.title', 'cases.reference']),
        eb.exists(
          eb
            .selectFrom('case_participants')
            .select('case_participants.id')
            .whereRef('case_participants.case_id', '=', 'cases.id')
            .where('case_participants.role', '=', 'party')
            .where('case_participants.status', '!=', 'removed')
            .where(containsText(q, ['case_participants.name'])),
        ),
      ]),
    );
  if (find.after) query = query.where(afterKeyset(find.after, 'cases.created_at', 'cases.id', 'desc'));
  return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(find.limit).execute()).map(
    toCase,
  );
};

/** Reference and title of some cases (for lists kept by other areas). */
export const listCaseTitles = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('cases')
        .select(['id', 'reference', 'title', 'program_id'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const listParticipants = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_participants')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '!=', 'removed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const insertParticipant = (db: Executor, row: Insertable<CaseParticipantsTable>) =>
  db.insertInto('case_participants').values(row).execute();

export const updateParticipant = (db: Executor, id: string, patch: Updateable<CaseParticipantsTable>) =>
  db.updateTable('case_participants').set(patch).where('id', '=', id).execute();

export const findParticipantByInvitation = (db: Executor, caseId: string, invitationId: string) =>
  db
    .selectFrom('case_participants')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();

/** The places a person has joined, on any case. */
export const listMyParticipations = (db: Executor, userId: string) =>
  db
    .selectFrom('case_participants')
    .select(['id', 'case_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute();

/** Cases a person takes part in, or mediates (an offer waiting for their answer included). */
export const listCasesForUser = (db: Executor, userId: string) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'title',
      'state',
      'case_type',
      'program_id',
      'created_at',
      'updated_at',
      'mediator_id',
      'mediator_status',
    ])
    .where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb
            .selectFrom('case_participants')
            .select('case_id')
            .where('user_id', '=', userId)
            .where('status', '=', 'active'),
        ),
        eb.and([eb('mediator_id', '=', userId), eb('mediator_status', 'in', ['offered', 'accepted'])]),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .execute();

export const listCasesInProgram = (db: Executor, programId: string, states?: readonly CaseState[]) => {
  let q = db
    .selectFrom('cases')
    .leftJoin('users as m', 'm.id', 'cases.mediator_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.title',
      'cases.state',
      'cases.case_type',
      'cases.created_at',
      'cases.updated_at',
      'cases.consented_at',
      'cases.mediator_chosen_at',
      'cases.mediator_status',
      'm.name as mediator_name',
    ])
    .where('cases.program_id', '=', programId);
  if (states?.length) q = q.where('cases.state', 'in', [...states]);
  return q.orderBy('cases.created_at', 'desc').execute();
};

export const listCaseIdsInProgram = async (db: Executor, programId: string) =>
  (await db.selectFrom('cases').select('id').where('program_id', '=', programId).execute()).map((r) => r.id);

/** The program's open cases a person is offered or mediates, oldest first. */
export const listOpenCasesMediatedBy = (
  db: Executor,
  programId: string,
  userId: string,
  closed: readonly CaseState[],
) =>
  db
    .selectFrom('cases')
    .select(['id', 'reference', 'title'])
    .where('program_id', '=', programId)
    .where('mediator_id', '=', userId)
    .where('mediator_status', 'in', ['offered', 'accepted'])
    .where('state', 'not in', [...closed])
    .orderBy('created_at')
    .execute();

/** When each mediator was last offered a case in the program, for rotation. */
export const lastOfferedInProgram = (db: Executor, programId: string) =>
  db
    .selectFrom('cases')
    .select(['mediator_id', (eb) => eb.fn.max('mediator_offered_at').as('last')])
    .where('program_id', '=', programId)
    .where('mediator_id', 'is not', null)
    .groupBy('mediator_id')
    .execute();

/** Cases a person mediates that are open, or closed since `since`. */
export const countMediatedSince = async (db: Executor, userId: string, since: string) =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('mediator_id', '=', userId)
        .where('mediator_chosen_at', 'is not', null)
        .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', since)]))
        .executeTakeFirst()
    )?.n ?? 0,
  );

// Co-mediators --------------------------------------------------------------------------------

export const listCoMediatorIds = async (db: Executor, caseId: string) =>
  (await db.selectFrom('case_co_mediators').select('user_id').where('case_id', '=', caseId).execute()).map(
    (r) => r.user_id,
  );

export const listCoMediatedCaseIds = async (db: Executor, userId: string) =>
  (await db.selectFrom('case_co_mediators').select('case_id').where('user_id', '=', userId).execute()).map(
    (r) => r.case_id,
  );

export const listCoMediators = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_co_mediators')
    .innerJoin('users', 'users.id', 'case_co_mediators.user_id')
    .select(['users.id as userId', 'users.name as name'])
    .where('case_co_mediators.case_id', '=', caseId)
    .orderBy('users.name')
    .execute();

export const insertCoMediator = (
  db: Executor,
  row: { case_id: string; user_id: string; added_by: string; added_at: string },
) =>
  db
    .insertInto('case_co_mediators')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();

/** Every closed case, oldest closing first (retention reads them daily). */
export const listClosedCases = async (db: Executor, states: readonly CaseState[]) =>
  (
    await db
      .selectFrom('cases')
      .selectAll()
      .where('state', 'in', [...states])
      .where('closed_at', 'is not', null)
      .orderBy('closed_at')
      .execute()
  ).map(toCase);

/** Removes a case; the rows on it go with it (their foreign keys cascade), the audit trail stays. */
export const deleteCase = (db: Executor, id: string) => db.deleteFrom('cases').where('id', '=', id).execute();

/** The places a person has or had on cases, with each case's reference (their data export). */
export const listPlacesOf = (db: Executor, userId: string) =>
  db
    .selectFrom('case_participants as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'p.id',
      'p.case_id',
      'p.side',
      'p.role',
      'p.name',
      'p.email',
      'p.organization',
      'p.address',
      'p.phone',
      'p.status',
      'p.created_at',
      'c.reference',
      'c.title',
      'c.state',
      'c.program_id',
      'c.created_at as case_created_at',
      'c.closed_at',
    ])
    .where('p.user_id', '=', userId)
    .orderBy('p.created_at')
    .execute();

/** Cases a person mediates or mediated, and cases they asked for (their data export). */
export const listCasesRunOrRequestedBy = (db: Executor, userId: string) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'title',
      'state',
      'program_id',
      'created_at',
      'closed_at',
      'mediator_id',
      'requested_by',
    ])
    .where((eb) => eb.or([eb('mediator_id', '=', userId), eb('requested_by', '=', userId)]))
    .orderBy('created_at')
    .execute();

/** Removes a person's address, phone and e-mail from their places on cases; the name stays with the record. */
export const forgetContactOf = (db: Executor, userId: string) =>
  db
    .updateTable('case_participants')
    .set({ email: null, phone: null, address: null, hide_contact: 1 })
    .where('user_id', '=', userId)
    .execute();

/** Cases by id with where they stand and their next deadline (the mediator's desk). */
export const listDeskCases = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('cases')
        .select(['id', 'reference', 'title', 'state', 'next_due_on', 'next_due_warn_on', 'next_due_label'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** The program's mediators offered or mediating one of its open cases, each once. */
export const listMediatorsOnOpenCases = (db: Executor, programId: string, closed: readonly CaseState[]) =>
  db
    .selectFrom('cases')
    .select('mediator_id')
    .distinct()
    .where('program_id', '=', programId)
    .where('mediator_id', 'is not', null)
    .where('mediator_status', 'in', ['offered', 'accepted'])
    .where('state', 'not in', [...closed])
    .execute();
