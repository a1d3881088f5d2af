import type { Kysely } from 'kysely';

// What a member owes is an invoice: joining or renewing writes one for the tier's yearly dues,
// which the member sees with the ways to pay, staff see in the "waiting for dues" list (a renewal
// request included), and a payment closes — recorded by staff, or confirmed by the card
// provider's signed webhook. Each webhook event is written once, so a repeated delivery changes
// nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('association_invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('membership_id', 'text')
    .addColumn('tier_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checkout_id', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('association_invoices_user')
    .on('association_invoices')
    .columns(['user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('association_invoices_open')
    .on('association_invoices')
    .columns(['status', 'purpose', 'created_at'])
    .execute();

  await db.schema
    .createTable('payment_webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_webhook_events').execute();
  await db.schema.dropTable('association_invoices').execute();
}
