import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type {
  ComplianceEventsTable,
  ComplianceMilestonesTable,
  ComplianceRemindersTable,
} from '../../db/tables/compliance.ts';

/** Compliance queries. Decides nothing. */
export type MilestoneRow = ComplianceMilestonesTable;
export type EventRow = ComplianceEventsTable;

export const insertMilestones = (db: Executor, rows: Insertable<ComplianceMilestonesTable>[]) =>
  rows.length ? db.insertInto('compliance_milestones').values(rows).execute() : Promise.resolve([]);

export const listMilestones = (db: Executor, caseId: string) =>
  db
    .selectFrom('compliance_milestones')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();

export const findMilestone = (db: Executor, caseId: string, id: string) =>
  db
    .selectFrom('compliance_milestones')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findMilestoneById = (db: Executor, id: string) =>
  db.selectFrom('compliance_milestones').selectAll().where('id', '=', id).executeTakeFirst();

export const updateMilestone = (db: Executor, id: string, patch: Updateable<ComplianceMilestonesTable>) =>
  db.updateTable('compliance_milestones').set(patch).where('id', '=', id).execute();

export const insertEvent = (db: Executor, row: Insertable<ComplianceEventsTable>) =>
  db.insertInto('compliance_events').values(row).execute();

export const listEvents = (db: Executor, caseId: string) =>
  db
    .selectFrom('compliance_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();

export const insertEvidence = (
  db: Executor,
  row: {
    id: string;
    milestone_id: string;
    event_id: string;
    case_id: string;
    file_id: string;
    created_at: string;
  },
) => db.insertInto('compliance_evidence').values(row).execute();

/** The evidence index: each file's facts, never its bytes. */
export const listEvidence = (db: Executor, caseId: string) =>
  db
    .selectFrom('compliance_evidence as e')
    .innerJoin('files as f', 'f.id', 'e.file_id')
    .select([
      'e.id',
      'e.milestone_id',
      'e.event_id',
      'e.file_id',
      'e.created_at',
      'f.filename',
      'f.content_type',
      'f.size',
      'f.sha256',
    ])
    .where('e.case_id', '=', caseId)
    .orderBy('e.created_at')
    .execute();

export const findEvidenceFile = (db: Executor, caseId: string, fileId: string) =>
  db
    .selectFrom('compliance_evidence as e')
    .innerJoin('files as f', 'f.id', 'e.file_id')
    .select(['f.id', 'f.filename', 'f.content_type', 'f.data', 'e.milestone_id'])
    .where('e.case_id', '=', caseId)
    .where('e.file_id', '=', fileId)
    .executeTakeFirst();

/** Records a reminder; false when it was already sent (the unique key decides, on any server). */
export async function claimReminder(db: Executor, row: Insertable<ComplianceRemindersTable>) {
  const result = await db
    .insertInto('compliance_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['milestone_id', 'kind', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const setReminderRecipients = (db: Executor, id: string, recipients: string) =>
  db.updateTable('compliance_reminders').set({ recipients }).where('id', '=', id).execute();

export const listReminders = (db: Executor, caseId: string) =>
  db
    .selectFrom('compliance_reminders')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();

/** Milestones still owed whose date is near or past: the daily check's work list. */
export const listOpenMilestonesDueBy = (db: Executor, lastDate: string) =>
  db
    .selectFrom('compliance_milestones')
    .selectAll()
    .where('state', 'in', ['pending', 'missed', 'disputed'])
    .where('due_date', '<=', lastDate)
    .orderBy('due_date')
    .execute();

export const listProgramMilestones = (db: Executor, programId: string) =>
  db
    .selectFrom('compliance_milestones as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'm.id',
      'm.case_id',
      'm.what',
      'm.state',
      'm.due_date',
      'm.done_on',
      'm.signed_on',
      'm.responsible_side',
      'c.reference',
      'c.title',
    ])
    .where('m.program_id', '=', programId)
    .orderBy('m.signed_on')
    .orderBy('m.case_id')
    .orderBy('m.position')
    .execute();
