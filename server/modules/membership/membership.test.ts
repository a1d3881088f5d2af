import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyMembership, type Tier } from '../../../contracts/membership.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { reviewMemberships } from './membership.jobs.ts';

let t: TestApp;
let staff: TestClient;
let staffPerson: Awaited<ReturnType<typeof buildUser>>;
beforeAll(async () => {
  t = await createTestApp();
  staffPerson = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
  staff = await signedIn(t.app, staffPerson);
});
afterAll(async () => t.close());

const grantsOf = async (userId: string) =>
  (await t.db.selectFrom('role_grants').select('role').where('user_id', '=', userId).execute()).map(
    (g) => g.role,
  );

describe('membership tiers', () => {
  it('lets staff create a tier and refuses bad input naming the field', async () => {
    const bad = await staff.post('/api/v1/association/tiers', {
      slug: 'full',
      name: 'Full',
      annualDuesCents: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({ fields: { annualDuesCents: expect.any(String) } });
    const ok = await staff.post('/api/v1/association/tiers', {
      slug: 'full-test',
      name: 'Full',
      annualDuesCents: 9500,
      includesListing: true,
      benefits: ['Listing in Find a Mediator'],
    });
    expect(ok.statusCode).toBe(201);
    const again = await staff.post('/api/v1/association/tiers', {
      slug: 'full-test',
      name: 'Again',
      annualDuesCents: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).error).toMatchObject({ fields: { slug: 'is already used' } });
    const tiers = json<{ slug: string }[]>(await staff.get('/api/v1/association/tiers'));
    expect(tiers.map((x) => x.slug)).toContain('full-test');
  });
});

describe('joining, paying offline, and the year running out', () => {
  it('activates on a recorded payment, sends a PDF receipt, then goes to grace and lapses with reminders', async () => {
    const tier = await buildTier(t.deps, {
      name: 'Full',
      annualDuesCents: 9500,
      includesListing: true,
      graceDays: 30,
    });
    const person = await buildUser(t.deps, { name: 'Jamie Rivera' });
    const me = await signedIn(t.app, person);

    const badJoin = await me.post('/api/v1/association/membership', { tierId: 'nope' });
    expect(badJoin.statusCode, badJoin.body).toBe(400);
    expect(json(badJoin).error).toMatchObject({ fields: { tierId: expect.any(String) } });

    const joined = await me.post('/api/v1/association/membership', { tierId: tier.id });
    expect(joined.statusCode).toBe(200);
    expect(json(joined)).toMatchObject({ membership: { status: 'pending', duesCents: 9500 } });
    expect((await lastEmailTo(t.db, person.email)).template).toBe('membership-joined');
    expect(await grantsOf(person.id)).not.toContain('member');

    // Staff record the cheque: too little is refused naming the field; nothing is saved.
    const payment = {
      userId: person.id,
      purpose: 'dues',
      method: 'cheque',
      reference: 'Check 1042',
      receivedOn: '2026-03-02',
    };
    const short = await staff.post('/api/v1/association/payments', { ...payment, amountCents: 5000 });
    expect(short.statusCode).toBe(400);
    expect(json(short).error).toMatchObject({ fields: { amountCents: expect.stringContaining('$95.00') } });
    const badMethod = await staff.post('/api/v1/association/payments', {
      ...payment,
      amountCents: 9500,
      method: 'card',
    });
    expect(badMethod.statusCode).toBe(400);
    expect(json(badMethod).error).toMatchObject({ fields: { method: expect.any(String) } });
    expect(
      (await me.post('/api/v1/association/payments', { ...payment, amountCents: 9500 })).statusCode,
    ).toBe(403);

    const paid = await staff.post('/api/v1/association/payments', { ...payment, amountCents: 9500 });
    expect(paid.statusCode).toBe(201);
    const {
      id: paymentId,
      receiptNumber,
      expiresAt,
    } = json<{ id: string; receiptNumber: string; expiresAt: string }>(paid);
    expect(expiresAt).toBe('2027-03-02T15:00:00.000Z');
    expect(await grantsOf(person.id)).toContain('member');
    const mine = json<{ membership: { status: string }; payments: { receiptNumber: string }[] }>(
      await me.get('/api/v1/association/membership'),
    );
    expect(mine.membership.status).toBe('active');
    expect(mine.payments[0]?.receiptNumber).toBe(receiptNumber);

    const email = await lastEmailTo(t.db, person.email, 'payment-receipt');
    const attachments = JSON.parse(email.attachments) as { filename: string; contentType: string }[];
    expect(attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    const receipt = await me.get(`/api/v1/association/payments/${paymentId}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = pdfText(receipt.rawPayload);
    expect(text).toContain(receiptNumber);
    expect(text).toContain('$95.00');
    expect(text).toContain('Jamie Rivera');
    const stranger = await signedInAs(t);
    expect((await stranger.get(`/api/v1/association/payments/${paymentId}/receipt`)).statusCode).toBe(404);

    // 30 days before the end: one reminder, however often the job runs.
    t.clock.set(new Date(new Date(expiresAt).getTime() - 29 * DAY));
    await me.signIn(person.email, person.password);
    await staff.signIn(staffPerson.email, staffPerson.password);
    await reviewMemberships(t.deps);
    await reviewMemberships(t.deps);
    const reminders = await t.db
      .selectFrom('outbox_emails')
      .select('template')
      .where('to_address', '=', person.email)
      .where('template', 'like', 'membership-reminder-%')
      .execute();
    expect(reminders.map((r) => r.template)).toEqual(['membership-reminder-renew-30-days']);

    // Past the end: grace, benefits kept. Through the job runner, as in production.
    t.clock.set(new Date(new Date(expiresAt).getTime() + DAY));
    await me.signIn(person.email, person.password);
    await createJobRunner(t.deps, JOBS).runDueJobs();
    expect(json(await me.get('/api/v1/association/membership'))).toMatchObject({
      membership: { status: 'grace' },
    });
    expect((await lastEmailTo(t.db, person.email)).template).toBe('membership-reminder-expired');
    expect(await grantsOf(person.id)).toContain('member');

    // Past grace: lapsed, the member role goes.
    t.clock.set(new Date(new Date(expiresAt).getTime() + 31 * DAY));
    await me.signIn(person.email, person.password);
    await staff.signIn(staffPerson.email, staffPerson.password);
    expect(await reviewMemberships(t.deps)).toMatchObject({ moved: 1 });
    expect(json(await me.get('/api/v1/association/membership'))).toMatchObject({
      membership: { status: 'lapsed' },
    });
    expect((await lastEmailTo(t.db, person.email)).template).toBe('membership-reminder-lapsed');
    expect(await grantsOf(person.id)).not.toContain('member');
    expect(await reviewMemberships(t.deps)).toEqual({ moved: 0, reminded: 0 });

    // Rejoining after a lapse starts a fresh year from the payment.
    expect((await me.post('/api/v1/association/membership', { tierId: tier.id })).statusCode).toBe(200);
    const rejoin = await staff.post('/api/v1/association/payments', { ...payment, amountCents: 9500 });
    expect(json(rejoin).expiresAt).toBe('2028-04-02T15:00:00.000Z');
  });

  it('renewing during grace extends from the old end', async () => {
    t.clock.set('2026-03-02T15:00:00.000Z');
    const tier = await buildTier(t.deps, { annualDuesCents: 4000, graceDays: 30 });
    const person = await buildUser(t.deps);
    const me = await signedIn(t.app, person);
    await me.post('/api/v1/association/membership', { tierId: tier.id });
    const payment = {
      userId: person.id,
      purpose: 'dues',
      method: 'at_event',
      amountCents: 4000,
      receivedOn: '2026-03-02',
    };
    await staff.post('/api/v1/association/payments', payment);
    t.clock.set('2027-03-12T15:00:00.000Z');
    await reviewMemberships(t.deps);
    await me.signIn(person.email, person.password);
    await staff.signIn(staffPerson.email, staffPerson.password);
    expect((await me.post('/api/v1/association/membership', { tierId: tier.id })).statusCode).toBe(409);
    expect((await me.post('/api/v1/association/membership/renew', { tierId: tier.id })).statusCode).toBe(200);
    const renewed = json(await staff.post('/api/v1/association/payments', payment));
    expect(renewed.expiresAt).toBe('2028-03-02T15:00:00.000Z');
    expect(json(await me.get('/api/v1/association/membership'))).toMatchObject({
      membership: { status: 'active' },
    });
  });
});

describe('what each viewer may do', () => {
  it('offers joining, renewing and the members’ and staff pages by the rules the routes apply', async () => {
    const tier = await buildTier(t.deps, { slug: 'can-full', annualDuesCents: 5000 });
    const other = await buildTier(t.deps, { slug: 'can-other', annualDuesCents: 5000 });
    const flagsOf = async (c: TestClient | null, tierId: string) =>
      json<Tier[]>(await (c ?? new TestClient(t.app)).get('/api/v1/association/tiers')).find(
        (x) => x.id === tierId,
      )!.can;
    const mineOf = async (c: TestClient) =>
      MyMembership.parse(json(await c.get('/api/v1/association/membership')));

    // Nobody signed in: nothing to press.
    expect(await flagsOf(null, tier.id)).toEqual({ join: false, renew: false });

    const person = await buildUser(t.deps);
    const c = await signedIn(t.app, person);
    expect(await flagsOf(c, tier.id)).toEqual({ join: true, renew: false });
    expect((await mineOf(c)).can).toEqual({
      join: true,
      renew: false,
      useMembersPage: false,
      manageAssociation: false,
      // No card provider is set up in this app.
      payByCard: false,
    });

    // Waiting for dues at a tier: not that tier again (the route refuses it too), another one yes.
    await c.post('/api/v1/association/membership', { tierId: tier.id });
    expect(await flagsOf(c, tier.id)).toEqual({ join: false, renew: false });
    expect(await flagsOf(c, other.id)).toEqual({ join: true, renew: false });
    const again = await c.post('/api/v1/association/membership', { tierId: tier.id });
    expect(again.statusCode).toBe(409);
    const pending = await mineOf(c);
    expect(pending.membership).toMatchObject({ status: 'pending', duesOwed: true, hasBenefits: false });

    // Paid: a member in good standing renews, and may use the members' page.
    await staff.post('/api/v1/association/payments', {
      userId: person.id,
      purpose: 'dues',
      method: 'cheque',
      amountCents: 5000,
      receivedOn: '2026-03-02',
    });
    expect(await flagsOf(c, tier.id)).toEqual({ join: false, renew: true });
    const active = await mineOf(c);
    expect(active.membership).toMatchObject({ status: 'active', duesOwed: false, hasBenefits: true });
    expect(active.can).toEqual({
      join: false,
      renew: true,
      useMembersPage: true,
      manageAssociation: false,
      payByCard: false,
    });
    expect((await c.post('/api/v1/association/membership', { tierId: other.id })).statusCode).toBe(409);

    // Staff run the association.
    expect((await mineOf(staff)).can).toMatchObject({ useMembersPage: true, manageAssociation: true });
  });
});
