import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CaseStatisticsTable, LegalHoldsTable } from '../../db/tables/retention.ts';

// Retention's tables: legal holds and the statistical rows of purged cases. Decides nothing.

export const listHolds = (db: Executor, caseId: string) =>
  db
    .selectFrom('legal_holds as h')
    .leftJoin('users as p', 'p.id', 'h.placed_by')
    .leftJoin('users as l', 'l.id', 'h.lifted_by')
    .selectAll('h')
    .select(['p.name as placed_by_name', 'l.name as lifted_by_name'])
    .where('h.case_id', '=', caseId)
    .orderBy('h.placed_at')
    .orderBy('h.id')
    .execute();

export const insertHold = (db: Executor, row: Insertable<LegalHoldsTable>) =>
  db.insertInto('legal_holds').values(row).execute();

/** Lifts a standing hold; false when it was not standing (already lifted, or not this case's). */
export const liftHold = async (
  db: Executor,
  caseId: string,
  holdId: string,
  lift: { lifted_by: string; lifted_at: string; lift_reason: string },
) =>
  Number(
    (
      await db
        .updateTable('legal_holds')
        .set(lift)
        .where('id', '=', holdId)
        .where('case_id', '=', caseId)
        .where('lifted_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** Of these cases, the ones with a standing hold. */
export const heldCaseIds = async (db: Executor, caseIds: readonly string[]) =>
  caseIds.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('legal_holds')
            .select('case_id')
            .distinct()
            .where('case_id', 'in', [...caseIds])
            .where('lifted_at', 'is', null)
            .execute()
        ).map((r) => r.case_id),
      );

export const insertStatistics = (db: Executor, row: CaseStatisticsTable) =>
  db.insertInto('case_statistics').values(row).execute();

export const listStatistics = (db: Executor, programId: string) =>
  db
    .selectFrom('case_statistics')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('closed_month')
    .orderBy('id')
    .execute();
