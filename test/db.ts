import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

/**
 * One fresh, migrated database per test file. `npm test` uses SQLite files in the temp folder;
 * `npm run test:pg` (TEST_DIALECT=postgres) makes a schema on DATABASE_URL and drops it after.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' =
  process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = {
  url: string;
  schema: string | undefined;
  db: Db;
  /** Opens another connection to the same database, as a second app server would. */
  open(): Db;
  drop(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (TEST_DIALECT === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${name}`);
    await admin.end();
    const open = () => openDatabase({ url: PG_URL, schema: name, poolSize: 5 });
    const db = open();
    await migrateToLatest(db);
    return {
      url: PG_URL,
      schema: name,
      db,
      open,
      async drop() {
        await db.destroy();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema if exists ${name} cascade`);
        await c.end();
      },
    };
  }
  const database = sqliteDatabase(name);
  await migrateToLatest(database.db);
  return database;
}

function sqliteDatabase(name: string): TestDatabase {
  const file = path.join(tmpdir(), `parley-${name}.db`);
  const url = `file:${file}`;
  const open = () => openDatabase({ url });
  const db = open();
  return {
    url,
    schema: undefined,
    db,
    open,
    async drop() {
      await db.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/** One statement on the PostgreSQL server as its administrator (making and dropping databases). */
async function onServer(statement: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * The database's DATABASE_URL as a script or another configuration would be given it: on
 * PostgreSQL the schema travels in the URL (libpq's and pg's `options`).
 */
export const urlOf = (database: Pick<TestDatabase, 'url' | 'schema'>): string =>
  database.schema
    ? `${database.url}?options=${encodeURIComponent(`-c search_path=${database.schema}`)}`
    : database.url;

/**
 * An empty database for a restore to fill, not migrated: a new SQLite file, or a new PostgreSQL
 * database (dropped afterwards) whose connections work in `schema`, as the backup's were.
 */
export async function createEmptyDatabase(schema?: string): Promise<TestDatabase> {
  const name = `t_empty_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (TEST_DIALECT === 'sqlite') return sqliteDatabase(name);
  await onServer(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const open = () => openDatabase({ url: url.toString(), ...(schema ? { schema } : {}), poolSize: 3 });
  const db = open();
  return {
    url: url.toString(),
    schema,
    db,
    open,
    async drop() {
      await db.destroy();
      await onServer(`drop database if exists ${name}`);
    },
  };
}
