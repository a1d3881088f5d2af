import type { Invoice } from '../../../contracts/membership.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cardProviderFor, simulatedCompletion } from './card-payments.ts';
import * as invoices from './invoices.repository.ts';
import * as repo from './membership.repository.ts';
import { settle } from './payments.service.ts';
import { cardPaymentRecorder } from './payments.ts';

// Invoices: what a member owes for a year of dues, the ways to pay it, and the card provider's
// confirmation that it was paid.

export const presentInvoice = (i: invoices.InvoiceRow): Invoice => ({
  id: i.id,
  number: i.number,
  description: i.description,
  amountCents: i.amount_cents,
  status: i.status,
  createdAt: i.created_at,
  closedAt: i.closed_at,
});

/** Invoice numbers: INV-<year>-<8 characters>, unique by the table's constraint. */
const invoiceNumber = (now: Date) => `INV-${now.getUTCFullYear()}-${newId().slice(-8).toUpperCase()}`;

/**
 * Writes the dues invoice for joining or renewing at a tier, in the caller's transaction. A new
 * request replaces the one still open (a member who changes their mind about the tier owes once).
 */
export async function invoiceDues(
  tx: Tx,
  deps: Deps,
  input: {
    userId: string;
    membershipId: string;
    tier: { id: string; name: string; annual_dues_cents: number };
  },
) {
  const now = iso(deps.clock.now());
  await invoices.voidOpenDuesInvoices(tx, input.membershipId, now);
  await invoices.insertInvoice(tx, {
    id: newId(),
    number: invoiceNumber(deps.clock.now()),
    user_id: input.userId,
    purpose: 'dues',
    membership_id: input.membershipId,
    tier_id: input.tier.id,
    description: `${input.tier.name} membership dues, one year`,
    amount_cents: input.tier.annual_dues_cents,
    status: 'open',
    checkout_id: null,
    payment_id: null,
    created_at: now,
    closed_at: null,
  });
}

/** The signed-in person's invoices, newest first. */
export const invoicesOf = async (deps: Deps, userId: string) =>
  (await invoices.listInvoicesOf(deps.db, userId)).map(presentInvoice);

/** Whether this person may pay this invoice by card now. */
export const mayPayByCard = (deps: Deps, invoice: { status: string }) =>
  invoice.status === 'open' && cardProviderFor(deps.config) !== null;

/**
 * Sends the member to the card provider's checkout page for one of their open invoices. Parley
 * learns of the payment only from the provider's signed webhook.
 */
export async function startCheckout(deps: Deps, actor: Actor | null, invoiceId: string) {
  requireActor(actor);
  const invoice = await invoices.findInvoice(deps.db, invoiceId);
  if (!invoice || invoice.user_id !== actor.userId) throw notFound('That invoice');
  const provider = cardProviderFor(deps.config);
  if (!provider) throw new AppError('CONFLICT', 'Paying by card is not available. Please pay by check.');
  if (invoice.status !== 'open')
    throw new AppError(
      'CONFLICT',
      invoice.status === 'paid'
        ? 'This invoice is already paid.'
        : 'This invoice was replaced by a newer one.',
    );
  const base = deps.config.publicUrl;
  const checkout = await provider.createCheckout({
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    description: invoice.description,
    amountCents: invoice.amount_cents,
    email: actor.email,
    successUrl: `${base}/association?paid=${encodeURIComponent(invoice.number)}`,
    cancelUrl: `${base}/association`,
  });
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await invoices.setInvoiceCheckout(tx, invoice.id, checkout.id);
    await recordAudit(tx, {
      kind: 'invoice.checkout_started',
      at: now,
      actorId: actor.userId,
      subjectType: 'invoice',
      subjectId: invoice.id,
      data: { provider: provider.id, amountCents: invoice.amount_cents },
    });
  });
  return { url: checkout.url };
}

/**
 * The card provider's webhook. The signature is checked before anything is read; each event is
 * handled once (a repeated delivery answers the same and changes nothing); a completed, paid
 * checkout settles its invoice like a payment staff record, with the receipt by e-mail.
 */
export async function cardWebhook(deps: Deps, payload: Buffer, signature: string | undefined) {
  const provider = cardProviderFor(deps.config);
  if (!provider) throw notFound('Card payments');
  const event = provider.readWebhook(payload, signature);
  const now = deps.clock.now();
  const settled = await inTransaction(deps.db, async (tx) => {
    const first = await invoices.claimWebhookEvent(tx, {
      id: event.id,
      provider: provider.id,
      kind: event.type,
      received_at: iso(now),
    });
    if (!first) return false;
    const completes =
      event.type === 'checkout.session.completed' ||
      event.type === 'checkout.session.async_payment_succeeded';
    if (!completes || !event.paid || !event.invoiceId) return false;
    const invoice = await invoices.findInvoice(tx, event.invoiceId);
    if (!invoice || invoice.status === 'paid' || !invoice.membership_id || !invoice.tier_id) return false;
    const membership = await repo.findMembership(tx, invoice.membership_id);
    const tier = await repo.findTier(tx, invoice.tier_id);
    const payer = await findUser(tx, invoice.user_id);
    if (!membership || !tier || !payer) return false;
    await settle(tx, deps, cardPaymentRecorder(provider.id), {
      payer,
      purpose: 'dues',
      membership: { row: membership, tier },
      registrationId: null,
      description: invoice.description,
      method: 'card',
      amountCents: event.amountCents ?? invoice.amount_cents,
      reference: event.reference,
      receivedOn: missouriDate(now),
      actorId: null,
      invoiceId: invoice.id,
    });
    return true;
  });
  return { received: true, settled };
}

/** Demos and tests: the simulated provider's "Pay" button, which sends its signed event to the webhook. */
export async function paySimulatedCheckout(deps: Deps, actor: Actor | null, checkoutId: string) {
  requireActor(actor);
  const card = deps.config.cardPayments;
  if (card?.provider !== 'simulated') throw notFound('The simulated card provider');
  const invoice = await invoices.findInvoiceByCheckout(deps.db, checkoutId);
  if (!invoice || invoice.user_id !== actor.userId) throw notFound('That checkout');
  const { payload, signature } = simulatedCompletion(
    card.webhookSecret,
    { id: checkoutId, invoiceId: invoice.id, amountCents: invoice.amount_cents },
    deps.clock.now(),
  );
  const result = await cardWebhook(deps, Buffer.from(payload), signature);
  return { ...result, invoiceNumber: invoice.number, amountCents: invoice.amount_cents };
}

/** Demos and tests: what the simulated checkout page shows. */
export async function simulatedCheckout(deps: Deps, actor: Actor | null, checkoutId: string) {
  requireActor(actor);
  if (deps.config.cardPayments?.provider !== 'simulated') throw notFound('The simulated card provider');
  const invoice = await invoices.findInvoiceByCheckout(deps.db, checkoutId);
  if (!invoice || invoice.user_id !== actor.userId) throw notFound('That checkout');
  return presentInvoice(invoice);
}
