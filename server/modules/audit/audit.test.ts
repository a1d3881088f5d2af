import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChainedEvent, canonicalJson, GENESIS_HASH, hashEvent } from '../../../domain/audit-chain.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { withoutAuditGuards } from '../../../test/audit-guards.ts';
import { json, signedIn } from '../../../test/client.ts';
import { urlOf } from '../../../test/db.ts';
import { inTransaction } from '../../db/database.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { auditKey, auditKeyOf, recordAudit, verifyAuditTrail } from './audit.service.ts';
import { mailCheckpoint, writeCheckpoint } from './checkpoints.ts';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'parley-audit-'));
const checkpoints = path.join(dir, 'checkpoints.jsonl');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { AUDIT_CHECKPOINTS: checkpoints } });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = () => t.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();

/** Replaces the whole trail, the guards lifted, as someone with the database's owner rights could. */
async function resetTrail() {
  await withoutAuditGuards(t.db, async () => {
    await t.db.deleteFrom('audit_events').execute();
    await t.db.updateTable('audit_head').set({ seq: 0, hash: GENESIS_HASH }).execute();
  });
}

async function record(i: number) {
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

// A fresh chain of six events for each case, and a checkpoint of it kept outside the database.
beforeEach(async () => {
  await resetTrail();
  rmSync(checkpoints, { force: true });
  for (let i = 1; i <= 6; i += 1) await record(i);
  await writeCheckpoint(t.deps);
});

/** Runs `npm run audit:verify` against the test database, as an operator would. */
async function verifyFromCommandLine(env: Record<string, string> = {}, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['server/modules/audit/verify-cli.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: urlOf(t.database),
        PARLEY_MODE: 'test',
        AUDIT_CHECKPOINTS: checkpoints,
        ...env,
      },
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

/** Rewrites rows from `from` on with their hashes recomputed, as an attacker without the key can. */
async function recomputeFrom(from: number, hashOf: (e: ChainedEvent) => string) {
  const all = await rows();
  let prev = from === 1 ? GENESIS_HASH : all[from - 2]!.hash;
  await withoutAuditGuards(t.db, async () => {
    for (const row of all.filter((r) => r.seq >= from)) {
      const event = { ...row, prev_hash: prev };
      const hash = hashOf(event);
      await t.db
        .updateTable('audit_events')
        .set({ prev_hash: prev, hash, chain_version: event.chain_version })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    await t.db.updateTable('audit_head').set({ hash: prev }).execute();
  });
}

describe('the audit trail', () => {
  it('verifies an untouched chain, through the command and the administrator API', async () => {
    expect(await verifyAuditTrail(t.db)).toEqual({ ok: true, events: 6 });
    expect((await rows()).map((r) => r.chain_version)).toEqual([2, 2, 2, 2, 2, 2]);
    const cli = await verifyFromCommandLine();
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.output).toMatch(/intact: 6 events verified, passing through 1 checkpoint/);
    const admin = await buildUser(t.deps, { grants: [{ role: 'admin' }] });
    const client = await signedIn(t.app, admin);
    // Signing in appended an event; the chain still verifies.
    expect(json(await client.get('/api/v1/audit/verify'))).toMatchObject({ ok: true });
  });

  it('keeps verifying the rows written before the chain was keyed', async () => {
    await resetTrail();
    rmSync(checkpoints, { force: true });
    // Three rows as the unkeyed chain wrote them, then three keyed ones after them.
    let prev = GENESIS_HASH;
    await withoutAuditGuards(t.db, async () => {
      for (let seq = 1; seq <= 3; seq += 1) {
        const event = {
          seq,
          id: `old-${seq}`,
          occurred_at: '2026-01-01T00:00:00.000Z',
          kind: 'program.updated',
          actor_id: null,
          program_id: null,
          case_id: null,
          subject_type: 'program',
          subject_id: `p${seq}`,
          data: canonicalJson({ n: seq }),
          ip: null,
          prev_hash: prev,
          chain_version: 1,
        };
        prev = hashEvent(event, Buffer.alloc(0))!;
        await t.db
          .insertInto('audit_events')
          .values({ ...event, hash: prev })
          .execute();
      }
      await t.db.updateTable('audit_head').set({ seq: 3, hash: prev }).execute();
    });
    for (let i = 4; i <= 6; i += 1) await record(i);
    expect((await rows()).map((r) => r.chain_version)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(await verifyAuditTrail(t.db)).toEqual({ ok: true, events: 6 });
  });

  it('is guarded by the database: no UPDATE or DELETE of an event, and the head only moves forward', async () => {
    await expect(
      t.db.updateTable('audit_events').set({ data: '{}' }).where('seq', '=', 3).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_events').where('seq', '=', 6).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    const fifth = (await rows())[4]!;
    await expect(t.db.updateTable('audit_head').set({ seq: 5, hash: fifth.hash }).execute()).rejects.toThrow(
      /only moves forward/,
    );
    await expect(t.db.deleteFrom('audit_head').execute()).rejects.toThrow(/only moves forward/);
    if (t.database.schema) {
      const { sql } = await import('kysely');
      await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    }
    expect(await verifyAuditTrail(t.db)).toEqual({ ok: true, events: 6 });
  });
});

describe('audit trail tampering, each named by audit:verify', () => {
  it('an edited row', async () => {
    await withoutAuditGuards(t.db, () =>
      t.db.updateTable('audit_events').set({ data: '{"n":"changed"}' }).where('seq', '=', 3).execute(),
    );
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: false, brokenAt: 3 });
    const cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 3: its content no longer matches its keyed hash/);
  });

  it('a deleted row', async () => {
    await withoutAuditGuards(t.db, () => t.db.deleteFrom('audit_events').where('seq', '=', 4).execute());
    const cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 4: event 4 is missing: it was deleted/);
  });

  it('the newest rows deleted and the head moved back onto the last one left', async () => {
    const fourth = (await rows())[3]!;
    await withoutAuditGuards(t.db, async () => {
      await t.db.deleteFrom('audit_events').where('seq', '>', 4).execute();
      await t.db.updateTable('audit_head').set({ seq: 4, hash: fourth.hash }).execute();
    });
    // Inside the database the shortened chain is consistent; the checkpoint outside it is not.
    expect(await verifyAuditTrail(t.db)).toEqual({ ok: true, events: 4 });
    const cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 5: .*checkpoint .* saw 6 events and the trail holds 4/);
    // Without a checkpoint the command says it could not check this.
    const blind = await verifyFromCommandLine({ AUDIT_CHECKPOINTS: 'log' });
    expect(blind).toMatchObject({ code: 0 });
    expect(blind.output).toMatch(/No checkpoint to compare with/);
  });

  it('an edited row with every later hash recomputed, unkeyed or under a guessed key', async () => {
    await withoutAuditGuards(t.db, () =>
      t.db.updateTable('audit_events').set({ data: '{"n":"changed"}' }).where('seq', '=', 3).execute(),
    );
    // The old, unkeyed form: refused after keyed rows.
    await recomputeFrom(3, (e) => hashEvent({ ...e, chain_version: 1 }, Buffer.alloc(0))!);
    await withoutAuditGuards(t.db, () =>
      t.db.updateTable('audit_events').set({ chain_version: 1 }).where('seq', '>=', 3).execute(),
    );
    let cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 3: it carries an unkeyed hash after keyed ones/);
    // Keyed, under a key that is not APP_SECRET's.
    const guessed = auditKeyOf('a guess at the secret, thirty-two chars');
    await withoutAuditGuards(t.db, () =>
      t.db.updateTable('audit_events').set({ chain_version: 2 }).where('seq', '>=', 3).execute(),
    );
    await recomputeFrom(3, (e) => hashEvent({ ...e, chain_version: 2 }, guessed)!);
    cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 3: its content no longer matches its keyed hash/);
  });

  it('the whole chain rewritten in the unkeyed form, caught by the checkpoint', async () => {
    await withoutAuditGuards(t.db, () =>
      t.db.updateTable('audit_events').set({ chain_version: 1 }).execute(),
    );
    await recomputeFrom(1, (e) => hashEvent({ ...e, chain_version: 1 }, Buffer.alloc(0))!);
    const cli = await verifyFromCommandLine();
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/BROKEN at event 6: the checkpoint of .* saw another hash here/);
  });

  it('refuses a forged checkpoint, and a key from another APP_SECRET', async () => {
    const line = readFileSync(checkpoints, 'utf8').trim();
    const forged = path.join(dir, 'forged.jsonl');
    writeFileSync(forged, `${JSON.stringify({ ...JSON.parse(line), events: 3 })}\n`);
    const cli = await verifyFromCommandLine({}, ['--checkpoints', forged]);
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(
      /Checkpoint refused: the checkpoint on line 1 of .*forged.jsonl is not signed/,
    );
    const other = await verifyFromCommandLine({ APP_SECRET: 'another secret of at least 32 characters' });
    expect(other.code).toBe(1);
    expect(other.output).toMatch(/BROKEN at event 1: .*or APP_SECRET is not the one that wrote it/);
  });
});

