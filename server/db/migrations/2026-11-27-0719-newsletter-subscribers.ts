import type { Kysely } from 'kysely';

// Anyone may sign up for The Communicator on the public newsletter page, with or without an
// account: the address waits ('pending') until the person follows the link e-mailed to it (double
// opt-in), is mailed each issue once confirmed, and stops with the unsubscribe link in every issue.
// Only a keyed hash of the confirmation link's secret is stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_token')
    .on('newsletter_subscribers')
    .column('confirm_token_hash')
    .execute();
  await db.schema
    .createTable('newsletter_subscriber_deliveries')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_subscriber_deliveries_pk', ['issue_id', 'subscriber_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('newsletter_subscriber_deliveries').execute();
  await db.schema.dropTable('newsletter_subscribers').execute();
}
