import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Which profiles changed, by directory version, so each app server keeps its in-memory search
// index in step by reading only the changed rows. A trigger on every inserted, updated or deleted
// profile row bumps the version (taking the one directory_state row's lock, so versions commit in
// order) and records the profile's id under the new version. directory_state.changes_from says
// from which version the list is whole: older entries are pruned, and a server that last looked
// before it reads every profile again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_changes')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_changes_version')
    .on('directory_changes')
    .column('version')
    .execute();
  await db.schema
    .alterTable('directory_state')
    .addColumn('changes_from', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Versions before this migration have no entries.
  await sql`update directory_state set changes_from = version + 1 where id = 1`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function directory_record_change() returns trigger language plpgsql as $$
      declare v integer;
      begin
        update directory_state set version = version + 1 where id = 1 returning version into v;
        insert into directory_changes (version, profile_id)
          values (v, case when tg_op = 'DELETE' then old.id else new.id end);
        return null;
      end $$`.execute(db);
    await sql`create trigger directory_profiles_change after insert or update or delete on directory_profiles
      for each row execute function directory_record_change()`.execute(db);
    return;
  }
  for (const [event, row] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql`create trigger ${sql.raw(`directory_profiles_change_${event}`)} after ${sql.raw(event)} on directory_profiles
      begin
        update directory_state set version = version + 1 where id = 1;
        insert into directory_changes (version, profile_id)
          select version, ${sql.raw(row)}.id from directory_state where id = 1;
      end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists directory_profiles_change on directory_profiles`.execute(db);
    await sql`drop function if exists directory_record_change()`.execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete'])
      await sql`drop trigger if exists ${sql.raw(`directory_profiles_change_${event}`)}`.execute(db);
  }
  await db.schema.alterTable('directory_state').dropColumn('changes_from').execute();
  await db.schema.dropTable('directory_changes').ifExists().execute();
}
