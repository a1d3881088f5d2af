import Stripe from 'stripe';
import { buildTier } from '../../server/db/seed/association.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import type { TestApp } from '../app.ts';
import { TestClient } from '../client.ts';
import { type AccessEntry, type AccessWorld, type RequestContext, SIGNED_IN } from './matrix.ts';

// The association's membership: tiers, joining and renewing, dues and payments, paying by card.
// Its events are in association-events.access.ts; forms, newsletter and jobs in
// association-resources.access.ts. Each sets up its own records.

const signedIn = SIGNED_IN;
const staff = ['staff', 'admin'] as const;

/** The person's dues invoice still open (joining again replaces it, so it is read when needed). */
const openInvoiceOf = async (t: TestApp, userId: string) =>
  (
    await t.db
      .selectFrom('association_invoices')
      .select('id')
      .where('user_id', '=', userId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
  ).id;

/**
 * An open dues invoice of the member's at the tier without a directory listing (earlier entries
 * joined, renewed and paid at others): asking to renew at it writes one, or it is already open.
 * Paying it changes nothing other areas' entries rely on, as the member already has the role.
 */
async function memberInvoice(w: AccessWorld, { t, client }: RequestContext) {
  await client.post('/api/v1/association/membership/renew', { tierId: w.extra.cardTierId });
  return openInvoiceOf(t, w.people.member.id);
}

/** The member's card checkout, started now; for anyone else, one from setup that is not theirs. */
async function checkoutOf(w: AccessWorld, context: RequestContext) {
  if (context.caller !== 'member') return w.extra.checkoutId!;
  const started = await context.client.post(
    `/api/v1/association/invoices/${await memberInvoice(w, context)}/checkout`,
  );
  return decodeURIComponent((started.json() as { url: string }).url.split('/').pop()!);
}

/** A Stripe-format event of a kind Parley does not act on, signed with the simulated provider's secret. */
function signedEvent(t: TestApp, caller: string) {
  const body = {
    id: `evt_matrix_${caller}`,
    object: 'event',
    type: 'payment_intent.created',
    data: { object: { id: `pi_matrix_${caller}`, object: 'payment_intent' } },
  };
  const card = t.deps.config.cardPayments;
  const secret = card?.webhookSecret ?? '';
  const signature = new Stripe('sk_test_matrix').webhooks.generateTestHeaderString({
    payload: JSON.stringify(body),
    secret,
  });
  return { body, headers: { 'stripe-signature': signature } };
}

/**
 * Tiers, the member waiting for dues at one with a directory listing (so they may join at
 * another), and someone outside the matrix who has started paying their dues by card.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const tier = await buildTier(t.deps, { slug: 'matrix-full', annualDuesCents: 1000, includesListing: true });
  const joinTier = await buildTier(t.deps, { slug: 'matrix-join', annualDuesCents: 1000 });
  const renewTier = await buildTier(t.deps, { slug: 'matrix-renew', annualDuesCents: 1000 });
  const memberClient = await new TestClient(t.app, '10.99.0.2').signIn(
    world.people.member.email,
    world.people.member.password,
  );
  await memberClient.post('/api/v1/association/membership', { tierId: tier.id });
  // Someone outside the matrix waits for dues and has started paying by card: every caller but
  // them is refused their invoice and checkout.
  const cardTier = await buildTier(t.deps, { slug: 'matrix-card', annualDuesCents: 1000 });
  const payer = await buildUser(t.deps, { name: 'Matrix Payer' });
  const payerClient = await new TestClient(t.app, '10.99.0.3').signIn(payer.email, payer.password);
  await payerClient.post('/api/v1/association/membership', { tierId: cardTier.id });
  const payerInvoice = await openInvoiceOf(t, payer.id);
  const checkout = await payerClient.post(`/api/v1/association/invoices/${payerInvoice}/checkout`);
  world.extra.payerInvoiceId = payerInvoice;
  world.extra.cardTierId = cardTier.id;
  world.extra.checkoutId = decodeURIComponent((checkout.json() as { url: string }).url.split('/').pop()!);
  world.extra.tierId = tier.id;
  world.extra.joinTierId = joinTier.id;
  world.extra.renewTierId = renewTier.id;
}

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/association/tiers',
    allowed: 'everyone',
    note: 'the join page lists the tiers',
  },
  { method: 'GET', route: '/api/v1/association/tiers/all', allowed: staff },
  {
    method: 'POST',
    route: '/api/v1/association/tiers',
    allowed: staff,
    request: (_, { caller }) => ({
      body: { slug: `matrix-student-${caller.toLowerCase()}`, name: 'Student', annualDuesCents: 2500 },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/association/tiers/:tierId',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/tiers/${w.extra.tierId}`,
      body: { description: 'Changed' },
    }),
  },
  { method: 'GET', route: '/api/v1/association/membership', allowed: signedIn },
  {
    method: 'POST',
    route: '/api/v1/association/membership',
    allowed: signedIn,
    // The member already waits for dues at the matrix tier, so asks for another.
    request: (w, { caller }) => ({
      body: { tierId: caller === 'member' ? w.extra.joinTierId : w.extra.tierId },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/membership/renew',
    allowed: signedIn,
    note: 'someone not yet in good standing is joined instead',
    request: (w) => ({ body: { tierId: w.extra.renewTierId } }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/memberships',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/memberships?owing=true&q=a&limit=10' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/members',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/members?q=a&limit=10' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/members.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/members.csv?status=pending' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/members/:userId',
    allowed: staff,
    request: (w) => ({ url: `/api/v1/association/members/${w.people.member.id}` }),
    note: "the member's record, with payments and events: staff only, not the member themselves",
  },
  { method: 'GET', route: '/api/v1/association/payments', allowed: staff },
  {
    method: 'GET',
    route: '/api/v1/association/payments.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/payments.csv?purpose=event' }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/payments',
    allowed: staff,
    request: (w) => ({
      body: {
        userId: w.people.member.id,
        purpose: 'dues',
        method: 'cash',
        amountCents: 1000,
        receivedOn: '2026-03-02',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/invoices/:invoiceId/checkout',
    allowed: ['member'],
    request: async (w, context) => ({
      url: `/api/v1/association/invoices/${context.caller === 'member' ? await memberInvoice(w, context) : w.extra.payerInvoiceId}/checkout`,
    }),
    note: 'the person the invoice is for (the member here)',
  },
  {
    method: 'POST',
    route: '/api/v1/association/payments/card-webhook',
    allowed: 'everyone',
    request: (_w, { t, caller }) => signedEvent(t, caller),
    note: "the card provider, proven by the event's signature rather than a session",
  },
  {
    method: 'GET',
    route: '/api/v1/dev/card-checkout/:checkoutId',
    allowed: ['member'],
    request: async (w, context) => ({
      url: `/api/v1/dev/card-checkout/${await checkoutOf(w, context)}`,
    }),
    note: 'the simulated provider only: the person paying (the member here)',
  },
  {
    method: 'POST',
    route: '/api/v1/dev/card-checkout/:checkoutId/pay',
    allowed: ['member'],
    request: async (w, context) => ({
      url: `/api/v1/dev/card-checkout/${await checkoutOf(w, context)}/pay`,
    }),
    note: 'the simulated provider only: the person paying (the member here)',
  },
];
