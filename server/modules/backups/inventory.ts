import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../db/database.ts';

/**
 * What a database holds, read the same way on SQLite and PostgreSQL (in the connection's own
 * schema): its tables, the rows in each, the audit chain's head and the newest migration run.
 * A backup records these at the instant of the copy; a restore checks the copy against them.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database, before its tables are known
type AnyDb = Kysely<any>;

export async function listTables(db: AnyDb): Promise<string[]> {
  const rows =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function countRows(db: AnyDb, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

export async function readAuditHead(db: AnyDb): Promise<{ seq: number; hash: string } | null> {
  if (!(await listTables(db)).includes('audit_head')) return null;
  const row = await sql<{ seq: number; hash: string }>`select seq, hash from audit_head where id = 1`.execute(
    db,
  );
  return row.rows[0] ? { seq: Number(row.rows[0].seq), hash: row.rows[0].hash } : null;
}

export async function latestMigration(db: AnyDb): Promise<string | null> {
  if (!(await listTables(db)).includes('kysely_migration')) return null;
  const row = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(db);
  return row.rows[0]?.name ?? null;
}

/**
 * Whether a restore would overwrite something: any table at all, unless they are Parley's own
 * and nobody has used it yet (no account, no audit event: migrated and nothing more).
 */
export async function holdsData(db: AnyDb): Promise<boolean> {
  const tables = await listTables(db);
  if (tables.length === 0) return false;
  if (!tables.includes('users') || !tables.includes('audit_events')) return true;
  const counts = await countRows(db, ['users', 'audit_events']);
  return counts.users! + counts.audit_events! > 0;
}

/** Differences between two sets of row counts, one line each, or none. */
export function compareCounts(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names
    .filter((n) => expected[n] !== found[n])
    .map((n) =>
      expected[n] === undefined
        ? `table ${n} is not in the backup`
        : found[n] === undefined
          ? `table ${n} is missing`
          : `table ${n} has ${found[n]} rows, ${expected[n]} expected`,
    );
}
