import { z } from 'zod';
import { MEMBERSHIP_STATUSES } from '../domain/membership.ts';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { patchOf } from './patch.ts';
import { defineRoute } from './route.ts';

/**
 * The association's membership: tiers, and joining and renewing. Paying (by card, or offline
 * with its receipt) is in membership-payments.ts, staff's lists of members in
 * membership-members.ts, continuing education and the mediator path in membership-progress.ts.
 */

const tags = ['association: membership'];

export const Cents = z
  .number('Enter an amount in cents')
  .int('Use whole cents')
  .min(0, 'Cannot be negative')
  .max(10_000_000, 'Is too large');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD');

export const TierParams = z.object({ tierId: Id });

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
export type TierBody = z.infer<typeof TierBody>;
export const TierPatch = patchOf(TierBody);
export type TierPatch = z.infer<typeof TierPatch>;

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
  /** Joining at this tier, or renewing at it, is open to this viewer now. */
  can: Can('join', 'renew'),
});
export type Tier = z.infer<typeof Tier>;

export const listTiers = defineRoute({
  method: 'GET',
  path: '/api/v1/association/tiers',
  summary: 'Membership tiers open to join',
  tags,
  response: { 200: z.array(Tier) },
});
export const listAllTiers = defineRoute({
  method: 'GET',
  path: '/api/v1/association/tiers/all',
  summary: 'Every tier, including closed ones (staff)',
  tags,
  response: { 200: z.array(Tier) },
});
export const createTier = defineRoute({
  method: 'POST',
  path: '/api/v1/association/tiers',
  summary: 'Create a membership tier (staff)',
  tags,
  body: TierBody,
  response: { 201: Tier },
});
export const updateTier = defineRoute({
  method: 'PATCH',
  path: '/api/v1/association/tiers/:tierId',
  summary: 'Change a membership tier (staff)',
  tags,
  params: TierParams,
  body: TierPatch,
  response: { 200: Tier },
});

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
export type Payment = z.infer<typeof Payment>;

export const MembershipStatus = z.enum(MEMBERSHIP_STATUSES);

export const Invoice = z.object({
  id: z.string(),
  number: z.string(),
  description: z.string(),
  amountCents: z.number(),
  status: z.enum(['open', 'paid', 'void']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Invoice = z.infer<typeof Invoice>;

export const MyMembership = z.object({
  membership: z
    .object({
      id: z.string(),
      status: MembershipStatus,
      tier: Tier,
      joinedAt: z.string(),
      periodStart: z.string().nullable(),
      expiresAt: z.string().nullable(),
      graceEndsAt: z.string().nullable(),
      duesCents: z.number(),
      /** Member prices, the members' page and (for some tiers) a directory listing, now. */
      hasBenefits: z.boolean(),
      /** Dues are waiting to be paid (a new membership, or one in its grace period). */
      duesOwed: z.boolean(),
      reminders: z.array(z.object({ kind: z.string(), sentAt: z.string() })),
    })
    .nullable(),
  payments: z.array(Payment),
  /** What the person owes or has paid, newest first. */
  invoices: z.array(Invoice),
  howToPay: z.string(),
  /** payByCard: a card provider is set up, so open invoices can be paid online. */
  can: Can('join', 'renew', 'useMembersPage', 'manageAssociation', 'payByCard'),
});
export type MyMembership = z.infer<typeof MyMembership>;

export const getMyMembership = defineRoute({
  method: 'GET',
  path: '/api/v1/association/membership',
  summary: 'My membership and payments',
  tags,
  response: { 200: MyMembership },
});
export const JoinBody = z.object({ tierId: Id });
export type JoinBody = z.infer<typeof JoinBody>;
export const join = defineRoute({
  method: 'POST',
  path: '/api/v1/association/membership',
  summary: 'Join the association at a tier',
  tags,
  body: JoinBody,
  response: { 200: MyMembership },
});
export const renew = defineRoute({
  method: 'POST',
  path: '/api/v1/association/membership/renew',
  summary: 'Renew my membership',
  tags,
  body: JoinBody,
  response: { 200: MyMembership },
});
