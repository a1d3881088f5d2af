import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { type Db, openDatabase } from '../../db/database.ts';
import type { Clock } from '../../infra/clock.ts';
import { writeCheckpoint } from '../audit/checkpoints.ts';
import { describeMasterKeys } from '../keys/keys.service.ts';
import {
  BackupError,
  type BackupHeader,
  extractPayload,
  readBackupHeader,
  writeBackupFile,
} from './backup-file.ts';
import { holdsData, listTables } from './inventory.ts';
import { checkRestoreTool, restorePostgres, schemaOf, snapshotPostgres } from './postgres-backup.ts';
import { backupName, rotateBackups } from './rotation.ts';
import { copySqlite, openSqliteReadOnly, snapshotSqlite, sqlitePath } from './sqlite-backup.ts';
import { checkDatabase, checkPostgresArchive, checkSqliteFile, type Findings } from './verify.ts';

/**
 * `npm run backup`, the daily backup job and `npm run restore`. A backup is a consistent copy
 * taken while Parley serves (SQLite's online backup API; pg_dump under an exported snapshot),
 * checked before it is kept (integrity, rows per table, the audit chain), written as one file
 * (see backup-file.ts), encrypted when BACKUP_ENCRYPTION_KEY is set, and rotated. A restore
 * checks the file before it touches anything, refuses a database that holds data unless forced
 * (and then backs that database up first), restores, and checks the result the same way.
 */
export type BackupDeps = { config: Config; clock: Clock; db?: Db };

export type BackupReport = { file: string; header: BackupHeader; checks: string[]; removed: string[] };

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);
const scratchName = (near: string, what: string) => `${near}.${what}-${randomBytes(4).toString('hex')}.tmp`;

function refuseProblems(findings: Findings, what: string, after: string) {
  if (findings.problems.length === 0) return;
  throw new BackupError(`${what} does not check out, ${after}:\n  ${findings.problems.join('\n  ')}`);
}

