import type { Insertable, Updateable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type {
  CaseParticipantsTable,
  CasesTable,
  ConfidentialityExceptionsTable,
  ScreeningResponsesTable,
} from '../../db/tables/cases.ts';

export type CaseRow = Awaited<ReturnType<typeof findCase>> & {};
export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

export const findCase = (db: Executor, id: string) =>
  db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the case row for the rest of the transaction (PostgreSQL; SQLite serializes writers). */
export const lockCase = (db: Executor, id: string) => {
  const query = db.selectFrom('cases').selectAll().where('id', '=', id);
  return dialectOf(db) === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
};

export const insertCase = (db: Executor, row: Insertable<CasesTable>) =>
  db.insertInto('cases').values(row).execute();

export const updateCase = (db: Executor, id: string, patch: Updateable<CasesTable>) =>
  db.updateTable('cases').set(patch).where('id', '=', id).execute();

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

/** Cases a person takes part in, or mediates. */
export async function listCasesForUser(db: Executor, userId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('programs', 'programs.id', 'cases.program_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.title',
      'cases.state',
      'cases.case_type',
      'cases.created_at',
      'cases.updated_at',
      'cases.mediator_id',
      'cases.mediator_status',
      'programs.name as program_name',
    ])
    .where((eb) =>
      eb.or([
        eb(
          'cases.id',
          'in',
          eb
            .selectFrom('case_participants')
            .select('case_id')
            .where('user_id', '=', userId)
            .where('status', '=', 'active'),
        ),
        eb.and([
          eb('cases.mediator_id', '=', userId),
          eb('cases.mediator_status', 'in', ['offered', 'accepted']),
        ]),
      ]),
    )
    .orderBy('cases.updated_at', 'desc')
    .execute();
}

export const listCasesInProgram = (db: Executor, programId: string, states?: string[]) => {
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
  if (states?.length) q = q.where('cases.state', 'in', states);
  return q.orderBy('cases.created_at', 'desc').execute();
};

export const findScreening = (db: Executor, participantId: string) =>
  db
    .selectFrom('screening_responses')
    .selectAll()
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

export const listScreenings = (db: Executor, caseId: string) =>
  db.selectFrom('screening_responses').selectAll().where('case_id', '=', caseId).execute();

export async function upsertScreening(db: Executor, row: Insertable<ScreeningResponsesTable>) {
  const existing = await findScreening(db, row.participant_id);
  if (existing) {
    await db
      .updateTable('screening_responses')
      .set({
        answers: row.answers,
        note: row.note ?? '',
        score: row.score,
        flags: row.flags ?? '[]',
        submitted_at: row.submitted_at,
      })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db.insertInto('screening_responses').values(row).execute();
  }
}

export const insertException = (db: Executor, row: Insertable<ConfidentialityExceptionsTable>) =>
  db.insertInto('confidentiality_exceptions').values(row).execute();

export const listExceptions = (db: Executor, caseId: string) =>
  db
    .selectFrom('confidentiality_exceptions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();

export const findUser = (db: Executor, id: string) =>
  db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', id).executeTakeFirst();

export const findProgramRow = (db: Executor, id: string) =>
  db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();

/** Everyone who coordinates a program, for notices. */
export const listCoordinators = (db: Executor, programId: string) =>
  db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.email', 'users.name'])
    .where('role_grants.role', '=', 'coordinator')
    .where('role_grants.scope', '=', programId)
    .execute();

/** When each session of a case starts, and its kind and status (for the case's deadlines). */
export const listSessionTimes = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_sessions')
    .select(['kind', 'status', 'starts_at', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
    .execute();

/** Of these cases, the ones whose written agreement everyone has signed (their promises are tracked). */
export const casesWithSignedAgreement = async (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? new Set(
        (
          await db
            .selectFrom('settlement_agreements')
            .select('case_id')
            .where('case_id', 'in', [...caseIds])
            .where('signed_at', 'is not', null)
            .execute()
        ).map((r) => r.case_id),
      )
    : new Set<string>();

/** Whether the written agreement is signed by everyone, and the outcome once the mediator closed the case. */
export async function findMediationEnd(db: Executor, caseId: string) {
  const agreement = await db
    .selectFrom('settlement_agreements')
    .select('signed_at')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const outcome = await db
    .selectFrom('case_outcomes')
    .select('outcome')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return { agreementSigned: Boolean(agreement?.signed_at), outcome: outcome?.outcome ?? null };
}

/** Whether a person co-mediates a case (brought in by its mediator). */
export const isCoMediator = async (db: Executor, caseId: string, userId: string) =>
  Boolean(
    await db
      .selectFrom('case_co_mediators')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
