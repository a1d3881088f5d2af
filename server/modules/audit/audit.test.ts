import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { TEST_DIALECT } from '../../../test/db.ts';
import { inTransaction } from '../../db/database.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { recordAudit, verifyAuditTrail } from './audit.service.ts';

const run = promisify(execFile);
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// A fresh chain of six events for each tampering case.
beforeEach(async () => {
  await t.db.deleteFrom('audit_events').execute();
  await t.db
    .updateTable('audit_head')
    .set({ seq: 0, hash: '0'.repeat(64) })
    .execute();
  for (let i = 1; i <= 6; i += 1) {
    await inTransaction(t.db, (tx) =>
      recordAudit(tx, {
        kind: 'program.updated',
        at: t.clock.now(),
        subjectType: 'program',
        subjectId: `p${i}`,
        data: { n: i },
      }),
    );
  }
});

/** Runs `npm run audit:verify` against the test database, as an operator would. */
async function verifyFromCommandLine() {
  const url =
    TEST_DIALECT === 'postgres'
      ? `${t.database.url}?options=${encodeURIComponent(`-c search_path=${t.database.schema}`)}`
      : t.database.url;
  try {
    const { stdout } = await run(process.execPath, ['server/modules/audit/verify-cli.ts'], {
      env: { ...process.env, DATABASE_URL: url, PARLEY_MODE: 'test' },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

describe('audit trail tampering', () => {
  it('verifies an untouched chain, through the command and the administrator API', async () => {
    expect(await verifyAuditTrail(t.db)).toEqual({ ok: true, events: 6 });
    const cli = await verifyFromCommandLine();
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.output).toMatch(/intact: 6 events/);

    const admin = await buildUser(t.deps, { grants: [{ role: 'admin' }] });
    const client = await signedIn(t.app, admin);
    // Signing in appended an event; the chain still verifies.
    expect(json(await client.get('/api/v1/audit/verify'))).toMatchObject({ ok: true });
  });

  it('names the edited row', async () => {
    await t.db.updateTable('audit_events').set({ data: '{"n":"changed"}' }).where('seq', '=', 3).execute();
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, brokenAt: 3 });
    const cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 3/);
  });

  it('names the deleted row, in the middle and at the end', async () => {
    await t.db.deleteFrom('audit_events').where('seq', '=', 4).execute();
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, brokenAt: 4 });
    expect((await verifyFromCommandLine()).output).toMatch(/BROKEN at event 4/);
  });

  it('names a deleted newest row', async () => {
    await t.db.deleteFrom('audit_events').where('seq', '=', 6).execute();
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('names the first row of a reordering', async () => {
    // Swap rows 2 and 5 by their sequence numbers.
    await t.db.updateTable('audit_events').set({ seq: -2 }).where('seq', '=', 2).execute();
    await t.db.updateTable('audit_events').set({ seq: 2 }).where('seq', '=', 5).execute();
    await t.db.updateTable('audit_events').set({ seq: 5 }).where('seq', '=', -2).execute();
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, brokenAt: 2 });
    expect((await verifyFromCommandLine()).output).toMatch(/BROKEN at event 2/);
  });
});
