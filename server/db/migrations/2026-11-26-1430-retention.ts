import type { Kysely } from 'kysely';

// Retention: legal holds that stop a case's purge (placed and lifted with reasons), and the
// de-identified statistical row left behind when a closed case's records are purged, so reports
// still count the case: its program, kind, circuit, how it ended, months (never days), counts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('lifted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lifted_at', 'text')
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema
    .createIndex('legal_holds_case')
    .on('legal_holds')
    .columns(['case_id', 'lifted_at'])
    .execute();

  await db.schema
    .createTable('case_statistics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('program_kind', 'text', (c) => c.notNull())
    .addColumn('rule_pack', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('circuit', 'integer')
    .addColumn('closed_state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('requested_month', 'text', (c) => c.notNull())
    .addColumn('closed_month', 'text', (c) => c.notNull())
    .addColumn('purged_month', 'text', (c) => c.notNull())
    .addColumn('parties', 'integer', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('sessions_held', 'integer', (c) => c.notNull())
    .addColumn('session_minutes', 'integer', (c) => c.notNull())
    .addColumn('signed_agreement', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_statistics_program')
    .on('case_statistics')
    .columns(['program_id', 'closed_month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_statistics').execute();
  await db.schema.dropTable('legal_holds').execute();
}
