import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { NegotiationAidsTable } from '../../db/tables/negotiation.ts';

// Negotiation aids: one row per aid, what the parties put in sealed in state_enc. Decides nothing.

export const listAids = (db: Executor, caseId: string) =>
  db.selectFrom('negotiation_aids').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const findAid = (db: Executor, caseId: string, aidId: string) =>
  db
    .selectFrom('negotiation_aids')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', aidId)
    .executeTakeFirst();

export const findAidOnIssue = (db: Executor, caseId: string, issueId: string) =>
  db
    .selectFrom('negotiation_aids')
    .select('id')
    .where('case_id', '=', caseId)
    .where('issue_id', '=', issueId)
    .executeTakeFirst();

export const insertAid = (db: Executor, row: Insertable<NegotiationAidsTable>) =>
  db.insertInto('negotiation_aids').values(row).execute();

export const updateAid = (db: Executor, aidId: string, patch: Updateable<NegotiationAidsTable>) =>
  db.updateTable('negotiation_aids').set(patch).where('id', '=', aidId).execute();

/** Removes every aid of a case (retention's early purge of confidential words); returns how many went. */
export const deleteCaseAids = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('negotiation_aids').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows,
  );
