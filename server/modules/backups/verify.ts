import type { Db } from '../../db/database.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import type { Snapshot } from './backup-file.ts';
import { compareCounts, countRows, listTables, readAuditHead } from './inventory.ts';
import { archiveTables, withScratchRestore } from './postgres-backup.ts';
import { checkSqlite, openSqliteReadOnly } from './sqlite-backup.ts';

/**
 * The checks a backup must pass when it is made and again when it is restored. Each returns what
 * it found, as lines for the administrator; `problems` empty means the copy is sound.
 */
export type Findings = { lines: string[]; problems: string[] };

const merge = (...all: Findings[]): Findings => ({
  lines: all.flatMap((f) => f.lines),
  problems: all.flatMap((f) => f.problems),
});

/** Rows per table as at the snapshot, and the audit chain verified up to the snapshot's head. */
export async function checkDatabase(db: Db, snapshot: Snapshot): Promise<Findings> {
  const problems = compareCounts(snapshot.tables, await countRows(db, await listTables(db)));
  const rows = Object.values(snapshot.tables).reduce((a, b) => a + b, 0);
  const lines = [
    problems.length === 0
      ? `rows: all ${Object.keys(snapshot.tables).length} tables hold what they held at the copy (${rows} rows)`
      : 'rows: the tables differ from the copy',
  ];
  const chain = await verifyAuditTrail(db);
  const head = await readAuditHead(db);
  if (!chain.ok) {
    problems.push(`audit trail broken at event ${chain.brokenAt}: ${chain.reason}`);
  } else if (head?.seq !== snapshot.audit.seq || head.hash !== snapshot.audit.hash) {
    problems.push(
      `audit trail ends at event ${head?.seq ?? 0}, not at event ${snapshot.audit.seq} as at the copy`,
    );
  } else {
    lines.push(`audit trail: intact, ${chain.events} event(s), ending where it ended at the copy`);
  }
  return { lines, problems };
}

/** SQLite's integrity check, then the rows and the audit chain, on a database file. */
export async function checkSqliteFile(path: string, snapshot: Snapshot): Promise<Findings> {
  const { integrity } = await checkSqlite(path);
  const sound = integrity.length === 1 && integrity[0] === 'ok';
  const own: Findings = sound
    ? { lines: ['integrity check: ok'], problems: [] }
    : { lines: [], problems: integrity.slice(0, 10).map((line) => `integrity check: ${line}`) };
  const db = openSqliteReadOnly(path);
  try {
    return merge(own, await checkDatabase(db, snapshot));
  } finally {
    await db.destroy();
  }
}

/**
 * A pg_dump archive: its contents list must name every table, and restored into a scratch
 * database it must hold the rows and the audit chain of the snapshot. Where the role may not
 * create a database, only the contents list can be checked, and the findings say so.
 */
export async function checkPostgresArchive(
  archive: string,
  url: string,
  snapshot: Snapshot,
): Promise<Findings> {
  const listed = new Set(await archiveTables(archive));
  const missing = Object.keys(snapshot.tables).filter((t) => !listed.has(t));
  const own: Findings = {
    lines: missing.length === 0 ? [`contents: the archive holds the data of all ${listed.size} tables`] : [],
    problems: missing.map((t) => `the archive holds no data for table ${t}`),
  };
  if (missing.length > 0) return own;
  const restored = await withScratchRestore(archive, url, snapshot.schema ?? 'public', (db) =>
    checkDatabase(db, snapshot),
  );
  if (!restored) {
    return merge(own, {
      lines: ['restore check skipped: this role may not create a scratch database (CREATEDB)'],
      problems: [],
    });
  }
  return merge(own, {
    lines: restored.lines.map((line) => `restored into a scratch database, ${line}`),
    problems: restored.problems.map((line) => `restored into a scratch database, ${line}`),
  });
}
