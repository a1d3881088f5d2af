import type { Kysely } from 'kysely';

// A person invited to a case may say no from the e-mailed link without an account: the invitation
// is then used up (it can no longer be accepted) and remembers when, and why in their words.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('declined_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('decline_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('decline_reason').execute();
  await db.schema.alterTable('invitations').dropColumn('declined_at').execute();
}
