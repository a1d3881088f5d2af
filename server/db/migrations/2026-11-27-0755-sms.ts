import type { Kysely } from 'kysely';

// Text messages: each person's mobile number (confirmed by a code sent to it, opted in or out, a
// STOP from the phone recorded), and the outbox of texts Parley sends, like the e-mail outbox.
// A text names the step and links to Parley; never confidential words or anyone's contact details.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mobile_numbers')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // International form (+15735550142).
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('opted_in', 'integer', (c) => c.notNull().defaultTo(0))
    // The confirmation code's keyed hash while one is out, when it stops working, and tries left.
    .addColumn('code_hash', 'text')
    .addColumn('code_expires_at', 'text')
    .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // When the phone answered STOP: no text goes to it until the person opts in again.
    .addColumn('stopped_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mobile_numbers_phone').on('mobile_numbers').column('phone').execute();
  await db.schema
    .createTable('outbox_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_phone', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
    // queued, sent, failed, held (no provider: the development outbox), stopped (opted out before it went)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_texts_created').on('outbox_texts').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_texts').execute();
  await db.schema.dropTable('mobile_numbers').execute();
}
