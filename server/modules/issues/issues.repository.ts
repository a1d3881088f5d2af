import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CaseIssuesTable, IssueOptionsTable } from '../../db/tables/cases-part-2.ts';

// The issues board: issues, and the options for each (their words sealed). Decides nothing.

export const listIssues = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_issues')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export const findIssue = (db: Executor, caseId: string, issueId: string) =>
  db
    .selectFrom('case_issues')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', issueId)
    .executeTakeFirst();

export const insertIssue = (db: Executor, row: Insertable<CaseIssuesTable>) =>
  db.insertInto('case_issues').values(row).execute();

export const updateIssue = (db: Executor, issueId: string, patch: Updateable<CaseIssuesTable>) =>
  db.updateTable('case_issues').set(patch).where('id', '=', issueId).execute();

export const listOptions = (db: Executor, caseId: string) =>
  db.selectFrom('issue_options').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const findOption = (db: Executor, caseId: string, optionId: string) =>
  db
    .selectFrom('issue_options')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', optionId)
    .executeTakeFirst();

export const insertOption = (db: Executor, row: Insertable<IssueOptionsTable>) =>
  db.insertInto('issue_options').values(row).execute();

export const releaseOption = (db: Executor, optionId: string, at: string) =>
  db
    .updateTable('issue_options')
    .set({ visibility: 'shared', released_at: at })
    .where('id', '=', optionId)
    .execute();

/** Removes a case's options never released from private (retention); returns how many went. */
export const deletePrivateOptions = async (db: Executor, caseId: string) =>
  Number(
    (
      await db
        .deleteFrom('issue_options')
        .where('case_id', '=', caseId)
        .where('visibility', '=', 'private')
        .executeTakeFirst()
    ).numDeletedRows,
  );

/** Options a person proposed, on every case (their data export). */
export const listOptionsBy = (db: Executor, userId: string) =>
  db
    .selectFrom('issue_options')
    .selectAll()
    .where('proposed_by', '=', userId)
    .orderBy('created_at')
    .execute();
