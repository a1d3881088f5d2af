import { z } from 'zod';
import { COURSE_KINDS } from '../domain/eligibility.ts';
import { PATH_STEPS } from '../domain/mediator-path.ts';
import { MEMBERSHIP_STATUSES, OFFLINE_METHODS } from '../domain/membership.ts';
import { Can } from './can.ts';
import { DATES_OUT_OF_ORDER, datesInOrder, PageAfter, pageLimit, pageOf, SearchText } from './list.ts';
import { patchOf } from './patch.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * The association's membership: tiers, joining and renewing, payments received offline and
 * their receipts; and (for every signed-in person) continuing education and the mediator path.
 */

const tags = ['association: membership'];
const progressTags = ['association: continuing education and the path'];

export const Id = z.string().min(1).max(64);
export const Cents = z
  .number('Enter an amount in cents')
  .int('Use whole cents')
  .min(0, 'Cannot be negative')
  .max(10_000_000, 'Is too large');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD');

export const TierParams = z.object({ tierId: Id });
export const PaymentParams = z.object({ paymentId: Id });

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

export const MembershipRow = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  tierName: z.string(),
  status: MembershipStatus,
  expiresAt: z.string().nullable(),
  duesCents: z.number(),
  /** The dues invoice still open: joining, or a renewal requested and not yet paid. */
  openInvoice: z.object({ number: z.string(), amountCents: z.number(), createdAt: z.string() }).nullable(),
});
export type MembershipRow = z.infer<typeof MembershipRow>;
export const MembershipQuery = z.object({
  /** Part of the member's name or e-mail address. */
  q: SearchText,
  status: MembershipStatus.optional(),
  /** true: only memberships waiting for dues (an open invoice: joining, or a renewal requested). */
  owing: z.enum(['true', 'false'], 'Say true or false').optional(),
  after: PageAfter,
  limit: pageLimit('membership', 'memberships'),
});
export type MembershipQuery = z.input<typeof MembershipQuery>;
export const listMemberships = defineRoute({
  method: 'GET',
  path: '/api/v1/association/memberships',
  summary: 'Memberships waiting for dues or by state, searched by name or e-mail, a page at a time (staff)',
  tags,
  query: MembershipQuery,
  response: { 200: pageOf(MembershipRow) },
});