describe('checkpoints', () => {
  it('are appended only when the head moved, and mailed to every administrator once a day', async () => {
    expect(await writeCheckpoint(t.deps)).toBeNull();
    await record(7);
    expect(await writeCheckpoint(t.deps)).toMatchObject({ events: 7 });
    const lines = readFileSync(checkpoints, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).events)).toEqual([6, 7]);

    const admin = await buildUser(t.deps, { grants: [{ role: 'admin' }] });
    await mailCheckpoint(t.deps);
    const mail = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', admin.email.toLowerCase())
      .where('template', '=', 'audit-checkpoint')
      .executeTakeFirstOrThrow();
    // The mailed line is itself a checkpoint the command accepts.
    const saved = path.join(dir, 'mailed.jsonl');
    writeFileSync(saved, `${mail.text_body.trim().split('\n').at(-1)}\n`);
    const cli = await verifyFromCommandLine({ AUDIT_CHECKPOINTS: 'log' }, ['--checkpoints', saved]);
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.output).toMatch(/passing through 1 checkpoint/);
    expect(auditKey()).toEqual(auditKeyOf(t.config.appSecret));
  });

  it('go to the log when AUDIT_CHECKPOINTS is log', async () => {
    const logged = await createTestApp({ env: { AUDIT_CHECKPOINTS: 'log' }, database: t.database });
    try {
      await writeCheckpoint(logged.deps);
      expect(logged.logs.join('')).toMatch(/"auditCheckpoint":\{"events":\d+,"hash":"[0-9a-f]{64}"/);
    } finally {
      await logged.app.close();
    }
  });
});
