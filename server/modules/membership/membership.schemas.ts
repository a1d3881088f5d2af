import { z } from 'zod';
import { patchOf } from '../../../contracts/patch.ts';
import { MEMBERSHIP_STATUSES } from '../../../domain/membership.ts';
import { OFFLINE_METHODS } from './payments.ts';

export const Id = z.string().min(1).max(64);
export const Cents = z
  .number('Enter an amount in cents')
  .int('Use whole cents')
  .min(0, 'Cannot be negative')
  .max(10_000_000, 'Is too large');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD');

export const TierBody = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'Use 2–40 lower-case letters, digits or dashes'),
  name: z.string().trim().min(2, 'Enter a name').max(80),
  description: z.string().trim().max(1000).default(''),
  annualDuesCents: Cents,
  benefits: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  includesListing: z.boolean().default(false),
  graceDays: z.number().int('Use whole days').min(0).max(180).default(30),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export const TierPatch = patchOf(TierBody);
export const TierParams = z.object({ tierId: Id });

export const Tier = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  annualDuesCents: z.number(),
  benefits: z.array(z.string()),
  includesListing: z.boolean(),
  graceDays: z.number(),
  sortOrder: z.number(),
  active: z.boolean(),
});

export const JoinBody = z.object({ tierId: Id });

export const Payment = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  userId: z.string(),
  userName: z.string(),
  purpose: z.string(),
  provider: z.string(),
  method: z.string(),
  amountCents: z.number(),
  reference: z.string(),
  receivedOn: z.string(),
  createdAt: z.string(),
});

export const MyMembership = z.object({
  membership: z
    .object({
      id: z.string(),
      status: z.enum(MEMBERSHIP_STATUSES),
      tier: Tier,
      joinedAt: z.string(),
      periodStart: z.string().nullable(),
      expiresAt: z.string().nullable(),
      graceEndsAt: z.string().nullable(),
      duesCents: z.number(),
      reminders: z.array(z.object({ kind: z.string(), sentAt: z.string() })),
    })
    .nullable(),
  payments: z.array(Payment),
  howToPay: z.string(),
});

export const MembershipRow = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  tierName: z.string(),
  status: z.string(),
  expiresAt: z.string().nullable(),
  duesCents: z.number(),
});
export const MembershipQuery = z.object({ status: z.enum(MEMBERSHIP_STATUSES).optional() });

export const RecordPaymentBody = z.object({
  userId: Id,
  purpose: z.enum(['dues', 'event'], 'Choose dues or event'),
  registrationId: Id.optional(),
  method: z.enum(OFFLINE_METHODS, 'Choose how it was paid'),
  amountCents: Cents.refine((v) => v > 0, 'Must be more than zero'),
  reference: z.string().trim().max(120).default(''),
  receivedOn: IsoDate,
});
export const PaymentParams = z.object({ paymentId: Id });
export const PaymentsQuery = z.object({ userId: Id.optional() });
