import type { Kysely } from 'kysely';

// After the agreement: the milestones of a signed agreement, their log (marked done, confirmed,
// disputed, waived, missed, corrected), the evidence files (bytes in `files`), and the reminders
// sent. One row per (milestone, reminder kind, due date) makes each reminder go out once, however
// many servers run the job runner. Dates that are promises (due_date, done_on) are Missouri
// calendar dates (YYYY-MM-DD); instants are ISO-8601 UTC text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compliance_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('agreement_document_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('responsible_text', 'text', (c) => c.notNull())
    .addColumn('responsible_side', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('evidence_expected', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by_side', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compliance_milestones_position', ['agreement_document_id', 'position'])
    .execute();
  await db.schema
    .createIndex('compliance_milestones_case')
    .on('compliance_milestones')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('compliance_milestones_open')
    .on('compliance_milestones')
    .columns(['state', 'due_date'])
    .execute();

  await db.schema
    .createTable('compliance_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) =>
      c.notNull().references('compliance_milestones.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_side', 'text')
    .addColumn('on_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_events_milestone')
    .on('compliance_events')
    .columns(['milestone_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('compliance_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) =>
      c.notNull().references('compliance_milestones.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_evidence_milestone')
    .on('compliance_evidence')
    .column('milestone_id')
    .execute();

  await db.schema
    .createTable('compliance_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) =>
      c.notNull().references('compliance_milestones.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compliance_reminders_once', ['milestone_id', 'kind', 'due_date'])
    .execute();
  await db.schema
    .createIndex('compliance_reminders_case')
    .on('compliance_reminders')
    .column('case_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'compliance_reminders',
    'compliance_evidence',
    'compliance_events',
    'compliance_milestones',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
