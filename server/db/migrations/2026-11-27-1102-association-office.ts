import type { Kysely } from 'kysely';

// The association's office:
// - membership_tier_changes: the tier a membership began at and each change of tier, written as
//   they happen, so a member's record shows them whether or not an invoice came with the change
//   (memberships that began before invoices existed had none for their start). A membership with
//   no rows yet reads its history from its invoices and its own row; its first change writes that
//   history here before adding itself.
// - newsletter_subscribers.confirm_sent_at: when the latest confirmation link was sent, so a link
//   expires (sign-ups.service.ts, CONFIRM_LINK_DAYS) and the retention job can remove sign-ups
//   never confirmed. Existing waiting sign-ups count from when they signed up.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('membership_tier_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('tier_id', 'text', (c) => c.notNull().references('membership_tiers.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('membership_tier_changes_membership')
    .on('membership_tier_changes')
    .columns(['membership_id', 'changed_at'])
    .execute();

  await db.schema.alterTable('newsletter_subscribers').addColumn('confirm_sent_at', 'text').execute();
  await db
    .updateTable('newsletter_subscribers')
    .set((eb: any) => ({ confirm_sent_at: eb.ref('created_at') }))
    .where('status', '=', 'pending')
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_status')
    .on('newsletter_subscribers')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('newsletter_subscribers_status').execute();
  await db.schema.alterTable('newsletter_subscribers').dropColumn('confirm_sent_at').execute();
  await db.schema.dropTable('membership_tier_changes').execute();
}
