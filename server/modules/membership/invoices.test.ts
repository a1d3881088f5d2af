import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyMembership } from '../../../contracts/membership.ts';
import { MembershipRow } from '../../../contracts/membership-members.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { stripeCardProvider } from './card-payments.ts';

// Invoices, card payments through Stripe Checkout, and the webhook. No network: Stripe's answers
// are recorded below, and its webhook events are signed here with the test secret, as Stripe
// signs them.

const WEBHOOK_SECRET = 'whsec_parley_test_secret';
const STRIPE = { STRIPE_SECRET_KEY: 'sk_test_parley', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET };
const stripe = new Stripe('sk_test_parley');

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp({ env: STRIPE });
  staff = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'staff' }] }));
});
afterAll(async () => t.close());

const mine = async (client: TestClient) =>
  MyMembership.parse(json(await client.get('/api/v1/association/membership')));
const owing = async () =>
  MembershipRow.array().parse(
    json<{ rows: unknown }>(await staff.get('/api/v1/association/memberships?owing=true&limit=100')).rows,
  );

/** A checkout.session.completed event as Stripe sends it (trimmed to the fields Parley reads). */
function completed(eventId: string, invoiceId: string, amountCents: number) {
  return JSON.stringify({
    id: eventId,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: 1764200000,
    type: 'checkout.session.completed',
    livemode: false,
    data: {
      object: {
        id: `cs_test_${invoiceId}`,
        object: 'checkout.session',
        amount_total: amountCents,
        currency: 'usd',
        client_reference_id: invoiceId,
        metadata: { invoiceId },
        mode: 'payment',
        payment_intent: 'pi_3PRecorded0001',
        payment_status: 'paid',
        status: 'complete',
      },
    },
  });
}
const deliver = (payload: string, signature: string | null) =>
  new TestClient(t.app).post('/api/v1/association/payments/card-webhook', undefined, {
    rawBody: payload,
    csrf: false,
    headers: signature === null ? {} : { 'stripe-signature': signature },
  });
const signed = (payload: string) =>
  stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });

describe('invoices', () => {
  it('joining writes the dues invoice; a renewal request is waiting for dues too; a recorded payment closes it', async () => {
    const tier = await buildTier(t.deps, { name: 'Full', annualDuesCents: 9500 });
    const person = await buildUser(t.deps, { name: 'Avery Cole' });
    const me = await signedIn(t.app, person);
    await me.post('/api/v1/association/membership', { tierId: tier.id });
    const invoice = (await mine(me)).invoices[0]!;
    expect(invoice).toMatchObject({
      status: 'open',
      amountCents: 9500,
      description: 'Full membership dues, one year',
    });
    expect(invoice.number).toMatch(/^INV-\d{4}-[0-9A-Z]{8}$/);
    expect((await owing()).find((r) => r.userId === person.id)?.openInvoice?.number).toBe(invoice.number);

    // An active member asks to renew: the list of those waiting for dues has them.
    const renewer = await buildUser(t.deps, { name: 'Blake Dunn' });
    await buildMembership(t.deps, renewer.id, tier.id);
    const r = await signedIn(t.app, renewer);
    await r.post('/api/v1/association/membership/renew', { tierId: tier.id });
    const waiting = (await owing()).find((row) => row.userId === renewer.id);
    expect(waiting).toMatchObject({ status: 'active', openInvoice: { amountCents: 9500 } });

    // Staff record the check: the invoice is paid, and neither waits any longer.
    for (const p of [person, renewer]) {
      const paid = await staff.post('/api/v1/association/payments', {
        userId: p.id,
        purpose: 'dues',
        method: 'cheque',
        amountCents: 9500,
        reference: 'Check 1001',
        receivedOn: '2026-03-02',
      });
      expect(paid.statusCode, paid.body).toBe(201);
    }
    expect((await mine(me)).invoices[0]).toMatchObject({ status: 'paid' });
    expect((await owing()).map((row) => row.userId)).not.toContain(person.id);
    expect((await owing()).map((row) => row.userId)).not.toContain(renewer.id);
  });

  it('asking again at another tier replaces the open invoice, so the member owes once', async () => {
    const full = await buildTier(t.deps, { name: 'Full', annualDuesCents: 9500 });
    const friend = await buildTier(t.deps, { name: 'Friend', annualDuesCents: 4000 });
    const person = await buildUser(t.deps);
    const me = await signedIn(t.app, person);
    await me.post('/api/v1/association/membership', { tierId: full.id });
    await me.post('/api/v1/association/membership', { tierId: friend.id });
    const invoices = (await mine(me)).invoices;
    expect(invoices.map((i) => [i.status, i.amountCents])).toEqual([['open', 4000]]);
  });
});

