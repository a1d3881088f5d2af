import type { Kysely } from 'kysely';

// Each person's language (issue 19: Parley in Spanish): the pages, e-mails and documents they
// receive are in it. Existing accounts read English, as before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en-US'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
