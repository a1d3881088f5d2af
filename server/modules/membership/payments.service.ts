import { dollars, type OfflineMethod, periodAfterPayment } from '../../../domain/membership.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegistration, markPaid } from '../events/registration.service.ts';
import { readFile } from '../files/files.service.ts';
import { pdfAttachment, queueEmail } from '../mail/mail.service.ts';
import * as invoices from './invoices.repository.ts';
import { MEMBERSHIP_EMAILS } from './membership.emails.ts';
import * as repo from './membership.repository.ts';
import { applyBenefits } from './membership.state.ts';
import { offlineProvider, type PaymentInput, type PaymentProvider } from './payments.ts';

export type RecordPaymentInput = {
  userId: string;
  purpose: 'dues' | 'event';
  registrationId?: string | undefined;
  method: OfflineMethod;
  amountCents: number;
  reference: string;
  receivedOn: string;
};

const fieldError = (field: string, problem: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: { [field]: problem } });

/**
 * Staff record a payment received outside Parley (the offline provider). Dues start or extend
 * the membership and turn its benefits on; an event fee marks the registration paid. Either way
 * the payer gets a PDF receipt by e-mail.
 */
export async function recordPayment(
  deps: Deps,
  actor: Actor | null,
  input: RecordPaymentInput,
  provider: PaymentProvider = offlineProvider,
) {
  authorize(actor, 'association:manage');
  const payer = await findUser(deps.db, input.userId);
  if (!payer) throw fieldError('userId', 'is not a person on Parley', 'We could not find that person.');

  const membership = await repo.findMembershipByUser(deps.db, payer.id);
  const tier = membership ? await repo.findTier(deps.db, membership.tier_id) : undefined;
  const registration =
    input.purpose === 'event' && input.registrationId
      ? await findRegistration(deps.db, input.registrationId)
      : undefined;
  let description: string;
  if (input.purpose === 'dues') {
    if (!membership || !tier) {
      throw fieldError('userId', 'has not joined yet', 'This person has not joined the association yet.');
    }
    if (input.amountCents < tier.annual_dues_cents) {
      throw fieldError(
        'amountCents',
        `is less than the yearly dues of ${dollars(tier.annual_dues_cents)}`,
        `The ${tier.name} dues are ${dollars(tier.annual_dues_cents)}.`,
      );
    }
    description = `${tier.name} membership dues, one year`;
  } else {
    if (!input.registrationId)
      throw fieldError(
        'registrationId',
        'is required for an event payment',
        'Choose the registration this pays for.',
      );
    if (!registration || registration.user_id !== payer.id) {
      throw fieldError(
        'registrationId',
        'is not a registration of this person',
        'That registration is not this person’s.',
      );
    }
    description = `Registration: ${registration.title}`;
  }

  return inTransaction(deps.db, (tx) =>
    settle(tx, deps, provider, {
      payer,
      purpose: input.purpose,
      membership: input.purpose === 'dues' ? { row: membership!, tier: tier! } : null,
      registrationId: input.purpose === 'event' ? input.registrationId! : null,
      description,
      method: input.method,
      amountCents: input.amountCents,
      reference: input.reference,
      receivedOn: input.receivedOn,
      actorId: actor.userId,
    }),
  );
}

type Membership = NonNullable<Awaited<ReturnType<typeof repo.findMembershipByUser>>>;
type TierRow = NonNullable<Awaited<ReturnType<typeof repo.findTier>>>;

/**
 * What a payment does, whoever took it, in the caller's transaction: the provider writes the row
 * and the receipt; dues start or extend the membership, turn its benefits on and close its open
 * invoice (or `invoiceId`, the one a card paid); an event fee marks the registration paid; the
 * payer gets the receipt by e-mail; the audit trail says who recorded it.
 */
export async function settle(
  tx: Tx,
  deps: Deps,
  provider: PaymentProvider,
  input: Pick<
    PaymentInput,
    'purpose' | 'registrationId' | 'description' | 'method' | 'amountCents' | 'reference' | 'receivedOn'
  > & {
    payer: { id: string; name: string; email: string };
    membership: { row: Membership; tier: TierRow } | null;
    actorId: string | null;
    invoiceId?: string;
  },
) {
  const now = deps.clock.now();
  const { payer } = input;
  const paid = await provider.recordPayment(tx, deps, {
    userId: payer.id,
    payerName: payer.name,
    purpose: input.purpose,
    membershipId: input.membership?.row.id ?? null,
    registrationId: input.registrationId,
    description: input.description,
    method: input.method,
    amountCents: input.amountCents,
    reference: input.reference,
    receivedOn: input.receivedOn,
    recordedBy: input.actorId,
  });

  let expiresAt: string | null = null;
  if (input.membership) {
    const { row: m, tier } = input.membership;
    const period = periodAfterPayment(
      {
        status: m.status,
        expiresAt: m.status === 'pending' ? null : m.expires_at,
        graceDays: tier.grace_days,
      },
      now,
    );
    expiresAt = iso(period.expiresAt);
    await repo.updateMembership(tx, m.id, {
      status: 'active',
      period_start: iso(period.startsAt),
      expires_at: expiresAt,
      ...(m.status !== 'active' ? { status_changed_at: iso(now) } : {}),
      updated_at: iso(now),
    });
    await applyBenefits(tx, deps, {
      userId: payer.id,
      status: 'active',
      includesListing: tier.includes_listing === 1,
      actorId: input.actorId,
    });
    const invoiceId = input.invoiceId ?? (await invoices.openDuesInvoice(tx, m.id))?.id;
    if (invoiceId) await invoices.closeInvoicePaid(tx, invoiceId, paid.id, iso(now));
    await recordAudit(tx, {
      kind: m.status === 'active' || m.status === 'grace' ? 'membership.renewed' : 'membership.activated',
      at: now,
      actorId: input.actorId,
      subjectType: 'membership',
      subjectId: m.id,
      data: { from: m.status, to: 'active', expiresAt, paymentId: paid.id },
    });
  } else if (input.registrationId) {
    await markPaid(tx, input.registrationId, iso(now));
  }

  const file = await readFile(tx, paid.receiptFileId);
  if (!file) throw new Error('files: the receipt just stored could not be read');
  await queueEmail(tx, deps, {
    to: payer.email,
    toUserId: payer.id,
    ...MEMBERSHIP_EMAILS.receipt({
      name: payer.name,
      receiptNumber: paid.receiptNumber,
      amountCents: input.amountCents,
      description: input.description,
      activeUntil: expiresAt?.slice(0, 10) ?? null,
    }),
    attachments: [pdfAttachment(file.filename, file.data)],
  });
  await recordAudit(tx, {
    kind: 'payment.recorded',
    at: now,
    actorId: input.actorId,
    subjectType: 'payment',
    subjectId: paid.id,
    data: {
      provider: provider.id,
      method: input.method,
      purpose: input.purpose,
      amountCents: input.amountCents,
    },
  });
  return { id: paid.id, receiptNumber: paid.receiptNumber, expiresAt };
}

/** The receipt PDF, for the payer or association staff. */
export async function receipt(deps: Deps, actor: Actor | null, paymentId: string) {
  requireActor(actor);
  const payment = await repo.findPayment(deps.db, paymentId);
  const staff = can(actor.grants, 'association:manage');
  if (!payment || (payment.user_id !== actor.userId && !staff) || !payment.receipt_file_id) {
    throw notFound('That receipt');
  }
  const file = await readFile(deps.db, payment.receipt_file_id);
  if (!file) throw notFound('That receipt');
  return { filename: file.filename, contentType: file.contentType, data: file.data };
}
