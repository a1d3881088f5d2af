import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { exportOf } from '../../../test/data-export.ts';
import { buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';

// Deleting the account of an association member: what the association must keep stays (naming no
// one), what only linked the person to it goes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('deleting an account keeps what the association must keep', () => {
  it("a member's payment keeps its receipt after the member deletes the account", async () => {
    const tier = await buildTier(t.deps, { annualDuesCents: 9500 });
    const member = await buildUser(t.deps, { name: 'Morgan Payer' });
    const staff = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
    const memberClient = await signedIn(t.app, member);
    const staffClient = await signedIn(t.app, staff);
    const joined = await memberClient.post('/api/v1/association/membership', { tierId: tier.id });
    expect(joined.statusCode, joined.body).toBeLessThan(300);
    const paid = await staffClient.post('/api/v1/association/payments', {
      userId: member.id,
      purpose: 'dues',
      method: 'cheque',
      amountCents: 9500,
      receivedOn: '2026-03-02',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const paymentId = json<{ id: string }>(paid).id;

    const done = await memberClient.post('/api/v1/account/data/deletion', {
      password: member.password,
      confirm: true,
    });
    expect(done.statusCode, done.body).toBe(200);

    const receipt = await staffClient.get(`/api/v1/association/payments/${paymentId}/receipt`);
    expect(receipt.statusCode, receipt.body.slice(0, 200)).toBe(200);
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('deleting an account removes what only linked the person to the association', () => {
  it('their newsletter choice, job alerts and ticked path steps go; their membership stays, naming no one', async () => {
    const tier = await buildTier(t.deps, { annualDuesCents: 0 });
    const member = await buildUser(t.deps, { name: 'Robin Reader', grants: [{ role: 'member' }] });
    const client = await signedIn(t.app, member);
    const joined = await client.post('/api/v1/association/membership', { tierId: tier.id });
    expect(joined.statusCode, joined.body).toBeLessThan(300);
    for (const [path, body] of [
      ['/api/v1/association/newsletter-subscription', { subscribed: false }],
      ['/api/v1/association/job-alerts', { subscribed: true }],
      ['/api/v1/association/path/observe-co-mediate', { done: true }],
    ] as const) {
      const r = await client.put(path, body);
      expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
    }
    const rows = async () => ({
      newsletter: (
        await t.db
          .selectFrom('newsletter_unsubscribes')
          .select('user_id')
          .where('user_id', '=', member.id)
          .execute()
      ).length,
      alerts: (
        await t.db
          .selectFrom('job_alert_subscriptions')
          .select('user_id')
          .where('user_id', '=', member.id)
          .execute()
      ).length,
      ticks: (
        await t.db
          .selectFrom('mediator_path_ticks')
          .select('user_id')
          .where('user_id', '=', member.id)
          .execute()
      ).length,
      memberships: (
        await t.db.selectFrom('memberships').select('id').where('user_id', '=', member.id).execute()
      ).length,
    });
    // Robin also signed up on the public newsletter page, with her account's address typed otherwise.
    const visitor = new TestClient(t.app, '10.42.1.1');
    const signUp = await visitor.post('/api/v1/association/newsletter-sign-ups', {
      email: member.email.toUpperCase(),
    });
    expect(signUp.statusCode).toBe(202);
    const signUps = () =>
      t.db
        .selectFrom('newsletter_subscribers')
        .select('status')
        .where('email', '=', member.email.toLowerCase())
        .execute();
    expect(await signUps()).toEqual([{ status: 'pending' }]);
    const exported = (await exportOf(client)).data;
    expect(exported.yourNewsletterSignUp).toMatchObject({
      email: member.email.toLowerCase(),
      status: 'pending',
      confirmedAt: null,
    });
    expect(await rows()).toEqual({ newsletter: 1, alerts: 1, ticks: 1, memberships: 1 });

    const preview = json<{ deleted: { what: string }[]; kept: { what: string }[] }>(
      await client.get('/api/v1/account/data/deletion'),
    );
    expect(preview.deleted.map((d) => d.what).join(' ')).toContain(
      'newsletter sign-up and choices, your job alerts',
    );
    expect(preview.kept.map((d) => d.what)).toContain('Your memberships in the association');

    const done = await client.post('/api/v1/account/data/deletion', {
      password: member.password,
      confirm: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await rows()).toEqual({ newsletter: 0, alerts: 0, ticks: 0, memberships: 1 });
    expect(await signUps()).toEqual([]);
    const user = await t.db
      .selectFrom('users')
      .select(['name', 'email'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Deleted person');
    expect(user.email).not.toContain('robin');
  });
});
