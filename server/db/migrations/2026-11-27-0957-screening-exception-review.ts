import { type Kysely, sql } from 'kysely';

// A confidentiality exception as the mediator records it and the program reviews it: the day it was
// reported, a reference the report was given (a hotline's report number), what was reported
// (sealed under the case's key), and the coordinator's review (when, by whom, a sealed note). The
// program's list across its cases reads it by program_id, taken for the rows already kept from
// their case.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    'program_id',
    'reported_on',
    'report_reference',
    'summary_enc',
    'reviewed_at',
    'reviewed_by',
    'review_note_enc',
  ])
    await db.schema.alterTable('confidentiality_exceptions').addColumn(column, 'text').execute();
  await sql`update confidentiality_exceptions set program_id = (select program_id from cases where cases.id = confidentiality_exceptions.case_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('confidentiality_exceptions_program')
    .on('confidentiality_exceptions')
    .columns(['program_id', 'recorded_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('confidentiality_exceptions_program').execute();
  for (const column of [
    'review_note_enc',
    'reviewed_by',
    'reviewed_at',
    'summary_enc',
    'report_reference',
    'reported_on',
    'program_id',
  ])
    await db.schema.alterTable('confidentiality_exceptions').dropColumn(column).execute();
}
