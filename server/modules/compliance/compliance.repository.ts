import type { Insertable, Selectable, Updateable } from 'kysely';
import { ComplianceDue, MilestoneChanges, ReminderRecipients } from '../../../contracts/compliance.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type {
  ComplianceEventsTable,
  ComplianceEvidenceTable,
  ComplianceMilestonesTable,
  ComplianceRemindersTable,
} from '../../db/tables/compliance.ts';

// Compliance queries: milestones, their log, their evidence (file ids) and reminders. Decides nothing.

const due = jsonColumn('compliance_milestones', 'due', ComplianceDue);
const changes = jsonColumn('compliance_events', 'changes', MilestoneChanges);
const recipients = jsonColumn('compliance_reminders', 'recipients', ReminderRecipients);

export type MilestoneRow = Omit<Selectable<ComplianceMilestonesTable>, 'due'> & { due: ComplianceDue };
export type EventRow = Omit<Selectable<ComplianceEventsTable>, 'changes'> & { changes: MilestoneChanges };
export type ReminderRow = Omit<Selectable<ComplianceRemindersTable>, 'recipients'> & {
  recipients: ReminderRecipients;
};
type MilestonePatch = Omit<Updateable<ComplianceMilestonesTable>, 'due'> & { due?: ComplianceDue };

const toMilestone = (row: Selectable<ComplianceMilestonesTable>): MilestoneRow => ({
  ...row,
  due: due.read(row.due),
});

export const insertMilestones = (db: Executor, rows: MilestoneRow[]) =>
  rows.length
    ? db
        .insertInto('compliance_milestones')
        .values(rows.map((r) => ({ ...r, due: due.write(r.due) })))
        .execute()
    : Promise.resolve([]);

export const listMilestones = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('compliance_milestones')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute()
  ).map(toMilestone);

export const findMilestone = async (db: Executor, caseId: string, id: string) => {
  const row = await db
    .selectFrom('compliance_milestones')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toMilestone(row);
};

export const findMilestoneById = async (db: Executor, id: string) => {
  const row = await db
    .selectFrom('compliance_milestones')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toMilestone(row);
};

export const updateMilestone = (db: Executor, id: string, patch: MilestonePatch) => {
  const { due: d, ...rest } = patch;
  return db
    .updateTable('compliance_milestones')
    .set({ ...rest, ...due.change(d) })
    .where('id', '=', id)
    .execute();
};

