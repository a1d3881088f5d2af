import Stripe from 'stripe';
import { buildEvent, buildTier } from '../../server/db/seed/association.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import { signUp } from '../../server/modules/newsletter/sign-ups.service.ts';
import { unsubscribeToken } from '../../server/modules/newsletter/subscriptions.service.ts';
import type { TestApp } from '../app.ts';
import { TestClient } from '../client.ts';
import { lastEmailTo } from '../mailbox.ts';
import { type AccessEntry, type AccessWorld, type RequestContext, SIGNED_IN } from './matrix.ts';

// The association: membership and payments, trainings and events, forms, newsletter, jobs.

const signedIn = SIGNED_IN;
const staff = ['staff', 'admin'] as const;
const members = ['member', 'staff', 'admin'] as const;

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

/** A recorded training that has begun: open to register, and ready for attendance. */
const startedTraining = (t: TestApp) =>
  buildEvent(t.deps, { recorded: true, startsAt: new Date(t.clock.now().getTime() - 3600_000) });

/**
 * Tiers, an event the member registered for (its fee paid, so their membership still waits for
 * dues and they may join at another tier), and a training the member attended, with its certificate.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const tier = await buildTier(t.deps, { slug: 'matrix-full', annualDuesCents: 1000, includesListing: true });
  const joinTier = await buildTier(t.deps, { slug: 'matrix-join', annualDuesCents: 1000 });
  const renewTier = await buildTier(t.deps, { slug: 'matrix-renew', annualDuesCents: 1000 });
  const event = await buildEvent(t.deps, { capacity: 5, priceCents: 2500 });
  const attended = await startedTraining(t);
  const staffClient = await new TestClient(t.app, '10.99.0.1').signIn(
    world.people.staff.email,
    world.people.staff.password,
  );
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
  const registration = await memberClient.post(`/api/v1/association/events/${event.id}/registrations`);
  const payment = await staffClient.post('/api/v1/association/payments', {
    userId: world.people.member.id,
    purpose: 'event',
    registrationId: (registration.json() as { id: string }).id,
    method: 'cheque',
    amountCents: 2500,
    receivedOn: '2026-03-02',
  });
  const seat = await memberClient.post(`/api/v1/association/events/${attended.id}/registrations`);
  const seatId = (seat.json() as { id: string }).id;
  await staffClient.post(`/api/v1/association/events/${attended.id}/attendance`, {
    registrationId: seatId,
    sessionId: attended.sessions[0]!.id,
  });
  const code = await t.db
    .selectFrom('event_registrations')
    .select('certificate_code')
    .where('id', '=', seatId)
    .executeTakeFirstOrThrow();
  const pdf = Buffer.from('%PDF-1.4\n%matrix\n').toString('base64');
  const form = await staffClient.post('/api/v1/association/forms', {
    title: 'Agreement to Mediate',
    category: 'Agreements',
    file: { filename: 'agreement.pdf', contentBase64: pdf },
  });
  const issue = await staffClient.post('/api/v1/association/newsletter', {
    title: 'Matrix issue',
    issueLabel: 'Spring 2026',
    body: 'A newsletter issue long enough to pass the check.',
  });
  const job = await memberClient.post('/api/v1/association/jobs', {
    title: 'Staff mediator',
    organization: 'A center',
    location: 'Columbia',
    description: 'Mediate small claims three days a week.',
    howToApply: 'Write to us',
    expiresOn: '2026-04-01',
  });
  world.extra.formId = (form.json() as { id: string }).id;
  world.extra.issueId = (issue.json() as { id: string }).id;
  world.extra.jobId = (job.json() as { id: string }).id;
  world.extra.pdf = pdf;
  world.extra.tierId = tier.id;
  world.extra.joinTierId = joinTier.id;
  world.extra.renewTierId = renewTier.id;
  world.extra.attendedRegistrationId = seatId;
  world.extra.certificateCode = code.certificate_code!;
  world.extra.eventId = event.id;
  world.extra.paymentId = (payment.json() as { id: string }).id;
  world.extra.registrationId = (registration.json() as { id: string }).id;
}

const eventBody = {
  kind: 'ce_webinar',
  title: 'Matrix webinar',
  provider: 'AMM',
  sessions: [{ startsAt: '2026-06-01T17:00:00Z', endsAt: '2026-06-01T18:30:00Z' }],
  onlineUrl: 'https://example.test/webinar',
  credits: [{ kind: 'continuing_education', hours: 1.5 }],
};

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
    method: 'GET',
    route: '/api/v1/association/payments/:paymentId/receipt',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/payments/${w.extra.paymentId}/receipt` }),
    note: 'the payer (the member here) and staff',
  },
  { method: 'GET', route: '/api/v1/association/events', allowed: 'everyone', note: 'the public calendar' },
  {
    method: 'POST',
    route: '/api/v1/association/events',
    allowed: staff,
    request: () => ({ body: eventBody }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/association/events/:eventId',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/events/${w.extra.eventId}`,
      body: { description: 'More detail' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/calendar.ics',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/calendar.ics` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/events/:eventId/registrations',
    allowed: signedIn,
    request: async (_, { t }) => ({
      url: `/api/v1/association/events/${(await buildEvent(t.deps, { capacity: 5 })).id}/registrations`,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/registrations',
    allowed: staff,
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/registrations` }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/registrations.csv',
    allowed: staff,
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/registrations.csv` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/events/:eventId/attendance',
    allowed: staff,
    // Staff mark their own seat at a training that has begun; others are refused before that.
    request: async (w, { t, client, caller }) => {
      if (!staff.some((c) => c === caller))
        return {
          url: `/api/v1/association/events/${w.extra.eventId}/attendance`,
          body: { registrationId: w.extra.registrationId, sessionId: w.extra.registrationId },
        };
      const training = await startedTraining(t);
      const seat = await client.post(`/api/v1/association/events/${training.id}/registrations`);
      return {
        url: `/api/v1/association/events/${training.id}/attendance`,
        body: { registrationId: (seat.json() as { id: string }).id, sessionId: training.sessions[0]!.id },
      };
    },
  },
  { method: 'GET', route: '/api/v1/association/registrations', allowed: signedIn },
  {
    method: 'POST',
    route: '/api/v1/association/registrations/:registrationId/cancel',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/registrations/${w.extra.registrationId}/cancel` }),
    note: 'the registrant (the member here) and staff',
  },
  {
    method: 'GET',
    route: '/api/v1/association/registrations/:registrationId/certificate',
    allowed: members,
    request: (w) => ({
      url: `/api/v1/association/registrations/${w.extra.attendedRegistrationId}/certificate`,
    }),
    note: 'the attendee (the member here) and staff',
  },
  {
    method: 'GET',
    route: '/api/v1/association/certificates/:code',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/certificates/${w.extra.certificateCode}` }),
    note: 'anyone holding a certificate can have it checked by its code',
  },
  { method: 'GET', route: '/api/v1/association/continuing-education', allowed: members },
  { method: 'GET', route: '/api/v1/association/path', allowed: signedIn },
  {
    method: 'PUT',
    route: '/api/v1/association/path/:step',
    allowed: signedIn,
    request: () => ({ url: '/api/v1/association/path/observe-co-mediate', body: { done: true } }),
  },
  { method: 'GET', route: '/api/v1/association/forms', allowed: members },
  {
    method: 'POST',
    route: '/api/v1/association/forms',
    allowed: staff,
    request: (w) => ({
      body: {
        title: 'Intake form',
        category: 'Intake',
        file: { filename: 'intake.pdf', contentBase64: w.extra.pdf },
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/forms/:formId/versions',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/forms/${w.extra.formId}/versions` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/forms/:formId/versions',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/forms/${w.extra.formId}/versions`,
      body: { file: { filename: 'agreement.pdf', contentBase64: w.extra.pdf } },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/forms/:formId/download',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/forms/${w.extra.formId}/download` }),
  },
  { method: 'GET', route: '/api/v1/association/newsletter', allowed: members },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter',
    allowed: staff,
    request: () => ({
      body: { title: 'Another issue', issueLabel: 'Summer 2026', body: 'Enough words to be an issue body.' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter/:issueId',
    allowed: ['staff', 'admin'],
    request: (w) => ({ url: `/api/v1/association/newsletter/${w.extra.issueId}` }),
    note: 'a draft: staff only (members read published issues)',
  },
  {
    method: 'PATCH',
    route: '/api/v1/association/newsletter/:issueId',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/newsletter/${w.extra.issueId}`,
      body: { summary: 'Changed' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter/:issueId/publish',
    allowed: staff,
    // A draft of their own for each of staff to publish; others are refused before that.
    request: async (w, { client, caller }) => {
      if (!staff.some((c) => c === caller))
        return { url: `/api/v1/association/newsletter/${w.extra.issueId}/publish` };
      const draft = await client.post('/api/v1/association/newsletter', {
        title: `Issue for ${caller}`,
        issueLabel: 'Summer 2026',
        body: 'A newsletter issue long enough to pass the check.',
      });
      return { url: `/api/v1/association/newsletter/${(draft.json() as { id: string }).id}/publish` };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter/unsubscribe',
    allowed: 'everyone',
    request: (w, { t }) => ({ body: { token: unsubscribeToken(t.config.appSecret, w.people.member.id) } }),
    note: 'the link is the credential, whoever sends it; a bad one answers 410 to everyone',
  },
  { method: 'GET', route: '/api/v1/association/newsletter-subscription', allowed: signedIn },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-archive',
    allowed: 'everyone',
    note: 'the public newsletter page: published issues only',
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter-sign-ups',
    allowed: 'everyone',
    request: (_w, { caller }) => ({ body: { email: `matrix-news-${caller.toLowerCase()}@example.test` } }),
    note: 'anyone may sign up; nothing is mailed until the e-mailed link is followed',
  },
  {
    method: 'GET',
    route: '/api/v1/association/event-list',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/event-list?q=training&kind=core_training&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/event-list.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/event-list.csv?status=published' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/job-postings',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/job-postings?q=mediator&state=open&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/job-postings.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/job-postings.csv?state=withdrawn' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/library-forms',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/library-forms?q=agreement&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/library-forms.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/library-forms.csv?from=2026-01-01' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-sign-ups',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/newsletter-sign-ups?q=example&status=pending&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-sign-ups.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/newsletter-sign-ups.csv?from=2026-01-01' }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter-sign-ups/confirm',
    allowed: 'everyone',
    // Each caller follows the link from a sign-up of their own address.
    request: async (_w, { t, caller }) => {
      const email = `matrix-confirm-${caller.toLowerCase()}@example.test`;
      await signUp(t.deps, { email, ip: `10.98.${caller.length}.1` });
      return { body: { token: (await lastEmailTo(t.db, email, 'newsletter-confirm')).token } };
    },
    note: 'the e-mailed link is the credential, whoever sends it',
  },
  {
    method: 'PUT',
    route: '/api/v1/association/newsletter-subscription',
    allowed: signedIn,
    request: () => ({ body: { subscribed: true } }),
  },
  { method: 'GET', route: '/api/v1/association/jobs', allowed: members },
  {
    method: 'GET',
    route: '/api/v1/association/job-board',
    allowed: 'everyone',
    note: 'the public jobs board: openings without who posted them',
  },
  {
    method: 'POST',
    route: '/api/v1/association/jobs',
    allowed: members,
    request: () => ({
      body: {
        title: 'Mediator',
        organization: 'A court',
        location: 'Springfield',
        description: 'Mediate family cases for the circuit court.',
        howToApply: 'Apply online',
        expiresOn: '2026-04-01',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/jobs/:jobId/withdraw',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/jobs/${w.extra.jobId}/withdraw` }),
    note: 'its poster (the member here) and staff',
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
  { method: 'GET', route: '/api/v1/association/job-alerts', allowed: members },
  {
    method: 'PUT',
    route: '/api/v1/association/job-alerts',
    allowed: members,
    request: () => ({ body: { subscribed: true } }),
  },
];
