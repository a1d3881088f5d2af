import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/**
 * SQLite work that reads a whole database file, on a thread of its own so that a server running
 * the backup job keeps answering. It holds nothing of the app but better-sqlite3.
 *
 *   snapshot  copies `source` to `target` through SQLite's online backup API, in one step inside
 *             one read transaction, which also counts the rows and reads the audit head: the copy
 *             and the counts are of the same instant, and writers carry on meanwhile (WAL).
 *   copy      the same, into an existing database (a restore): SQLite locks the target while it
 *             replaces its pages, so its WAL and any reader stay consistent.
 *   check     `PRAGMA integrity_check` and the rows in each table of `source`.
 */
export type SqliteTask =
  | { task: 'snapshot' | 'copy'; source: string; target: string }
  | { task: 'check'; source: string };

export type SqliteFacts = {
  tables: Record<string, number>;
  audit: { seq: number; hash: string } | null;
  migration: string | null;
  integrity?: string[];
};

function facts(db: SQLite.Database): SqliteFacts {
  const names = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const tables: Record<string, number> = {};
  for (const name of names) {
    tables[name] = db
      .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  const audit = names.includes('audit_head')
    ? ((db.prepare('select seq, hash from audit_head where id = 1').get() as SqliteFacts['audit']) ?? null)
    : null;
  const migration = names.includes('kysely_migration')
    ? ((db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ?? null)
    : null;
  return { tables, audit, migration };
}

async function run(work: SqliteTask): Promise<SqliteFacts> {
  const source = new SQLite(work.source, { fileMustExist: true, readonly: work.task === 'check' });
  try {
    source.pragma('busy_timeout = 10000');
    if (work.task === 'check') {
      const integrity = source.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      return { ...facts(source), integrity: integrity.map((r) => r.integrity_check) };
    }
    source.exec('begin');
    try {
      const seen = facts(source);
      // One step of every page: a step holds the read transaction, so the copy is of one instant.
      await source.backup(work.target, { progress: () => 0x7fffffff });
      return seen;
    } finally {
      source.exec('commit');
    }
  } finally {
    source.close();
  }
}

const work = workerData as SqliteTask;
try {
  const result = await run(work);
  if (work.task === 'snapshot') {
    // A backup is one self-contained file: no WAL beside it.
    const copy = new SQLite(work.target);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  }
  parentPort?.postMessage({ ok: true, result });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
