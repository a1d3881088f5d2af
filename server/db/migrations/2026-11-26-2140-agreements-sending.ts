import { type Kysely, sql } from 'kysely';

// A version of the written agreement stays the mediator's draft until they send it for signature:
// sent_at says when it went to the parties. Every version written before this change was sent
// the moment it was saved, so it counts as sent then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agreement_versions').addColumn('sent_at', 'text').execute();
  await db.updateTable('agreement_versions').set({ sent_at: sql`created_at` }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agreement_versions').dropColumn('sent_at').execute();
}