/** Marks a pending promise missed; false when another server got there first. */
export const markMissed = async (db: Executor, id: string, at: string) =>
  Number(
    (
      await db
        .updateTable('compliance_milestones')
        .set({ state: 'missed', updated_at: at })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const insertEvent = (db: Executor, row: EventRow) =>
  db
    .insertInto('compliance_events')
    .values({ ...row, changes: changes.write(row.changes) })
    .execute();

export const listEvents = async (db: Executor, caseId: string): Promise<EventRow[]> =>
  (
    await db
      .selectFrom('compliance_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((e) => ({ ...e, changes: changes.read(e.changes) }));

export const insertEvidence = (db: Executor, row: Insertable<ComplianceEvidenceTable>) =>
  db.insertInto('compliance_evidence').values(row).execute();

/** The evidence index of a case: which file shows which milestone, and when it was added. */
export const listEvidence = (db: Executor, caseId: string) =>
  db
    .selectFrom('compliance_evidence')
    .select(['id', 'milestone_id', 'event_id', 'file_id', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

export const findEvidence = (db: Executor, caseId: string, fileId: string) =>
  db
    .selectFrom('compliance_evidence')
    .select(['file_id', 'milestone_id'])
    .where('case_id', '=', caseId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();

/** Records a reminder; false when it was already sent (the unique key decides, on any server). */
export async function claimReminder(
  db: Executor,
  row: Omit<Insertable<ComplianceRemindersTable>, 'recipients'>,
) {
  const result = await db
    .insertInto('compliance_reminders')
    .values({ ...row, recipients: recipients.write([]) })
    .onConflict((oc) => oc.columns(['milestone_id', 'kind', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const setReminderRecipients = (db: Executor, id: string, people: ReminderRecipients) =>
  db
    .updateTable('compliance_reminders')
    .set({ recipients: recipients.write(people) })
    .where('id', '=', id)
    .execute();

export const listReminders = async (db: Executor, caseId: string): Promise<ReminderRow[]> =>
  (
    await db
      .selectFrom('compliance_reminders')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('sent_at')
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r, recipients: recipients.read(r.recipients) }));

/** Milestones still owed whose date is near or past: the daily check's work list. */
export const listOpenMilestonesDueBy = async (db: Executor, lastDate: string) =>
  (
    await db
      .selectFrom('compliance_milestones')
      .selectAll()
      .where('state', 'in', ['pending', 'missed', 'disputed'])
      .where('due_date', '<=', lastDate)
      .orderBy('due_date')
      .execute()
  ).map(toMilestone);

export const listProgramMilestones = (db: Executor, programId: string) =>
  db
    .selectFrom('compliance_milestones')
    .select(['id', 'case_id', 'what', 'state', 'due_date', 'done_on', 'signed_on', 'responsible_side'])
    .where('program_id', '=', programId)
    .orderBy('signed_on')
    .orderBy('case_id')
    .orderBy('position')
    .execute();

/** The cases of a program with a promise still owed whose date is on or before lastDate (the work queue's view). */
export const listCasesWithPromisesDueBy = async (db: Executor, programId: string, lastDate: string) =>
  (
    await db
      .selectFrom('compliance_milestones')
      .select('case_id')
      .distinct()
      .where('program_id', '=', programId)
      .where('state', 'in', ['pending', 'missed', 'disputed'])
      .where('due_date', '<=', lastDate)
      .execute()
  ).map((r) => r.case_id);

export type PromiseFilter = {
  programId: string;
  status?: 'outstanding' | 'overdue' | 'kept' | 'waived';
  today: string;
  dueFrom?: string;
  dueTo?: string;
};

/** A keyset page of a program's promises by due date (limit + 1 to see whether more follow). */
export const listPromisesPage = (
  db: Executor,
  f: PromiseFilter,
  dir: 'asc' | 'desc',
  after: { value: string; id: string } | null,
  limit: number,
) =>
  db
    .selectFrom('compliance_milestones as m')
    .select(['m.id', 'm.case_id', 'm.what', 'm.due_date', 'm.state', 'm.done_on'])
    .where((eb) => {
      const all = [eb('m.program_id', '=', f.programId)];
      const owed = eb('m.state', 'in', ['pending', 'missed', 'disputed']);
      if (f.status === 'outstanding') all.push(owed);
      if (f.status === 'overdue') all.push(eb.and([owed, eb('m.due_date', '<', f.today)]));
      if (f.status === 'kept') all.push(eb('m.state', 'in', ['done', 'confirmed']));
      if (f.status === 'waived') all.push(eb('m.state', '=', 'waived'));
      if (f.dueFrom) all.push(eb('m.due_date', '>=', f.dueFrom));
      if (f.dueTo) all.push(eb('m.due_date', '<=', f.dueTo));
      if (after)
        all.push(
          eb(eb.refTuple('m.due_date', 'm.id'), dir === 'asc' ? '>' : '<', eb.tuple(after.value, after.id)),
        );
      return eb.and(all);
    })
    .orderBy('m.due_date', dir)
    .orderBy('m.id', dir)
    .limit(limit)
    .execute();

/** Promises still owed on these cases whose date is on or before lastDate, earliest first (the mediator's desk). */
export const listOwedOnCasesBy = (db: Executor, caseIds: readonly string[], lastDate: string) =>
  caseIds.length
    ? db
        .selectFrom('compliance_milestones')
        .select(['id', 'case_id', 'what', 'state', 'due_date'])
        .where('case_id', 'in', [...caseIds])
        .where('state', 'in', ['pending', 'missed', 'disputed'])
        .where('due_date', '<=', lastDate)
        .orderBy('due_date')
        .execute()
    : Promise.resolve([]);
