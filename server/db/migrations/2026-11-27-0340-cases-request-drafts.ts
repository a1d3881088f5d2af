import type { Kysely } from 'kysely';

// A signed-in person's unsent request for mediation, kept while they write it so no word is lost.
// The request's words are sealed (AES-256-GCM) under the master key named beside them: there is no
// case, and so no case key, yet. One draft a person; it goes when they send it or delete their account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_drafts')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_drafts').execute();
}
