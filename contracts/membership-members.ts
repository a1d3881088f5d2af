import { z } from 'zod';
import { MEMBERSHIP_STATUSES } from '../domain/membership.ts';
import { Id } from './id.ts';
import { listQuery, listWithCsv, pageOf } from './list.ts';
import { Invoice, MembershipStatus, Payment } from './membership.ts';
import { defineRoute } from './route.ts';

/** Staff's lists of memberships and members, their download, and one member's record. */

const tags = ['association: membership'];

/** The dues invoice still open: joining, or a renewal requested and not yet paid. */
const OpenInvoice = z.object({ number: z.string(), amountCents: z.number(), createdAt: z.string() });
/** true: only memberships with dues waiting (an open invoice). */
const Owing = z.enum(['true', 'false'], 'Say true or false').optional();
/** Both lists' search box. */
const SEARCHES_MEMBERS = "Part of the member's name or e-mail address";

export const MembershipRow = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  tierName: z.string(),
  status: MembershipStatus,
  expiresAt: z.string().nullable(),
  duesCents: z.number(),
  openInvoice: OpenInvoice.nullable(),
});
export type MembershipRow = z.infer<typeof MembershipRow>;
export const MembershipQuery = listQuery({
  searches: SEARCHES_MEMBERS,
  filters: { status: MembershipStatus.optional(), owing: Owing },
  rows: ['membership', 'memberships'],
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
// Staff's members: a search over every membership, a page at a time, as CSV, and one member's record.

const membersTags = ['association: members (staff)'];

export const MembersQuery = listQuery({
  searches: SEARCHES_MEMBERS,
  filters: {
    status: z.enum(MEMBERSHIP_STATUSES, 'Choose one of the membership states').optional(),
    tierId: Id.optional(),
    owing: Owing,
  },
  rows: ['member', 'members'],
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
  openInvoice: OpenInvoice.nullable(),
});
export type MemberRow = z.infer<typeof MemberRow>;

export const MembersPage = pageOf(MemberRow).extend({
  /** The choices for the tier filter. */
  tiers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MembersPage = z.infer<typeof MembersPage>;

export const { list: listMembers, csv: downloadMembers } = listWithCsv({
  path: '/api/v1/association/members',
  summary:
    'Members, searched by name or e-mail and filtered by state, tier and dues owed, a page at a time (staff)',
  tags: membersTags,
  query: MembersQuery,
  page: MembersPage,
  csv: {
    of: 'members',
    columns: 'One row per member: name, e-mail, tier, state, paid until, grace end, dues owed',
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
