import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A version number for the directory, bumped by the database itself whenever a profile or the
// counties it serves change. Every app server compares it before answering a search from its
// result cache, so a change made through any server is seen by all of them at once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('directory_state').values({ id: 1, version: 1 }).execute();
  const tables = ['directory_profiles', 'directory_profile_counties'];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function directory_bump_version() returns trigger language plpgsql as $$
      begin update directory_state set version = version + 1 where id = 1; return null; end $$`.execute(db);
    for (const table of tables) {
      await sql`create trigger ${sql.raw(`${table}_version`)} after insert or update or delete on ${sql.table(table)}
        for each statement execute function directory_bump_version()`.execute(db);
    }
    return;
  }
  for (const table of tables) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update directory_state set version = version + 1 where id = 1; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = ['directory_profiles', 'directory_profile_counties'];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of tables)
      await sql`drop trigger if exists ${sql.raw(`${table}_version`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function if exists directory_bump_version()`.execute(db);
  } else {
    for (const table of tables) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`drop trigger if exists ${sql.raw(`${table}_version_${event}`)}`.execute(db);
      }
    }
  }
  await db.schema.dropTable('directory_state').ifExists().execute();
}
