import type { Kysely } from 'kysely';

// Finding a time: the mediator proposes several slots for a session on a case; each person asked
// marks the ones they can attend, signed in or from their own e-mailed link (its token's keyed hash
// is kept, never the token); the mediator books one, which closes the poll. They go with the case.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('mediator_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('side', 'text')
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // [{ id, startsAt }]: the proposed starts, in time order.
    .addColumn('slots', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_polls_by_case').on('session_polls').columns(['case_id']).execute();
  await db.schema
    .createIndex('session_polls_open')
    .on('session_polls')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createTable('session_poll_invitees')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('session_polls.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // The slot ids the person can attend (JSON), or null while they have not answered.
    .addColumn('slot_ids', 'text')
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('session_poll_invitees_pk', ['poll_id', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_poll_invitees').execute();
  await db.schema.dropTable('session_polls').execute();
}
