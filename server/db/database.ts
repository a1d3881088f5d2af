import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Kysely as KyselyType,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = KyselyType<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: repositories accept both. */
export type Executor = Db | Tx;
export type Dialect = 'sqlite' | 'postgres';

export type OpenOptions = {
  url: string;
  /** PostgreSQL only: the schema to work in (tests run each file in a fresh one). */
  schema?: string;
  poolSize?: number;
};

// pg returns int8 and numeric as strings; Parley's counts and sums fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens Kysely over SQLite (`file:path`, `file::memory:`) or PostgreSQL (`postgres://…`). */
export function openDatabase(options: OpenOptions): Db {
  const { url } = options;
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = url.replace(/^file:/, '');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged write survive
  // a power cut; the busy timeout makes a second process wait instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads map the file instead of copying pages through a small cache (bench:directory).
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * Kysely prepares every query afresh; parsing and planning a statement costs more than running a
 * short indexed one. Statements are kept by their SQL text (bounded): Kysely runs one query at a
 * time per SQLite connection, so a cached statement is never used twice at once.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= 1000) cache.clear();
      statement = sqlite.prepare(source);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: any database shape
export function dialectOf(db: KyselyType<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether the database answers at all (the health check). */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Runs `fn` in a transaction, or inside the one already open. */
export async function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
