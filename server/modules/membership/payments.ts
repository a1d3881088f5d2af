import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import type { OfflineMethod } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { formatMoney } from '../../../domain/money.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import type { Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { storePdf } from '../files/files.service.ts';
import * as repo from './membership.repository.ts';

/**
 * How money reaches the association. Parley never sees card data: a provider either records a
 * payment received outside Parley (the built-in "offline" provider: a check, cash, a payment
 * taken at an event) or confirms one a hosted card payment page took (card-payments.ts). Either
 * way the result is the same row and the same PDF receipt.
 */
export type PaymentMethod = OfflineMethod | 'card';

export type PaymentInput = {
  userId: string;
  payerName: string;
  purpose: 'dues' | 'event';
  membershipId: string | null;
  registrationId: string | null;
  /** What was paid for, as printed on the receipt ("Full membership dues, 2026–2027"). */
  description: string;
  method: PaymentMethod;
  amountCents: number;
  reference: string;
  receivedOn: string;
  recordedBy: string | null;
};

export type RecordedPayment = { id: string; receiptNumber: string; receiptFileId: string };

export type PaymentProvider = {
  readonly id: string;
  readonly label: string;
  recordPayment(tx: Tx, deps: Deps, input: PaymentInput): Promise<RecordedPayment>;
};

/** Receipt numbers: AMM-<year>-<8 characters>, unique by the table's constraint. */
const receiptNumber = (now: Date) => `AMM-${now.getUTCFullYear()}-${newId().slice(-8).toUpperCase()}`;

/** A provider that writes the payment row and its PDF receipt, under its own name. */
const recorder = (id: string, label: string): PaymentProvider => ({
  id,
  label,
  async recordPayment(tx, deps, input) {
    const now = deps.clock.now();
    const paymentId = newId();
    const number = receiptNumber(now);
    await repo.insertPayment(tx, {
      id: paymentId,
      receipt_number: number,
      user_id: input.userId,
      purpose: input.purpose,
      membership_id: input.membershipId,
      registration_id: input.registrationId,
      provider: id,
      method: input.method,
      amount_cents: input.amountCents,
      reference: input.reference,
      received_on: input.receivedOn,
      recorded_by: input.recordedBy,
      receipt_file_id: null,
      created_at: iso(now),
    });
    // The receipt is in the payer's language.
    const language = await languageOfRecipient(tx, { userId: input.userId });
    const pdf = await receiptPdf({ ...input, receiptNumber: number, issuedAt: now }, language);
    const fileId = await storePdf(tx, deps, {
      purpose: 'association-receipt',
      filename: `receipt-${number}.pdf`,
      bytes: pdf,
      ownerId: input.userId,
    });
    await repo.setPaymentReceipt(tx, paymentId, fileId);
    return { id: paymentId, receiptNumber: number, receiptFileId: fileId };
  },
});

export const offlineProvider = recorder('offline', 'Payment recorded by association staff');

/** Payments a card provider confirmed by its signed webhook. */
export const cardPaymentRecorder = (providerId: string) =>
  recorder(providerId, 'Card payment confirmed online');

export const PAYMENT_PROVIDERS: Record<string, PaymentProvider> = { offline: offlineProvider };

/**
 * A payment's receipt in the payer's language: money and the date as that language writes them
 * (the date in Missouri); what was paid for as it was recorded.
 */
export function receiptPdf(
  p: PaymentInput & { receiptNumber: string; issuedAt: Date },
  language: Language = DEFAULT_LANGUAGE,
): Promise<Buffer> {
  const { t } = documentWords(language);
  const method = t(`receipt.method.${p.method}`);
  return renderPdf({
    title: t('receipt.title'),
    subtitle: 'Association of Missouri Mediators',
    author: 'Association of Missouri Mediators',
    createdAt: p.issuedAt,
    footer: t('receipt.footer', { number: p.receiptNumber }),
    language,
    blocks: [
      { kind: 'paragraph', text: t('receipt.number', { number: p.receiptNumber }) },
      { kind: 'paragraph', text: t('receipt.from', { payer: p.payerName }) },
      { kind: 'paragraph', text: t('receipt.for', { description: p.description }) },
      { kind: 'paragraph', text: t('receipt.amount', { amount: formatMoney(p.amountCents, language) }) },
      {
        kind: 'paragraph',
        text: p.reference
          ? t('receipt.paidByReference', { method, reference: p.reference })
          : t('receipt.paidBy', { method }),
      },
      {
        kind: 'paragraph',
        text: t('receipt.received', { date: formatMissouriDate(p.receivedOn, {}, language) }),
      },
      { kind: 'spacer' },
      { kind: 'paragraph', text: t('receipt.thanks') },
    ],
  });
}
