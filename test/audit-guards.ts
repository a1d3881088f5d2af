import { sql } from 'kysely';
import { type Db, dialectOf } from '../server/db/database.ts';

/**
 * Runs `tamper` with the database's guards on the audit tables lifted, as an owner or superuser
 * could lift them: on PostgreSQL the triggers are disabled (on this test file's schema only), on
 * SQLite they are dropped and made again from their stored definitions.
 */
export async function withoutAuditGuards<T>(db: Db, tamper: () => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table audit_events disable trigger user`.execute(db);
    await sql`alter table audit_head disable trigger user`.execute(db);
    try {
      return await tamper();
    } finally {
      await sql`alter table audit_events enable trigger user`.execute(db);
      await sql`alter table audit_head enable trigger user`.execute(db);
    }
  }
  const triggers = (
    await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
      where type = 'trigger' and tbl_name in ('audit_events', 'audit_head')`.execute(db)
  ).rows;
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  try {
    return await tamper();
  } finally {
    for (const t of triggers) await sql.raw(t.sql).execute(db);
  }
}
