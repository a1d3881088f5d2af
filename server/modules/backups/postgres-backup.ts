import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../../db/database.ts';
import { BackupError, type Snapshot } from './backup-file.ts';
import { countRows, latestMigration, listTables, readAuditHead } from './inventory.ts';

/**
 * PostgreSQL backups through the server's own tools: pg_dump (custom format) under a snapshot
 * exported from a transaction that also counts every table, so the archive and the counts are
 * of the same instant; pg_restore to put one back. The tools must be at least as new as the
 * server (pg_dump refuses a newer server; pg_restore a newer archive).
 */

/** A libpq connection for the tools: the password travels in the environment, not on the command line. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGAPPNAME: 'parley-backup' },
  };
}

function toolMajor(tool: 'pg_dump' | 'pg_restore'): { major: number; version: string } {
  const found = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const version = /(\d+)(?:\.(\d+))?/.exec(found.stdout ?? '');
  if (found.error || !version) {
    throw new BackupError(
      `${tool} was not found. Install the PostgreSQL client tools of your server's version (Debian: apt-get install postgresql-client).`,
    );
  }
  return { major: Number(version[1]), version: version[0] };
}

async function serverMajor(db: Db): Promise<{ major: number; version: string }> {
  const row = (
    await sql<{
      v: string;
      n: string;
    }>`select current_setting('server_version') as v, current_setting('server_version_num') as n`.execute(db)
  ).rows[0]!;
  return { major: Math.floor(Number(row.n) / 10000), version: row.v };
}

/**
 * The schema the connection works in: current_schema(), or, when that schema does not exist yet
 * (a fresh database a restore is about to fill), the first name on its search_path.
 */
async function currentSchema(db: Db): Promise<string> {
  const row = (
    await sql<{
      s: string | null;
      p: string;
    }>`select current_schema() as s, current_setting('search_path') as p`.execute(db)
  ).rows[0]!;
  const first = row.p
    .split(',')
    .map((n) => n.trim())
    .find((n) => n !== '"$user"' && n !== '');
  return row.s ?? first?.replace(/^"(.*)"$/, '$1').replaceAll('""', '"') ?? 'public';
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('error', (e) => reject(new BackupError(`${tool}: ${e.message}`)));
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new BackupError(`${tool} failed: ${err.trim() || `exit code ${code}`}`)),
    );
  });
}

// A schema name as a pg_dump pattern: quoted, so case and wildcard characters are taken literally.
const schemaPattern = (schema: string) => `"${schema.replaceAll('"', '""')}"`;

/** Dumps the schema Parley works in to `target` (custom format), and what it held at that instant. */
export async function snapshotPostgres(url: string, target: string, db: Db): Promise<Snapshot> {
  const dump = toolMajor('pg_dump');
  const server = await serverMajor(db);
  if (dump.major < server.major) {
    throw new BackupError(
      `pg_dump ${dump.version} cannot dump a PostgreSQL ${server.major} server: install postgresql-client-${server.major} and put it first on PATH.`,
    );
  }
  const schema = await currentSchema(db);
  const tool = toolConnection(url);
  return db.connection().execute(async (conn) => {
    await sql`begin isolation level repeatable read read only`.execute(conn);
    try {
      const name = (await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(conn)).rows[0]!.s;
      const tables = await countRows(conn, await listTables(conn));
      const audit = await readAuditHead(conn);
      if (!audit)
        throw new BackupError(`The database's schema "${schema}" is not Parley's: it has no audit trail.`);
      const migration = await latestMigration(conn);
      await runTool(
        'pg_dump',
        [
          '--format=custom',
          `--snapshot=${name}`,
          `--schema=${schemaPattern(schema)}`,
          '--no-password',
          `--file=${target}`,
          `--dbname=${tool.dbname}`,
        ],
        tool.env,
      );
      return {
        tables,
        audit,
        migration,
        schema,
        serverVersion: server.version,
        pgDumpVersion: dump.version,
      };
    } finally {
      await sql`commit`.execute(conn);
    }
  });
}

/** The tables an archive holds data for, from `pg_restore --list` (reads the archive's contents list). */
export async function archiveTables(archive: string): Promise<string[]> {
  const list = await runTool('pg_restore', ['--list', archive], process.env);
  return list
    .split('\n')
    .map((line) => /^\d+; \d+ \d+ TABLE DATA \S+ (\S+) /.exec(line)?.[1])
    .filter((name): name is string => Boolean(name))
    .sort();
}

/** Refuses an archive made by a newer pg_dump than this machine's pg_restore reads. */
export function checkRestoreTool(pgDumpVersion: string | undefined) {
  const restore = toolMajor('pg_restore');
  const made = Number(/^(\d+)/.exec(pgDumpVersion ?? '')?.[1] ?? 0);
  if (made > restore.major) {
    throw new BackupError(
      `This backup was made by pg_dump ${pgDumpVersion}; pg_restore here is ${restore.version}. Install postgresql-client-${made}.`,
    );
  }
}

/**
 * Restores the archive into the database at `url`, in one transaction: the archive's schema is
 * dropped and made again from the archive (`--clean --if-exists`), so a failure leaves the
 * database as it was. Ownership and grants are not restored: the restoring role owns what it makes.
 */
export async function restorePostgres(archive: string, url: string): Promise<void> {
  const tool = toolConnection(url);
  await runTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      '--no-password',
      `--dbname=${tool.dbname}`,
      archive,
    ],
    tool.env,
  );
}

/** The schema the connection at `url` works in (its search_path). */
export async function schemaOf(db: Db): Promise<string> {
  return currentSchema(db);
}

/**
 * Runs `check` against a scratch database holding the archive, then drops it. Returns null when
 * the role may not create databases, so the caller can say the full check was not possible.
 */
export async function withScratchRestore<T>(
  archive: string,
  url: string,
  schema: string,
  check: (db: Db) => Promise<T>,
): Promise<T | null> {
  const name = `parley_verify_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    try {
      await admin.query(`create database ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code === '42501') return null;
      throw error;
    }
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    scratch.searchParams.delete('options');
    let db: Db | undefined;
    try {
      await restorePostgres(archive, scratch.toString());
      db = openDatabase({
        url: scratch.toString(),
        schema: `"${schema.replaceAll('"', '""')}"`,
        poolSize: 2,
      });
      return await check(db);
    } finally {
      await db?.destroy();
      // Not WITH (FORCE): a closing connection killed mid-goodbye raises an error in its pool.
      // DROP DATABASE waits a few seconds for connections that are closing.
      await admin.query(`drop database if exists ${name}`);
    }
  } finally {
    await admin.end();
  }
}