/** Runs `fn` with the database of DATABASE_URL: the caller's, or one opened for the purpose. */
async function withDb<T>(deps: BackupDeps, fn: (db: Db) => Promise<T>): Promise<T> {
  if (deps.db) return fn(deps.db);
  const db = openDatabase({ url: deps.config.databaseUrl, poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Makes, checks and keeps one backup of DATABASE_URL in BACKUP_DIR. With a label (`pre-restore`)
 * the file is named for it and rotation leaves it alone.
 */
export async function createBackup(
  deps: BackupDeps,
  options: { label?: string } = {},
): Promise<BackupReport> {
  const { config } = deps;
  const at = deps.clock.now();
  await mkdir(config.backups.dir, { recursive: true, mode: 0o700 });
  const file = path.join(config.backups.dir, backupName(at, options.label));
  const postgres = isPostgres(config.databaseUrl);
  // The plain copy is made beside the database (SQLite) or in the temp folder (pg_dump), never in
  // the backup folder, which may be remote: only the finished, possibly encrypted, file goes there.
  const temp = postgres
    ? path.join(tmpdir(), `parley-${randomBytes(6).toString('hex')}.dump`)
    : scratchName(sqlitePath(config.databaseUrl), 'backup');
  try {
    let snapshot: BackupHeader['snapshot'];
    let findings: Findings;
    if (postgres) {
      await writeFile(temp, '', { mode: 0o600 });
      snapshot = await withDb(deps, (db) => snapshotPostgres(config.databaseUrl, temp, db));
      findings = await checkPostgresArchive(temp, config.databaseUrl, snapshot);
    } else {
      snapshot = await snapshotSqlite(sqlitePath(config.databaseUrl), temp);
      findings = await checkSqliteFile(temp, snapshot);
    }
    refuseProblems(findings, 'The copy', 'so no backup was kept');
    const header = await writeBackupFile(
      file,
      { createdAt: at, payload: postgres ? 'pg_dump' : 'sqlite', snapshot },
      createReadStream(temp),
      config.backups.encryptionKey,
    );
    const removed = options.label
      ? []
      : await rotateBackups(config.backups.dir, {
          daily: config.backups.keepDaily,
          weekly: config.backups.keepWeekly,
        });
    const checks = [
      ...findings.lines,
      header.encryption ? `encrypted (key id ${header.encryption.keyId})` : 'not encrypted',
    ];
    return { file, header, checks, removed };
  } finally {
    await rm(temp, { force: true });
    await rm(`${temp}-journal`, { force: true });
  }
}

export type RestoreReport = { checks: string[]; replacedBackup: string | null; warnings: string[] };

/** Case keys the restored database holds under master keys this server does not hold. */
async function keyWarnings(db: Db, config: Config): Promise<string[]> {
  // A backup from before master keys: every case key is under APP_SECRET until it is migrated.
  if (!(await listTables(db)).includes('master_keys')) return [];
  const unheld = (await describeMasterKeys(db, config)).filter((u) => !u.held && u.caseKeys > 0);
  return unheld.map(
    (u) =>
      `${u.caseKeys} case keys are wrapped under master key "${u.id}", which PARLEY_MASTER_KEYS does not hold: add it (after the current key) or those cases' confidential records stay unreadable.`,
  );
}

/** The report of a restore whose result was checked; a result that does not check out is an error. */
async function restored(
  db: Db,
  deps: BackupDeps,
  findings: Findings,
  replaced: BackupReport | null,
): Promise<RestoreReport> {
  const { config } = deps;
  refuseProblems(findings, 'The restored database', 'although the backup did');
  // The checkpoints written before described the database just replaced; from here they start again.
  const checkpoint = await writeCheckpoint({ db, config, clock: deps.clock }, { restored: true });
  const marked =
    config.auditCheckpoints.sink === 'file' && checkpoint
      ? [
          `audit checkpoints: the restored head (${checkpoint.events} events) written to ${config.auditCheckpoints.path}`,
        ]
      : [];
  return {
    checks: [...findings.lines, ...marked],
    replacedBackup: replaced?.file ?? null,
    warnings: await keyWarnings(db, config),
  };
}

const refuseOverwrite = (what: string) =>
  new BackupError(
    `${what} already holds data, and a restore would replace it. Run the restore again with --force to replace it (a backup of it is taken first).`,
  );

/** Restores a backup file into DATABASE_URL; see the module comment for the order of steps. */
export async function restoreBackup(
  deps: BackupDeps,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const { config } = deps;
  const header = await readBackupHeader(file);
  const postgres = isPostgres(config.databaseUrl);
  if ((header.payload === 'pg_dump') !== postgres) {
    throw new BackupError(
      `${file} is a backup of a ${header.payload === 'pg_dump' ? 'PostgreSQL' : 'SQLite'} database, and DATABASE_URL names ${postgres ? 'PostgreSQL' : 'SQLite'}.`,
    );
  }
  return postgres
    ? restoreIntoPostgres(deps, file, header, options)
    : restoreIntoSqlite(deps, file, header, options);
}

type RestoreInto = (
  deps: BackupDeps,
  file: string,
  header: BackupHeader,
  options: { force?: boolean },
) => Promise<RestoreReport>;

const restoreIntoSqlite: RestoreInto = async (deps, file, header, options) => {
  const { config } = deps;
  const target = sqlitePath(config.databaseUrl);
  let occupied = false;
  if (existsSync(target)) {
    const current = openSqliteReadOnly(target);
    // A file SQLite cannot read is something else's: it is not overwritten without --force either.
    occupied = await holdsData(current)
      .catch(() => true)
      .finally(() => current.destroy());
  }
  if (occupied && !options.force) throw refuseOverwrite(target);
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temp = scratchName(target, 'restore');
  try {
    await extractPayload(file, temp, config.backups.encryptionKey);
    refuseProblems(await checkSqliteFile(temp, header.snapshot), 'The backup', 'so nothing was changed');
    const replaced = occupied
      ? await createBackup({ config, clock: deps.clock }, { label: 'pre-restore' })
      : null;
    await copySqlite(temp, target);
    const db = openDatabase({ url: config.databaseUrl });
    try {
      return await restored(db, deps, await checkSqliteFile(target, header.snapshot), replaced);
    } finally {
      await db.destroy();
    }
  } finally {
    await rm(temp, { force: true });
    await rm(`${temp}-journal`, { force: true });
  }
};

const restoreIntoPostgres: RestoreInto = async (deps, file, header, options) => {
  const { config } = deps;
  checkRestoreTool(header.snapshot.pgDumpVersion);
  return withDb({ config, clock: deps.clock }, async (db) => {
    const schema = await schemaOf(db);
    if (header.snapshot.schema && header.snapshot.schema !== schema) {
      throw new BackupError(
        `${file} holds the schema "${header.snapshot.schema}", and DATABASE_URL works in "${schema}": restore into a database whose search_path is "${header.snapshot.schema}".`,
      );
    }
    const occupied = await holdsData(db);
    if (occupied && !options.force) throw refuseOverwrite(`The schema "${schema}" of DATABASE_URL`);
    const temp = path.join(tmpdir(), `parley-${randomBytes(6).toString('hex')}.dump`);
    try {
      await extractPayload(file, temp, config.backups.encryptionKey);
      const replaced = occupied
        ? await createBackup({ config, clock: deps.clock, db }, { label: 'pre-restore' })
        : null;
      await restorePostgres(temp, config.databaseUrl);
      return await restored(db, deps, await checkDatabase(db, header.snapshot), replaced);
    } finally {
      await rm(temp, { force: true });
    }
  });
};
