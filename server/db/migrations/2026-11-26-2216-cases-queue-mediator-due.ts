import type { Kysely } from 'kysely';

// The work queue filtered by mediator and sorted by next deadline: its own index, so that page
// reads its rows in order instead of sorting every case of the mediator.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_queue_mediator_due')
    .on('cases')
    .columns(['program_id', 'mediator_id', 'next_due_on', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_queue_mediator_due').execute();
}
