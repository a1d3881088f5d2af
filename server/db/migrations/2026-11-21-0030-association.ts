import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The association: membership tiers, memberships, payments with receipts and the reminders sent;
// trainings and events with seats, a waitlist and attendance; the members-only forms library with
// versions; the newsletter with its deliveries and unsubscribes; job listings and alerts; and the
// steps a person ticks on the path to becoming a mediator. Money is whole cents; times ISO-8601
// UTC text; flags 0/1; lists JSON text.

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const hours = sql.raw(isPg ? 'double precision' : 'real');

  await db.schema
    .createTable('membership_tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('annual_dues_cents', 'integer', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('includes_listing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grace_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One membership per person; status is kept in step with expires_at by the daily job.
  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('tier_id', 'text', (c) => c.notNull().references('membership_tiers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('memberships_status')
    .on('memberships')
    .columns(['status', 'expires_at'])
    .execute();

  // Payments recorded through a provider (built in: "offline", staff record a cheque, cash or a
  // payment taken at an event). No card data is ever stored. purpose: dues or event.
  await db.schema
    .createTable('association_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('membership_id', 'text')
    .addColumn('registration_id', 'text')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('receipt_file_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('association_payments_user')
    .on('association_payments')
    .columns(['user_id', 'created_at'])
    .execute();

  // A reminder goes once per membership, paid period and kind, however often the job runs.
  await db.schema
    .createTable('membership_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_reminders_once', ['membership_id', 'period_end', 'kind'])
    .execute();

  // Trainings and events. credits: [{ kind, hours }] written to the training record on attendance.
  await db.schema
    .createTable('association_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('recorded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('credit_hours', hours, (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'integer')
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('member_price_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('price_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    // Bumped by every registration and cancellation first thing in its transaction: the row
    // lock it takes puts seat changes for one event in a single line on PostgreSQL.
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('association_events_starts')
    .on('association_events')
    .columns(['status', 'starts_at'])
    .execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('association_events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queue_seq', 'integer', (c) => c.notNull())
    .addColumn('member_price', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('promoted_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('attended_at', 'text')
    .addColumn('certificate_file_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_registrations_once', ['event_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('event_registrations_queue')
    .on('event_registrations')
    .columns(['event_id', 'status', 'queue_seq'])
    .execute();
  await db.schema
    .createIndex('event_registrations_user')
    .on('event_registrations')
    .column('user_id')
    .execute();

  // Forms library: a form and its versions (each an uploaded file).
  await db.schema
    .createTable('library_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('library_form_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('library_forms.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('library_form_versions_once', ['form_id', 'version'])
    .execute();

  // The Communicator: issues, one delivery row per issue and member (so a retried mailing sends
  // each once), and people who asked for no more newsletters.
  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issue_label', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['issue_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('newsletter_unsubscribes')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Job listings and the members who want alerts of new ones.
  await db.schema
    .createTable('job_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('how_to_apply', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_postings_open')
    .on('job_postings')
    .columns(['status', 'expires_on'])
    .execute();
  await db.schema
    .createTable('job_alert_subscriptions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Steps of the path to becoming a mediator that the person ticks themselves.
  await db.schema
    .createTable('mediator_path_ticks')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('ticked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediator_path_ticks_pk', ['user_id', 'step'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'mediator_path_ticks',
    'job_alert_subscriptions',
    'job_postings',
    'newsletter_unsubscribes',
    'newsletter_deliveries',
    'newsletter_issues',
    'library_form_versions',
    'library_forms',
    'event_registrations',
    'association_events',
    'membership_reminders',
    'association_payments',
    'memberships',
    'membership_tiers',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
