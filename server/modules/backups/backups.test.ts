import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { withoutAuditGuards } from '../../../test/audit-guards.ts';
import { signedIn } from '../../../test/client.ts';
import { createEmptyDatabase, TEST_DIALECT, type TestDatabase, urlOf } from '../../../test/db.ts';
import { type Config, loadConfig } from '../../config.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { readBackupHeader } from './backup-file.ts';
import { createBackup, restoreBackup } from './backups.service.ts';

const run = promisify(execFile);
const KEY = randomBytes(32).toString('base64');
const NAME = 'Wilhelmina Backupworth';

let t: TestApp;
let dir: string;
const empties: TestDatabase[] = [];

/** Parley's configuration for the test database (or another), backing up into `dir`. */
function config(
  env: Record<string, string> = {},
  database: Pick<TestDatabase, 'url' | 'schema'> = t.database,
): Config {
  return loadConfig({ PARLEY_MODE: 'test', DATABASE_URL: urlOf(database), BACKUP_DIR: dir, ...env });
}

async function empty() {
  const database = await createEmptyDatabase(t.database.schema);
  empties.push(database);
  return database;
}

const users = async (db: TestApp['db']) =>
  (await db.selectFrom('users').select('name').orderBy('name').execute()).map((u) => u.name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'parley-backups-'));
  t = await createTestApp();
  const person = await buildUser(t.deps, { name: NAME, grants: [{ role: 'party' }] });
  await signedIn(t.app, person); // an audit event
  await buildUser(t.deps, { name: 'Second Person' });
});
afterAll(async () => {
  for (const database of empties) await database.drop();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  it('makes a checked backup while the database is open, and restores it into an empty database', async () => {
    const report = await createBackup({ config: config(), clock: t.clock, db: t.db });
    expect(path.dirname(report.file)).toBe(dir);
    expect(report.header.payload).toBe(TEST_DIALECT === 'sqlite' ? 'sqlite' : 'pg_dump');
    expect(report.header.snapshot.tables.users).toBe(2);
    expect(report.header.snapshot.audit.seq).toBeGreaterThan(0);
    expect(report.checks.join('\n')).toMatch(
      TEST_DIALECT === 'sqlite'
        ? /integrity check: ok/
        : /restored into a scratch database, audit trail: intact/,
    );
    expect(report.checks.join('\n')).toMatch(/rows: all \d+ tables hold what they held/);

    const target = await empty();
    const checkpoints = path.join(dir, 'audit-checkpoints.jsonl');
    const restored = await restoreBackup(
      { config: config({ AUDIT_CHECKPOINTS: checkpoints }, target), clock: t.clock },
      report.file,
    );
    expect(restored.replacedBackup).toBeNull();
    expect(restored.checks.join('\n')).toMatch(/audit trail: intact/);
    // The restored head starts the checkpoints again: the ones before it described another database.
    expect(JSON.parse(readFileSync(checkpoints, 'utf8').trim().split('\n').at(-1)!)).toMatchObject({
      restored: true,
      events: report.header.snapshot.audit.seq,
    });
    expect(await users(target.db)).toEqual(await users(t.db));
    expect(await verifyAuditTrail(target.db)).toEqual({ ok: true, events: report.header.snapshot.audit.seq });
  });

  it('encrypts with BACKUP_ENCRYPTION_KEY: no readable words in the file, and restoring needs the key', async () => {
    const report = await createBackup({
      config: config({ BACKUP_ENCRYPTION_KEY: KEY }),
      clock: t.clock,
      db: t.db,
    });
    expect(report.checks).toContain(`encrypted (key id ${report.header.encryption?.keyId})`);
    expect(readFileSync(report.file).includes(Buffer.from(NAME))).toBe(false);
    const target = await empty();
    await expect(restoreBackup({ config: config({}, target), clock: t.clock }, report.file)).rejects.toThrow(
      /is encrypted: set BACKUP_ENCRYPTION_KEY/,
    );
    const other = randomBytes(32).toString('base64');
    await expect(
      restoreBackup(
        { config: config({ BACKUP_ENCRYPTION_KEY: other }, target), clock: t.clock },
        report.file,
      ),
    ).rejects.toThrow(/was encrypted with another key/);
    expect(await users(target.db).catch(() => [])).toEqual([]);
    await restoreBackup(
      { config: config({ BACKUP_ENCRYPTION_KEY: KEY }, target), clock: t.clock },
      report.file,
    );
    expect(await users(target.db)).toContain(NAME);
  });

  it('refuses a database that holds data unless forced, and then backs it up first', async () => {
    t.clock.advance(60_000);
    const report = await createBackup({ config: config(), clock: t.clock, db: t.db });
    await buildUser(t.deps, { name: 'Added After The Backup' });
    await expect(restoreBackup({ config: config(), clock: t.clock }, report.file)).rejects.toThrow(
      /already holds data, and a restore would replace it. Run the restore again with --force/,
    );
    expect(await users(t.db)).toContain('Added After The Backup');

    t.clock.advance(60_000);
    const restored = await restoreBackup({ config: config(), clock: t.clock }, report.file, { force: true });
    expect(restored.replacedBackup).toMatch(/-pre-restore\.backup$/);
    expect(await users(t.db)).not.toContain('Added After The Backup');
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
    // What the restore replaced is in the backup it took first.
    const target = await empty();
    await restoreBackup({ config: config({}, target), clock: t.clock }, restored.replacedBackup!);
    expect(await users(target.db)).toContain('Added After The Backup');
  });

  it('keeps no copy whose audit trail does not verify', async () => {
    const source = await createTestApp();
    try {
      await signedIn(source.app, await buildUser(source.deps, { name: 'Edited Later' }));
      await withoutAuditGuards(source.db, () =>
        source.db.updateTable('audit_events').set({ data: '{"edited":true}' }).where('seq', '=', 1).execute(),
      );
      const before = readdirSync(dir);
      await expect(
        createBackup({ config: config({}, source.database), clock: source.clock, db: source.db }),
      ).rejects.toThrow(/does not check out, so no backup was kept:\n.*audit trail broken at event 1/);
      expect(readdirSync(dir)).toEqual(before);
    } finally {
      await source.close();
    }
  });

  it('restores nothing from a damaged file, or from a backup of the other kind of database', async () => {
    const report = await createBackup({
      config: config({ BACKUP_ENCRYPTION_KEY: KEY }),
      clock: t.clock,
      db: t.db,
    });
    const damaged = `${report.file}.damaged`;
    const bytes = readFileSync(report.file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const target = await empty();
    await expect(
      restoreBackup({ config: config({ BACKUP_ENCRYPTION_KEY: KEY }, target), clock: t.clock }, damaged),
    ).rejects.toThrow(/is damaged or was altered/);
    expect(await users(target.db).catch(() => [])).toEqual([]);

    const other = TEST_DIALECT === 'sqlite' ? 'postgres://nobody@127.0.0.1:1/none' : 'file:unused.db';
    await expect(
      restoreBackup(
        { config: loadConfig({ PARLEY_MODE: 'test', DATABASE_URL: other }), clock: t.clock },
        report.file,
      ),
    ).rejects.toThrow(/is a backup of a .* database, and DATABASE_URL names/);
  });

  it('runs from the command line, exiting 1 with the reason when it refuses', async () => {
    const cli = async (script: string, args: string[], database: Pick<TestDatabase, 'url' | 'schema'>) => {
      const env = { ...process.env, PARLEY_MODE: 'test', DATABASE_URL: urlOf(database), BACKUP_DIR: dir };
      try {
        const { stdout } = await run(process.execPath, [`server/modules/backups/${script}`, ...args], {
          env,
        });
        return { code: 0, output: stdout };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, output: `${e.stdout}${e.stderr}` };
      }
    };
    t.clock.advance(60_000);
    const made = await cli('backup-cli.ts', ['--label', 'before-upgrade'], t.database);
    expect(made).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^Backup written: .*-before-upgrade\.backup\n/),
    });
    const file = /Backup written: (\S+)/.exec(made.output)![1]!;
    expect((await readBackupHeader(file)).snapshot.tables.users).toBe((await users(t.db)).length);

    const refused = await cli('restore-cli.ts', [file], t.database);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Nothing was restored: .* already holds data/);
    const target = await empty();
    const restored = await cli('restore-cli.ts', [file], target);
    expect(restored).toMatchObject({
      code: 0,
      output: expect.stringMatching(/Restored .*\n {2}.*audit trail: intact/s),
    });
    expect(await users(target.db)).toEqual(await users(t.db));
    expect((await cli('restore-cli.ts', [], target)).code).toBe(2);
  });

  it('the job runner makes a backup each day when BACKUP_JOB is on, and not otherwise', async () => {
    const jobsDir = mkdtempSync(path.join(tmpdir(), 'parley-backup-job-'));
    try {
      const off = createJobRunner({ ...t.deps, config: config({ BACKUP_DIR: jobsDir }) }, JOBS);
      await off.runDueJobs();
      expect(readdirSync(jobsDir)).toEqual([]);
      t.clock.advance(24 * 3_600_000);
      const on = createJobRunner(
        { ...t.deps, config: config({ BACKUP_DIR: jobsDir, BACKUP_JOB: 'on' }) },
        JOBS,
      );
      await on.runDueJobs();
      await on.runDueJobs();
      expect(readdirSync(jobsDir)).toHaveLength(1);
      expect(existsSync(path.join(jobsDir, readdirSync(jobsDir)[0]!))).toBe(true);
      t.clock.advance(24 * 3_600_000);
      await on.runDueJobs();
      expect(readdirSync(jobsDir)).toHaveLength(2);
    } finally {
      rmSync(jobsDir, { recursive: true, force: true });
    }
  });
});
