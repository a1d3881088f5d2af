import type { Insertable, Updateable } from 'kysely';
import { z } from 'zod';
import type { Side } from '../../../domain/attendance.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { DisqualificationRequestsTable } from '../../db/tables/cases.ts';

// Each side's picks of acceptable mediators, and requests to disqualify a mediator. Decides nothing.

const mediatorIds = jsonColumn('mediator_picks', 'mediator_ids', z.array(z.string()));

export const listPicks = async (db: Executor, caseId: string) =>
  (await db.selectFrom('mediator_picks').selectAll().where('case_id', '=', caseId).execute()).map((p) => ({
    ...p,
    mediator_ids: mediatorIds.read(p.mediator_ids),
  }));

/** One side's picks replace the ones it made before. */
export async function replacePicks(
  db: Executor,
  row: {
    id: string;
    case_id: string;
    side: Side;
    mediator_ids: string[];
    picked_by: string;
    picked_at: string;
  },
) {
  await db
    .deleteFrom('mediator_picks')
    .where('case_id', '=', row.case_id)
    .where('side', '=', row.side)
    .execute();
  await db
    .insertInto('mediator_picks')
    .values({ ...row, mediator_ids: mediatorIds.write(row.mediator_ids) })
    .execute();
}

export const deletePicks = (db: Executor, caseId: string) =>
  db.deleteFrom('mediator_picks').where('case_id', '=', caseId).execute();

export const listRequests = (db: Executor, caseId: string) =>
  db
    .selectFrom('disqualification_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .execute();

export const findRequest = (db: Executor, caseId: string, id: string) =>
  db
    .selectFrom('disqualification_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findLatestRequest = (db: Executor, caseId: string) =>
  db
    .selectFrom('disqualification_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();

/** Applications still waiting for a denial whose time to deny has ended (one case's, or every case's). */
export const listLapsedRequests = (db: Executor, now: string, caseId?: string) => {
  let q = db
    .selectFrom('disqualification_requests')
    .select(['id', 'case_id'])
    .where('outcome', '=', 'pending')
    .where('deny_by', 'is not', null)
    .where('deny_by', '<', now);
  if (caseId) q = q.where('case_id', '=', caseId);
  return q.orderBy('deny_by').execute();
};

/** A request still open: waiting for the other party, or denied and waiting for the decision. */
export const hasOpenRequest = async (db: Executor, caseId: string) =>
  Boolean(
    await db
      .selectFrom('disqualification_requests')
      .select('id')
      .where('case_id', '=', caseId)
      .where('outcome', 'in', ['pending', 'denied'])
      .executeTakeFirst(),
  );

export const insertRequest = (db: Executor, row: Insertable<DisqualificationRequestsTable>) =>
  db.insertInto('disqualification_requests').values(row).execute();

export const updateRequest = (db: Executor, id: string, patch: Updateable<DisqualificationRequestsTable>) =>
  db.updateTable('disqualification_requests').set(patch).where('id', '=', id).execute();
