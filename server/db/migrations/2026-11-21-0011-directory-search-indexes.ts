import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Prefix indexes up to 8 letters for FTS5 ("span" finds "spanish" from one index entry instead of
// merging every word that starts with it), and covering indexes for the directory search on SQLite, measured with `npm run bench:directory`:
// the ordered scan, the nearest-first walk and the full-text path read the filter columns
// (published, facets, search_text) and sort keys from an index in order instead of seeking each
// table row (a profile row is over a kilobyte). PostgreSQL keeps its GIN indexes and its planner;
// its B-tree entries could not hold a long search_text anyway.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const filter = ['published', 'facets', 'search_text'];
  await db.schema
    .createIndex('directory_profiles_relevance_scan')
    .on('directory_profiles')
    .columns(['sort_score', 'name_key', 'id', ...filter])
    .execute();
  await db.schema
    .createIndex('directory_profiles_name_scan')
    .on('directory_profiles')
    .columns(['name_key', 'id', ...filter])
    .execute();
  await db.schema
    .createIndex('directory_profiles_by_id_scan')
    .on('directory_profiles')
    .columns(['id', ...filter])
    .execute();
  await db.schema
    .createIndex('directory_profiles_by_rowid_keys')
    .on('directory_profiles')
    .columns(['search_rowid', 'published', 'sort_score', 'name_key', 'id', 'search_text'])
    .execute();
  await sql`drop table directory_fts`.execute(db);
  await sql`create virtual table directory_fts using fts5(
    search_text, facets, content='directory_profiles', content_rowid='search_rowid',
    tokenize='unicode61', prefix='2 3 4 5 6 7 8', detail='column')`.execute(db);
  await sql`insert into directory_fts(directory_fts) values ('rebuild')`.execute(db);
  // The narrower indexes of 0010 are now prefixes of these.
  await db.schema.dropIndex('directory_profiles_relevance').execute();
  await db.schema.dropIndex('directory_profiles_name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const name of [
    'directory_profiles_relevance_scan',
    'directory_profiles_name_scan',
    'directory_profiles_by_id_scan',
    'directory_profiles_by_rowid_keys',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema
    .createIndex('directory_profiles_relevance')
    .on('directory_profiles')
    .columns(['sort_score', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('directory_profiles_name')
    .on('directory_profiles')
    .columns(['name_key', 'id'])
    .execute();
}
