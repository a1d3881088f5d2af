import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { BackupError, type Snapshot } from './backup-file.ts';
import type { SqliteFacts, SqliteTask } from './sqlite-copy.worker.ts';

const WORKER = new URL('./sqlite-copy.worker.ts', import.meta.url);

function inWorker(work: SqliteTask): Promise<SqliteFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: work });
    worker.once('message', (m: { ok: true; result: SqliteFacts } | { ok: false; message: string }) =>
      m.ok ? resolve(m.result) : reject(new BackupError(`SQLite: ${m.message}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new BackupError(`the SQLite worker stopped with code ${code}`));
    });
  });
}

/** The SQLite file a `file:` DATABASE_URL names. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, '');
  if (path === ':memory:' || path === '') throw new BackupError('An in-memory database cannot be backed up.');
  return path;
}

/** A consistent copy of the live database at `target`, made while Parley serves, and what it held. */
export async function snapshotSqlite(source: string, target: string): Promise<Snapshot> {
  const seen = await inWorker({ task: 'snapshot', source, target });
  if (!seen.audit) throw new BackupError(`${source} is not a Parley database: it has no audit trail.`);
  return { tables: seen.tables, audit: seen.audit, migration: seen.migration };
}

/** Replaces the pages of the database at `target` with those of `source` (a restore). */
export async function copySqlite(source: string, target: string): Promise<void> {
  await inWorker({ task: 'copy', source, target });
}

/** SQLite's own check of every page and index, and the rows in each table. */
export async function checkSqlite(
  path: string,
): Promise<{ integrity: string[]; tables: Record<string, number> }> {
  const found = await inWorker({ task: 'check', source: path });
  return { integrity: found.integrity ?? [], tables: found.tables };
}

/** Kysely over a SQLite file opened read-only: checking a copy never changes it. */
export function openSqliteReadOnly(path: string): Db {
  const database = new SQLite(path, { readonly: true, fileMustExist: true });
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
