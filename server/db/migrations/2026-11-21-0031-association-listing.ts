import type { Kysely } from 'kysely';

// The directory listing that full membership includes: when a membership lapses and the
// mediator's profile was published, the association takes the listing down and remembers it
// (listing_held = 1), so renewing puts it back without the mediator having to do anything.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('listing_held', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('listing_held').execute();
}
