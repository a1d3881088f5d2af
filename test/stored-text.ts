import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestApp } from './app.ts';
import { TEST_DIALECT } from './db.ts';

/**
 * Everything the test database holds, as text: on SQLite the database file and its write-ahead
 * log read as bytes (after a checkpoint), on PostgreSQL every row of every table of the test's
 * schema. A confidentiality test looks in it for words that must be stored only as ciphertext.
 */
export async function storedText(t: TestApp): Promise<string> {
  if (TEST_DIALECT === 'sqlite') {
    await sql`pragma wal_checkpoint(FULL)`.execute(t.db);
    const file = t.database.url.replace(/^file:/, '');
    return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f))).toString(
      'latin1',
    );
  }
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = ${t.database.schema!}`.execute(
    t.db,
  );
  let text = '';
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
      t.db,
    );
    text += rows.rows.map((r) => r.row).join('\n');
  }
  return text;
}
