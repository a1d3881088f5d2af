import { dollars, type OfflineMethod, periodAfterPayment } from '../../../domain/membership.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegistration, markPaid } from '../events/registration.service.ts';
import { readFile } from '../files/files.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { MEMBERSHIP_EMAILS } from './membership.emails.ts';
import * as repo from './membership.repository.ts';
import { applyBenefits } from './membership.state.ts';
import { offlineProvider, type PaymentProvider } from './payments.ts';

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
  const now = deps.clock.now();

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

  return inTransaction(deps.db, async (tx) => {
    const paid = await provider.recordPayment(tx, deps, {
      userId: payer.id,
      payerName: payer.name,
      purpose: input.purpose,
      membershipId: input.purpose === 'dues' ? membership!.id : null,
      registrationId: input.purpose === 'event' ? input.registrationId! : null,
      description,
      method: input.method,
      amountCents: input.amountCents,
      reference: input.reference,
      receivedOn: input.receivedOn,
      recordedBy: actor.userId,
    });

    let expiresAt: string | null = null;
    if (input.purpose === 'dues') {
      const m = membership!;
      const period = periodAfterPayment(
        {
          status: m.status,
          expiresAt: m.status === 'pending' ? null : m.expires_at,
          graceDays: tier!.grace_days,
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
        includesListing: tier!.includes_listing === 1,
        actorId: actor.userId,
      });
      await recordAudit(tx, {
        kind: m.status === 'active' || m.status === 'grace' ? 'membership.renewed' : 'membership.activated',
        at: now,
        actorId: actor.userId,
        subjectType: 'membership',
        subjectId: m.id,
        data: { from: m.status, to: 'active', expiresAt, paymentId: paid.id },
      });
    } else {
      await markPaid(tx, input.registrationId!, iso(now));
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
        description,
        activeUntil: expiresAt?.slice(0, 10) ?? null,
      }),
      attachments: [
        {
          filename: file.filename,
          contentType: 'application/pdf',
          content: file.data.toString('base64'),
          encoding: 'base64',
        },
      ],
    });
    await recordAudit(tx, {
      kind: 'payment.recorded',
      at: now,
      actorId: actor.userId,
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
  });
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
