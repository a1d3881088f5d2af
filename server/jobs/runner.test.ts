import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { Db } from '../db/database.ts';
import { MINUTE } from '../infra/clock.ts';
import type { Deps } from '../infra/deps.ts';
import type { Mailer, MailMessage } from '../infra/mailer.ts';
import { queueEmail } from '../modules/mail/mail.service.ts';
import { JOBS } from './jobs.ts';
import { createJobRunner, enqueueJob } from './runner.ts';

/** A mail server that records what it was given and can be told to fail. */
function recordingMailer(failFirst = 0): Mailer & { sent: MailMessage[] } {
  let failures = failFirst;
  const sent: MailMessage[] = [];
  return {
    kind: 'smtp',
    sent,
    async send(message) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('421 try again later');
      }
      // A little latency, so two runners really overlap.
      await new Promise((r) => setTimeout(r, 2));
      sent.push(message);
    },
  };
}

let t: TestApp;
let mailer: ReturnType<typeof recordingMailer>;
beforeAll(async () => {
  mailer = recordingMailer();
  t = await createTestApp({ mailer });
});
afterAll(async () => t.close());

const depsWith = (db: Db, m: Mailer): Deps => ({ ...t.deps, db, mailer: m });

describe('the outbox and job runner', () => {
  it('holds mail in the outbox when no SMTP server is configured', async () => {
    const held = await createTestApp();
    await queueEmail(held.db, held.deps, { to: 'held@example.test', template: 't', subject: 's', text: 'x' });
    const row = await held.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', 'held@example.test')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('held');
    expect(await held.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    await held.close();
  });

  it('retries a failed send with back-off and sends it once', async () => {
    const flaky = recordingMailer(2);
    const deps = depsWith(t.db, flaky);
    await queueEmail(t.db, deps, {
      to: 'retry@example.test',
      template: 't',
      subject: 'Retry me',
      text: 'hello',
    });
    const runner = createJobRunner(deps, JOBS, 'worker-a');
    await runner.runDueJobs();
    expect(flaky.sent).toHaveLength(0);
    // Not yet due again: back-off holds it.
    await runner.runDueJobs();
    expect(flaky.sent).toHaveLength(0);
    t.clock.advance(MINUTE);
    await runner.runDueJobs();
    t.clock.advance(5 * MINUTE);
    await runner.runDueJobs();
    expect(flaky.sent.map((m) => m.subject)).toEqual(['Retry me']);
    const row = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', 'retry@example.test')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('runs each job exactly once with two servers claiming from one database', async () => {
    const shared = recordingMailer();
    const otherConnection = t.database.open();
    for (let i = 0; i < 30; i += 1) {
      await queueEmail(t.db, depsWith(t.db, shared), {
        to: `many${i}@example.test`,
        template: 't',
        subject: `n${i}`,
        text: 'x',
      });
    }
    const a = createJobRunner(depsWith(t.db, shared), JOBS, 'server-a');
    const b = createJobRunner(depsWith(otherConnection, shared), JOBS, 'server-b');
    for (let round = 0; round < 4; round += 1) await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    const subjects = shared.sent.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    await otherConnection.destroy();
  });

  it('enqueues a job with a unique key only once', async () => {
    expect(await enqueueJob(t.db, t.deps, { kind: 'noop', uniqueKey: 'reminder:m1:2026-03-02' })).toBe(true);
    expect(await enqueueJob(t.db, t.deps, { kind: 'noop', uniqueKey: 'reminder:m1:2026-03-02' })).toBe(false);
  });
});
