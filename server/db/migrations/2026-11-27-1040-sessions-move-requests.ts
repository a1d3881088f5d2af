import { type Kysely, sql } from 'kysely';

// Requests to move a session: a party asks, with a reason (sealed under the case's key, read only
// by the mediators and the one who asked); the mediator accepts (a new time, or a poll of times)
// or declines with an optional note (sealed too). One open request per person per session. They go
// with the session and the case.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_move_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('case_sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    // When the session started when it was asked about, so the request keeps naming that time.
    .addColumn('from_starts_at', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('poll_id', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_move_requests_by_case')
    .on('session_move_requests')
    .columns(['case_id', 'created_at'])
    .execute();
  // One open request per person per session, whichever server takes it.
  await db.schema
    .createIndex('session_move_requests_one_open')
    .on('session_move_requests')
    .columns(['session_id', 'participant_id'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_move_requests').execute();
}
