import { z } from 'zod';
import { OFFLINE_METHODS } from '../domain/membership.ts';
import { Id } from './id.ts';
import { datedListQuery, listWithCsv, pageOf } from './list.ts';
import { Cents, Invoice, IsoDate, Payment } from './membership.ts';
import { defineRoute, fileBody } from './route.ts';

/** Paying dues: an open invoice by card (and the simulated checkout of demos), and staff's payments received offline with their receipts. */

const tags = ['association: membership'];
/** What a payment is for. */
const PaymentPurpose = z.enum(['dues', 'event'], 'Choose dues or event');

export const PaymentParams = z.object({ paymentId: Id });

export const InvoiceParams = z.object({ invoiceId: Id });
export const startCheckout = defineRoute({
  method: 'POST',
  path: '/api/v1/association/invoices/:invoiceId/checkout',
  summary: "Pay one of my open invoices by card: the address of the card provider's checkout page",
  tags,
  params: InvoiceParams,
  response: { 200: z.object({ url: z.string() }) },
});
export const cardWebhook = defineRoute({
  method: 'POST',
  path: '/api/v1/association/payments/card-webhook',
  summary:
    "The card provider's webhook (Stripe's event format, checked by its Stripe-Signature header); each event is handled once",
  tags,
  response: { 200: z.object({ received: z.boolean(), settled: z.boolean() }) },
});
export const CheckoutParams = z.object({ checkoutId: Id });
export const getSimulatedCheckout = defineRoute({
  method: 'GET',
  path: '/api/v1/dev/card-checkout/:checkoutId',
  summary: 'The simulated card checkout page: what it asks to pay (demos and tests only)',
  tags: ['development'],
  params: CheckoutParams,
  response: { 200: Invoice },
});
export const paySimulatedCheckout = defineRoute({
  method: 'POST',
  path: '/api/v1/dev/card-checkout/:checkoutId/pay',
  summary:
    "The simulated card checkout's Pay button: sends the signed event to the webhook (demos and tests only)",
  tags: ['development'],
  params: CheckoutParams,
  response: {
    200: z.object({
      received: z.boolean(),
      settled: z.boolean(),
      invoiceNumber: z.string(),
      amountCents: z.number(),
    }),
  },
});

export const PaymentsQuery = datedListQuery({
  searches: "Part of the payer's name, the receipt number or the check number",
  filters: {
    userId: Id.optional(),
    method: z.enum(['card', ...OFFLINE_METHODS], 'Choose one of the ways to pay').optional(),
    purpose: PaymentPurpose.optional(),
  },
  // A card payment's day is the Missouri day it was paid; an offline one's is the day staff enter.
  days: 'Received',
  rows: ['payment', 'payments'],
});
export type PaymentsQuery = z.input<typeof PaymentsQuery>;
export const { list: listPayments, csv: downloadPayments } = listWithCsv({
  path: '/api/v1/association/payments',
  summary: 'Payments, newest first, searched and filtered, a page at a time (staff)',
  tags,
  query: PaymentsQuery,
  page: pageOf(Payment),
  csv: {
    of: 'payments',
    columns: 'One row per payment: received, payer, for, amount, paid by, reference, receipt',
  },
});

export const RecordPaymentBody = z.object({
  userId: Id,
  purpose: PaymentPurpose,
  registrationId: Id.optional(),
  method: z.enum(OFFLINE_METHODS, 'Choose how it was paid'),
  amountCents: Cents.refine((v) => v > 0, 'Must be more than zero'),
  reference: z.string().trim().max(120).default(''),
  receivedOn: IsoDate,
});
export type RecordPaymentBody = z.infer<typeof RecordPaymentBody>;
export const recordPayment = defineRoute({
  method: 'POST',
  path: '/api/v1/association/payments',
  summary: 'Record a payment received by check, cash or at an event (staff; offline provider)',
  tags,
  body: RecordPaymentBody,
  response: {
    201: z.object({ id: z.string(), receiptNumber: z.string(), expiresAt: z.string().nullable() }),
  },
});
export const getReceipt = defineRoute({
  method: 'GET',
  path: '/api/v1/association/payments/:paymentId/receipt',
  summary: 'A payment receipt as PDF (the payer or staff)',
  tags,
  params: PaymentParams,
  response: { 200: fileBody(['application/pdf'], 'The receipt') },
});
