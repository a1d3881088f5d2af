import { type Kysely, PostgresAdapter } from 'kysely';

// The full-text path on SQLite now lets FTS5 find the rows of the rarest condition and checks
// every condition on the stored text (FTS5 intersects posting lists at the pace of the longest);
// its rowid index carries the facets too, so those checks read no table rows.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropIndex('directory_profiles_by_rowid_keys').execute();
  await db.schema
    .createIndex('directory_profiles_by_rowid_match')
    .on('directory_profiles')
    .columns(['search_rowid', 'published', 'sort_score', 'name_key', 'id', 'facets', 'search_text'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropIndex('directory_profiles_by_rowid_match').ifExists().execute();
  await db.schema
    .createIndex('directory_profiles_by_rowid_keys')
    .on('directory_profiles')
    .columns(['search_rowid', 'published', 'sort_score', 'name_key', 'id', 'search_text'])
    .execute();
}