describe('card payments through Stripe Checkout', () => {
  it('asks Stripe for a checkout page for the invoice, once however often it is asked', async () => {
    const seen: { url: string; body: string; key: string | null }[] = [];
    const recorded = async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({
        url: String(url),
        body: String(init?.body),
        key: new Headers(init?.headers).get('idempotency-key'),
      });
      return new Response(
        JSON.stringify({
          id: 'cs_test_a1',
          object: 'checkout.session',
          url: 'https://checkout.stripe.com/c/pay/cs_test_a1',
        }),
        { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_recorded' } },
      );
    };
    const provider = stripeCardProvider(
      { secretKey: 'sk_test_parley', webhookSecret: WEBHOOK_SECRET },
      { fetch: recorded as typeof fetch },
    );
    const checkout = await provider.createCheckout({
      invoiceId: 'inv-1',
      invoiceNumber: 'INV-2026-ABCDEFGH',
      description: 'Full membership dues, one year',
      amountCents: 9500,
      email: 'member@example.test',
      successUrl: 'https://parley.example/association?paid=INV-2026-ABCDEFGH',
      cancelUrl: 'https://parley.example/association',
    });
    expect(checkout).toEqual({ id: 'cs_test_a1', url: 'https://checkout.stripe.com/c/pay/cs_test_a1' });
    expect(seen[0]!.url).toBe('https://api.stripe.com/v1/checkout/sessions');
    const form = new URLSearchParams(seen[0]!.body);
    expect(form.get('line_items[0][price_data][unit_amount]')).toBe('9500');
    expect(form.get('line_items[0][price_data][currency]')).toBe('usd');
    expect(form.get('metadata[invoiceId]')).toBe('inv-1');
    expect(form.get('customer_email')).toBe('member@example.test');
    expect(seen[0]!.key).toBe('parley-invoice-inv-1');
  });

  it('settles the invoice from a signed webhook, once; a bad or missing signature changes nothing', async () => {
    const tier = await buildTier(t.deps, { name: 'Full', annualDuesCents: 9500 });
    const person = await buildUser(t.deps, { name: 'Casey Ford' });
    const me = await signedIn(t.app, person);
    expect((await mine(me)).can.payByCard).toBe(true);
    await me.post('/api/v1/association/membership', { tierId: tier.id });
    const invoice = (await mine(me)).invoices[0]!;
    const payload = completed('evt_1PRecordedA', invoice.id, 9500);

    const forged = await deliver(
      payload,
      stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }),
    );
    expect(forged.statusCode).toBe(400);
    expect(json(forged).error).toMatchObject({
      fields: { 'stripe-signature': 'does not match the webhook secret' },
    });
    const unsigned = await deliver(payload, null);
    expect(unsigned.statusCode).toBe(400);
    const tampered = await deliver(payload.replace('9500', '1'), signed(payload));
    expect(tampered.statusCode).toBe(400);
    expect((await mine(me)).membership).toMatchObject({ status: 'pending' });

    const first = await deliver(payload, signed(payload));
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ received: true, settled: true });
    const after = await mine(me);
    expect(after.membership).toMatchObject({ status: 'active' });
    expect(after.invoices[0]).toMatchObject({ status: 'paid' });
    expect(after.payments).toHaveLength(1);
    expect(after.payments[0]).toMatchObject({ provider: 'stripe', method: 'card', amountCents: 9500 });

    // Stripe delivers the same event again: the same answer, and nothing changes.
    const again = await deliver(payload, signed(payload));
    expect(json(again)).toEqual({ received: true, settled: false });
    expect((await mine(me)).payments).toHaveLength(1);
    // A second event for the paid invoice changes nothing either.
    const other = completed('evt_1PRecordedB', invoice.id, 9500);
    expect(json(await deliver(other, signed(other)))).toEqual({ received: true, settled: false });
    expect((await mine(me)).payments).toHaveLength(1);

    const email = await lastEmailTo(t.db, person.email);
    expect(email.template).toBe('payment-receipt');
    const receipt = await me.get(`/api/v1/association/payments/${after.payments[0]!.id}/receipt`);
    const text = pdfWords(receipt.rawPayload);
    expect(text).toContain('Received from: Casey Ford');
    expect(text).toContain('For: Full membership dues, one year');
    expect(text).toContain('Amount: $95.00');
    expect(text).toContain('Paid by: Card, paid online (pi_3PRecorded0001)');

    // Staff see it among the payments, by card.
    const payments = json<{ rows: { userId: string; method: string }[] }>(
      await staff.get('/api/v1/association/payments'),
    ).rows;
    expect(payments.find((p) => p.userId === person.id)).toMatchObject({ method: 'card' });
  });

  it('without the Stripe settings there is no card option, no checkout and no webhook', async () => {
    const plain = await createTestApp({ database: t.database, db: t.database.open() });
    try {
      const tier = await buildTier(plain.deps, { annualDuesCents: 2500 });
      const person = await buildUser(plain.deps);
      const me = await signedIn(plain.app, person);
      await me.post('/api/v1/association/membership', { tierId: tier.id });
      const m = MyMembership.parse(json(await me.get('/api/v1/association/membership')));
      expect(m.can.payByCard).toBe(false);
      const checkout = await me.post(`/api/v1/association/invoices/${m.invoices[0]!.id}/checkout`);
      expect(checkout.statusCode).toBe(409);
      const payload = completed('evt_1PRecordedC', m.invoices[0]!.id, 2500);
      const hook = await new TestClient(plain.app).post(
        '/api/v1/association/payments/card-webhook',
        undefined,
        {
          rawBody: payload,
          csrf: false,
          headers: { 'stripe-signature': signed(payload) },
        },
      );
      expect(hook.statusCode).toBe(404);
    } finally {
      await plain.app.close();
      await plain.db.destroy();
    }
  });

  it('with the simulated provider, a member pays through the stand-in page and the webhook settles it', async () => {
    const sim = await createTestApp({
      database: t.database,
      db: t.database.open(),
      env: { CARD_PAYMENTS: 'simulated' },
    });
    try {
      const tier = await buildTier(sim.deps, { annualDuesCents: 4000 });
      const person = await buildUser(sim.deps);
      const me = await signedIn(sim.app, person);
      await me.post('/api/v1/association/membership', { tierId: tier.id });
      const invoice = MyMembership.parse(json(await me.get('/api/v1/association/membership'))).invoices[0]!;
      const stranger = await signedIn(sim.app, await buildUser(sim.deps));
      expect((await stranger.post(`/api/v1/association/invoices/${invoice.id}/checkout`)).statusCode).toBe(
        404,
      );
      const checkout = json<{ url: string }>(
        await me.post(`/api/v1/association/invoices/${invoice.id}/checkout`),
      );
      expect(checkout.url).toMatch(/^\/dev\/checkout\/cs_simulated_/);
      const checkoutId = decodeURIComponent(checkout.url.split('/').pop()!);
      expect(json(await me.get(`/api/v1/dev/card-checkout/${checkoutId}`))).toMatchObject({
        amountCents: 4000,
      });
      const paid = await me.post(`/api/v1/dev/card-checkout/${checkoutId}/pay`);
      expect(json(paid)).toMatchObject({ settled: true, invoiceNumber: invoice.number });
      const m = MyMembership.parse(json(await me.get('/api/v1/association/membership')));
      expect(m.membership?.status).toBe('active');
      expect(m.payments[0]).toMatchObject({ provider: 'simulated', method: 'card' });
    } finally {
      await sim.app.close();
      await sim.db.destroy();
    }
  });
});
