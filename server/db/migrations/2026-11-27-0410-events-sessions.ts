import { type Kysely, sql } from 'kysely';

// A training held over several days has a session per day, each with its own start and end in
// Missouri time; the event's starts_at and ends_at stay as the first start and the last end, for
// the calendar's lists. Attendance is taken per session, once it has begun, and the certificate
// of attendance carries a code that anyone can check on the public verification page. Every
// event written before this change becomes one session from its start to its end.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('association_event_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('association_events.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('association_event_sessions_order', ['event_id', 'seq'])
    .execute();
  await db
    .insertInto('association_event_sessions')
    .columns(['id', 'event_id', 'seq', 'starts_at', 'ends_at'])
    .expression(
      db
        .selectFrom('association_events')
        .select([
          sql<string>`id || '-1'`.as('id'),
          'id as event_id',
          sql<number>`1`.as('seq'),
          'starts_at',
          'ends_at',
        ]),
    )
    .execute();

  await db.schema
    .createTable('event_session_attendance')
    .addColumn('registration_id', 'text', (c) =>
      c.notNull().references('event_registrations.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('association_event_sessions.id').onDelete('cascade'),
    )
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('event_session_attendance_once', ['registration_id', 'session_id'])
    .execute();
  // Those already marked as attended attended their event's one session.
  await db
    .insertInto('event_session_attendance')
    .columns(['registration_id', 'session_id', 'recorded_at', 'recorded_by'])
    .expression(
      db
        .selectFrom('event_registrations')
        .select([
          'id as registration_id',
          sql<string>`event_id || '-1'`.as('session_id'),
          'attended_at as recorded_at',
          sql<null>`null`.as('recorded_by'),
        ])
        .where('status', '=', 'attended')
        .where('attended_at', 'is not', null),
    )
    .execute();

  await db.schema.alterTable('event_registrations').addColumn('certificate_code', 'text').execute();
  await db.schema
    .createIndex('event_registrations_certificate_code')
    .on('event_registrations')
    .column('certificate_code')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_registrations_certificate_code').execute();
  await db.schema.alterTable('event_registrations').dropColumn('certificate_code').execute();
  await db.schema.dropTable('event_session_attendance').execute();
  await db.schema.dropTable('association_event_sessions').execute();
}
