import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import type { MailMessage } from '../../infra/mailer.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

// An app whose mail really goes out (to this list), so the outbox holds sent copies.
const delivered: MailMessage[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    mailer: {
      kind: 'smtp',
      async send(message) {
        delivered.push(message);
      },
    },
  });
});
afterAll(async () => t.close());
const runJobs = () => createJobRunner(t.deps, JOBS).runDueJobs();

describe('live links leave the outbox once sent', () => {
  it('delivers the reset link, then keeps only a copy without it', async () => {
    const person = await buildUser(t.deps);
    await new TestClient(t.app).post('/api/v1/auth/password-reset/request', { email: person.email });
    await runJobs();
    const sent = delivered.find((m) => m.to === person.email);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(sent?.text ?? '')?.[1];
    expect(token).toBeDefined();

    const copy = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', person.email)
      .executeTakeFirstOrThrow();
    expect(copy.status).toBe('sent');
    expect(copy.text_body).not.toContain(token);
    expect(copy.text_body).toContain('#token=(removed once sent)');
    expect(copy.text_body).toMatch(/To choose a new password/);
    // The link the person received still works.
    const reset = await new TestClient(t.app).post('/api/v1/auth/password-reset', {
      token,
      password: 'a fresh and unusual passphrase',
    });
    expect(reset.statusCode).toBe(200);
  });
});

describe('the retention jobs', () => {
  it('drop ended sessions and sign-in attempts after 30 days, and sent mail after 90', async () => {
    const person = await buildUser(t.deps);
    await new TestClient(t.app).signIn(person.email, person.password);
    const ended = await new TestClient(t.app).signIn(person.email, person.password);
    await ended.post('/api/v1/auth/sign-out');
    await new TestClient(t.app, '10.40.0.1').post('/api/v1/auth/sign-in', {
      email: person.email,
      password: 'not the one',
    });
    await runJobs();
    const count = async () => ({
      sessions: (await t.db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute())
        .length,
      attempts: (
        await t.db.selectFrom('sign_in_attempts').select('id').where('email', '=', person.email).execute()
      ).length,
      mail: (await t.db.selectFrom('outbox_emails').select('id').execute()).length,
    });
    const before = await count();
    expect(before).toMatchObject({ sessions: 2, attempts: 3 });
    expect(before.mail).toBeGreaterThan(0);

    // Sessions last three days at most; what ended 31 days ago goes, one that began today stays.
    t.clock.advance(31 * DAY);
    await new TestClient(t.app).signIn(person.email, person.password);
    await runJobs();
    expect(await count()).toMatchObject({ sessions: 1, attempts: 1, mail: before.mail });

    t.clock.advance(60 * DAY);
    await runJobs();
    expect((await count()).mail).toBe(0);
  });
});
