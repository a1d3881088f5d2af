import type { Kysely } from 'kysely';

// Reports: what a case says about itself for figures, kept in indexed columns so the dashboard
// and the federal section count by SQL: the county the request comes from, its first category
// of dispute (a special-education category or a court referral's first issue), and for a
// special-education case whether a due-process complaint was pending (null: not asked). Each
// program's report settings: the due-process cost behind "cost avoided" (and where the figure
// comes from) and whether its public summary is shown.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('county', 'text').execute();
  await db.schema.alterTable('cases').addColumn('dispute_category', 'text').execute();
  await db.schema.alterTable('cases').addColumn('due_process_pending', 'integer').execute();
  await db.schema
    .createIndex('cases_program_created')
    .on('cases')
    .columns(['program_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_program_closed')
    .on('cases')
    .columns(['program_id', 'closed_at'])
    .execute();
  await db.schema
    .createIndex('case_sessions_case_status')
    .on('case_sessions')
    .columns(['case_id', 'status', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('compliance_milestones_program_due')
    .on('compliance_milestones')
    .columns(['program_id', 'due_date'])
    .execute();

  await db.schema
    .createTable('report_settings')
    .addColumn('program_id', 'text', (c) => c.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('due_process_cost', 'integer', (c) => c.notNull())
    .addColumn('due_process_cost_source', 'text', (c) => c.notNull())
    .addColumn('public_summary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_settings').execute();
  await db.schema.dropIndex('compliance_milestones_program_due').execute();
  await db.schema.dropIndex('case_sessions_case_status').execute();
  await db.schema.dropIndex('cases_program_closed').execute();
  await db.schema.dropIndex('cases_program_created').execute();
  await db.schema.alterTable('cases').dropColumn('due_process_pending').execute();
  await db.schema.alterTable('cases').dropColumn('dispute_category').execute();
  await db.schema.alterTable('cases').dropColumn('county').execute();
}