export const PaymentsQuery = z
  .object({
    userId: Id.optional(),
    /** Part of the payer's name, the receipt number or the check number. */
    q: SearchText,
    method: z.enum(['card', ...OFFLINE_METHODS], 'Choose one of the ways to pay').optional(),
    purpose: z.enum(['dues', 'event'], 'Choose dues or event').optional(),
    /** Received on or after this day. */
    from: IsoDate.optional(),
    /** Received on or before this day. */
    to: IsoDate.optional(),
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER);
export type PaymentsQuery = z.input<typeof PaymentsQuery>;
export const listPayments = defineRoute({
  method: 'GET',
  path: '/api/v1/association/payments',
  summary: 'Recent payments (staff)',
  tags,
  query: PaymentsQuery,
  response: { 200: z.array(Payment) },
});

export const downloadPayments = defineRoute({
  method: 'GET',
  path: '/api/v1/association/payments.csv',
  summary: 'The payments the search and filters find, as a spreadsheet (staff)',
  tags,
  query: PaymentsQuery,
  response: {
    200: fileBody(
      ['text/csv'],
      'One row per payment: received, payer, for, amount, paid by, reference, receipt',
    ),
  },
});

export const RecordPaymentBody = z.object({
  userId: Id,
  purpose: z.enum(['dues', 'event'], 'Choose dues or event'),
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

export const ContinuingEducation = z.object({
  year: z.number(),
  expectedHours: z.number(),
  earnedHours: z.number(),
  remainingHours: z.number(),
  met: z.boolean(),
  byKind: z.array(z.object({ kind: z.enum(COURSE_KINDS), hours: z.number() })),
});
export type ContinuingEducation = z.infer<typeof ContinuingEducation>;
export const getContinuingEducation = defineRoute({
  method: 'GET',
  path: '/api/v1/association/continuing-education',
  summary: 'My hours this year by kind against the yearly expectation (members)',
  tags: progressTags,
  response: { 200: ContinuingEducation },
});

export const PathStep = z.object({
  step: z.enum(PATH_STEPS),
  done: z.boolean(),
  tickedBy: z.enum(['parley', 'you']).nullable(),
  /** Parley cannot see this step, so the person ticks it. */
  selfTickable: z.boolean(),
  detail: z.string(),
});
export type PathStep = z.infer<typeof PathStep>;
export const getPath = defineRoute({
  method: 'GET',
  path: '/api/v1/association/path',
  summary: 'My checklist on the path to becoming a mediator',
  tags: progressTags,
  response: { 200: z.array(PathStep) },
});
export const TickParams = z.object({ step: z.enum(PATH_STEPS, 'Choose one of the steps') });
export const TickBody = z.object({ done: z.boolean('Say whether it is done') });
export const tickStep = defineRoute({
  method: 'PUT',
  path: '/api/v1/association/path/:step',
  summary: 'Check or uncheck a step Parley cannot see',
  tags: progressTags,
  params: TickParams,
  body: TickBody,
  response: { 200: z.array(PathStep) },
});

// Staff's members: a search over every membership, a page at a time, as CSV, and one member's record.

const membersTags = ['association: members (staff)'];

export const MembersQuery = z.object({
  /** Part of the member's name or e-mail address. */
  q: SearchText,
  status: z.enum(MEMBERSHIP_STATUSES, 'Choose one of the membership states').optional(),
  tierId: Id.optional(),
  /** true: only members with dues waiting (an open invoice). */
  owing: z.enum(['true', 'false'], 'Say true or false').optional(),
  after: PageAfter,
  limit: pageLimit('member', 'members'),
});
export type MembersQuery = z.input<typeof MembersQuery>;

export const MemberRow = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  tierId: z.string(),
  tierName: z.string(),
  status: MembershipStatus,
  /** The state in words, the same words the member reads. */
  statusLabel: z.string(),
  expiresAt: z.string().nullable(),
  /** When benefits stop if the dues are not paid (the end of the grace period). */
  graceEndsAt: z.string().nullable(),
  openInvoice: z.object({ number: z.string(), amountCents: z.number(), createdAt: z.string() }).nullable(),
});
export type MemberRow = z.infer<typeof MemberRow>;

export const MembersPage = pageOf(MemberRow).extend({
  /** The choices for the tier filter. */
  tiers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MembersPage = z.infer<typeof MembersPage>;

export const listMembers = defineRoute({
  method: 'GET',
  path: '/api/v1/association/members',
  summary:
    'Members, searched by name or e-mail and filtered by state, tier and dues owed, a page at a time (staff)',
  tags: membersTags,
  query: MembersQuery,
  response: { 200: MembersPage },
});

export const downloadMembers = defineRoute({
  method: 'GET',
  path: '/api/v1/association/members.csv',
  summary: 'The members the search and filters find, as a spreadsheet (staff)',
  tags: membersTags,
  query: MembersQuery,
  response: {
    200: fileBody(
      ['text/csv'],
      'One row per member: name, e-mail, tier, state, paid until, grace end, dues owed',
    ),
  },
});

export const MemberParams = z.object({ userId: Id });

export const MemberRecord = z.object({
  person: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
  membership: z
    .object({
      tierName: z.string(),
      status: MembershipStatus,
      statusLabel: z.string(),
      joinedAt: z.string(),
      periodStart: z.string().nullable(),
      expiresAt: z.string().nullable(),
      graceEndsAt: z.string().nullable(),
      duesCents: z.number(),
    })
    .nullable(),
  /**
   * The tiers the membership has had, newest first: the tier it began at (from the membership
   * itself, so one that began before invoices shows too) and each change of tier since.
   */
  tiers: z.array(z.object({ on: z.string(), tierName: z.string(), what: z.enum(['joined', 'changed']) })),
  invoices: z.array(Invoice),
  payments: z.array(Payment),
  events: z.array(
    z.object({
      eventId: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      /** registered, waitlisted, cancelled or attended, in words. */
      statusLabel: z.string(),
      creditHours: z.number(),
      certificateCode: z.string().nullable(),
    }),
  ),
  /** Hours on the member's verified training record, by year, newest first. */
  ceHours: z.array(z.object({ year: z.number(), hours: z.number() })),
});
export type MemberRecord = z.infer<typeof MemberRecord>;

export const getMember = defineRoute({
  method: 'GET',
  path: '/api/v1/association/members/:userId',
  summary: "A member's record: membership, tiers, invoices and payments, events attended, CE hours (staff)",
  tags: membersTags,
  params: MemberParams,
  response: { 200: MemberRecord },
});
