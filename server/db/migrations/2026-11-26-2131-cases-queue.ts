import type { Kysely } from 'kysely';

// The coordinator's work queue. Each case keeps its next pack deadline in columns (the earliest
// not yet met, its date after any extension, the day it becomes "due soon", and its label), so
// the queue filters and sorts on them by index; `deadline_extensions` records each extension a
// coordinator grants (the original date, the new one, the reason). The indexes serve the queue's
// keyset pages: by date opened, by state, by next deadline, by mediator, by kind and by county,
// each within one program, and participants' names for the search; compliance milestones get an
// index by program and state for the program-wide view.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('next_due_on', 'text').execute();
  await db.schema.alterTable('cases').addColumn('next_due_warn_on', 'text').execute();
  await db.schema.alterTable('cases').addColumn('next_due_label', 'text').execute();
  await db.schema
    .createTable('deadline_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deadline_id', 'text', (c) => c.notNull())
    .addColumn('original_due_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('extended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('extended_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deadline_extensions_case')
    .on('deadline_extensions')
    .columns(['case_id', 'deadline_id', 'extended_at'])
    .execute();
  const indexes: [string, string[]][] = [
    ['cases_queue_opened', ['program_id', 'created_at', 'id']],
    ['cases_queue_state', ['program_id', 'state', 'created_at', 'id']],
    ['cases_queue_due', ['program_id', 'next_due_on', 'id']],
    ['cases_queue_state_due', ['program_id', 'state', 'next_due_on', 'id']],
    ['cases_queue_mediator', ['program_id', 'mediator_id', 'created_at', 'id']],
    ['cases_queue_kind', ['program_id', 'case_type', 'created_at', 'id']],
    ['cases_queue_county', ['program_id', 'county', 'created_at', 'id']],
    ['cases_queue_reference', ['program_id', 'reference']],
  ];
  for (const [name, columns] of indexes)
    await db.schema.createIndex(name).on('cases').columns(columns).execute();
  await db.schema
    .createIndex('case_participants_name')
    .on('case_participants')
    .columns(['name', 'case_id'])
    .execute();
  await db.schema
    .createIndex('compliance_milestones_program_state')
    .on('compliance_milestones')
    .columns(['program_id', 'state', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('compliance_milestones_program_state').execute();
  await db.schema.dropIndex('case_participants_name').execute();
  for (const name of [
    'cases_queue_reference',
    'cases_queue_county',
    'cases_queue_kind',
    'cases_queue_mediator',
    'cases_queue_state_due',
    'cases_queue_due',
    'cases_queue_state',
    'cases_queue_opened',
  ])
    await db.schema.dropIndex(name).execute();
  await db.schema.dropTable('deadline_extensions').execute();
  await db.schema.alterTable('cases').dropColumn('next_due_label').execute();
  await db.schema.alterTable('cases').dropColumn('next_due_warn_on').execute();
  await db.schema.alterTable('cases').dropColumn('next_due_on').execute();
}
