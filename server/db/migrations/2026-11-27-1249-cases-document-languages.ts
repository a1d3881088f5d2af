import type { Kysely } from 'kysely';

// A case's documents in each reader's language (issue 19): a version of the Agreement to Mediate
// or the written agreement keeps its English text as before and, beside it, the same version in
// the other languages, each with its own SHA-256. A signature records which language's text was
// signed; every signature made before this was on the English text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_documents').addColumn('translations', 'text').execute();
  await db.schema
    .alterTable('signatures')
    .addColumn('document_language', 'text', (c) => c.notNull().defaultTo('en-US'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('signatures').dropColumn('document_language').execute();
  await db.schema.alterTable('case_documents').dropColumn('translations').execute();
}
