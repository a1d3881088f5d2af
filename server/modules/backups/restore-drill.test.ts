import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { createEmptyDatabase, TEST_DIALECT, type TestDatabase, urlOf } from '../../../test/db.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { loadConfig } from '../../config.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { createBackup, restoreBackup } from './backups.service.ts';

/**
 * The restore drill: Parley takes acknowledged writes from several clients at once (a mediator's
 * private notes, each with its audit event), a backup starts in the middle of them, and the
 * backup is restored into a fresh database. Every write acknowledged before the backup began
 * must be there, readable, and the audit chain must verify. SQLite: the online backup API;
 * PostgreSQL: pg_dump and pg_restore.
 */
const env = {
  PARLEY_MASTER_KEYS: `drill:${randomBytes(32).toString('base64')}`,
  BACKUP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
let dir: string;
let t: TestApp;
let restored: TestDatabase | undefined;
let restoredApp: TestApp | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'parley-drill-'));
  t = await createTestApp({ env });
});
afterAll(async () => {
  await restoredApp?.close();
  await restored?.drop();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`restore drill (${TEST_DIALECT})`, () => {
  it('restores every write acknowledged before the backup began, with the audit chain intact', async () => {
    const w = await readySpecialEducationCase(t);
    const notes = `/api/v1/cases/${w.caseId}/notes`;
    const attempted = new Set<string>();
    const acknowledged: string[] = [];
    let stopping = false;
    let warmedUp!: () => void;
    const enough = new Promise<void>((resolve) => {
      warmedUp = resolve;
    });
    const writer = async (name: string) => {
      for (let i = 0; !stopping; i++) {
        const body = `${name}-${i} ${randomUUID()}`;
        attempted.add(body);
        const response = await w.mediator.post(notes, { kind: 'general', body });
        if (response.statusCode !== 201)
          throw new Error(`write refused: ${response.statusCode} ${response.body}`);
        acknowledged.push(body);
        if (acknowledged.length === 30) warmedUp();
      }
    };
    const writers = Promise.all(['a', 'b', 'c'].map(writer));
    await Promise.race([enough, writers]);

    // The backup begins now, in the middle of the stream; the writers carry on meanwhile.
    const before = [...acknowledged];
    const config = loadConfig({
      PARLEY_MODE: 'test',
      DATABASE_URL: urlOf(t.database),
      BACKUP_DIR: dir,
      ...env,
    });
    const report = await createBackup({ config, clock: t.clock, db: t.db });
    const duringBackup = acknowledged.length - before.length;
    stopping = true;
    await writers;
    expect(duringBackup).toBeGreaterThan(0);

    restored = await createEmptyDatabase(t.database.schema);
    const target = loadConfig({
      PARLEY_MODE: 'test',
      DATABASE_URL: urlOf(restored),
      BACKUP_DIR: dir,
      ...env,
    });
    const outcome = await restoreBackup({ config: target, clock: t.clock }, report.file);
    expect(outcome.warnings).toEqual([]);

    const chain = await verifyAuditTrail(restored.db);
    expect(chain).toEqual({ ok: true, events: report.header.snapshot.audit.seq });
    // Each note and its audit event committed together: the copy holds both or neither.
    const written = await restored.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'note.written')
      .executeTakeFirstOrThrow();
    const rows = await restored.db.selectFrom('case_notes').select('id').execute();
    expect(rows.length).toBe(Number(written.n));

    // Read back through Parley on the restored database, decrypted under the same master key.
    restoredApp = await createTestApp({ database: restored, env });
    const mediator = await signedIn(restoredApp.app, w.mediatorUser);
    const bodies = json<{ body: string }[]>(await mediator.get(notes)).map((n) => n.body);
    expect(bodies.length).toBe(rows.length);
    const missing = before.filter((body) => !bodies.includes(body));
    expect(missing).toEqual([]);
    expect(bodies.filter((body) => !attempted.has(body))).toEqual([]);
  });
});
