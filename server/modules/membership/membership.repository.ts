import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { MembershipStatus } from '../../../domain/membership.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import { afterKeyset, containsText } from '../../db/list-query.ts';
import type {
  AssociationPaymentsTable,
  MembershipsTable,
  MembershipTiersTable,
} from '../../db/tables/association.ts';
import type { Keyset } from '../../http/keyset.ts';

/** A tier's benefits, in words, as a list. */
const benefits = jsonColumn('membership_tiers', 'benefits', z.array(z.string()));
export type TierRow = Omit<Selectable<MembershipTiersTable>, 'benefits'> & { benefits: string[] };
const toTier = (row: Selectable<MembershipTiersTable>): TierRow => ({
  ...row,
  benefits: benefits.read(row.benefits),
});
const encodeTier = <T extends { benefits?: string[] | undefined }>({ benefits: b, ...rest }: T) => ({
  ...rest,
  ...benefits.change(b),
});

export const listTiers = async (db: Executor, includeInactive: boolean) => {
  let q = db.selectFrom('membership_tiers').selectAll().orderBy('sort_order').orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toTier);
};

export const findTier = async (db: Executor, id: string) => {
  const row = await db.selectFrom('membership_tiers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTier(row);
};

export const findTierBySlug = (db: Executor, slug: string) =>
  db.selectFrom('membership_tiers').select('id').where('slug', '=', slug).executeTakeFirst();

export async function insertTier(
  db: Executor,
  row: Omit<Insertable<MembershipTiersTable>, 'benefits'> & { benefits?: string[] },
) {
  await db.insertInto('membership_tiers').values(encodeTier(row)).execute();
}

export async function updateTier(
  db: Executor,
  id: string,
  patch: Omit<Updateable<MembershipTiersTable>, 'benefits'> & { benefits?: string[] },
) {
  await db.updateTable('membership_tiers').set(encodeTier(patch)).where('id', '=', id).execute();
}

export const findMembershipByUser = (db: Executor, userId: string) =>
  db.selectFrom('memberships').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const findMembership = (db: Executor, id: string) =>
  db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertMembership(db: Executor, row: Insertable<MembershipsTable>) {
  await db.insertInto('memberships').values(row).execute();
}

export async function updateMembership(db: Executor, id: string, patch: Updateable<MembershipsTable>) {
  await db.updateTable('memberships').set(patch).where('id', '=', id).execute();
}

/** Moves a membership from one stored status to another only if nobody moved it first. */
export async function moveMembership(
  db: Executor,
  id: string,
  from: MembershipStatus,
  patch: Updateable<MembershipsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('memberships')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type MembershipsFilter = {
  status?: MembershipStatus | undefined;
  owing?: boolean | undefined;
  q?: string | undefined;
};

/**
 * Staff's two lists (memberships, members): each membership with its person, its tier and its
 * open dues invoice, searched by name or e-mail and filtered by state and dues owed.
 */
const staffMembershipList = (db: Executor, filter: MembershipsFilter) => {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('membership_tiers as t', 't.id', 'm.tier_id')
    .leftJoin('association_invoices as i', (join) =>
      join.onRef('i.membership_id', '=', 'm.id').on('i.status', '=', 'open'),
    )
    .select([
      'm.user_id',
      'm.status',
      'm.expires_at',
      'u.name as user_name',
      'u.email as user_email',
      't.name as tier_name',
      'i.number as invoice_number',
      'i.amount_cents as invoice_cents',
      'i.created_at as invoice_created_at',
    ]);
  if (filter.q) q = q.where(containsText(filter.q, ['u.name', 'u.email']));
  if (filter.status) q = q.where('m.status', '=', filter.status);
  if (filter.owing) q = q.where('i.id', 'is not', null);
  return q;
};

/** Memberships by state or dues owed, searched by name or e-mail, in keyset pages by name. */
export const listMemberships = (
  db: Executor,
  filter: MembershipsFilter,
  after: Keyset | null,
  limit: number,
) => {
  let q = staffMembershipList(db, filter)
    .select(['m.id', 'm.joined_at', 't.annual_dues_cents'])
    .orderBy('u.name')
    .orderBy('m.id')
    .limit(limit);
  if (after) q = q.where(afterKeyset(after, 'u.name', 'm.id'));
  return q.execute();
};

/** Memberships whose state or reminders may change by `horizon` (the end is within 30 days). */
export const membershipsDueForReview = (db: Executor, horizon: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('membership_tiers as t', 't.id', 'm.tier_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.user_id',
      'm.status',
      'm.expires_at',
      't.grace_days',
      't.name as tier_name',
      't.annual_dues_cents',
      't.includes_listing',
      'u.email',
      'u.name as user_name',
    ])
    .where('m.status', 'in', ['active', 'grace'])
    .where('m.expires_at', '<=', horizon)
    .orderBy('m.id')
    .execute();

/** Records that a reminder went; false when it had already gone (unique per period and kind). */
export async function claimReminder(
  db: Executor,
  row: { id: string; membership_id: string; period_end: string; kind: string; sent_at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('membership_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['membership_id', 'period_end', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const remindersFor = (db: Executor, membershipId: string) =>
  db
    .selectFrom('membership_reminders')
    .select(['kind', 'period_end', 'sent_at'])
    .where('membership_id', '=', membershipId)
    .orderBy('sent_at')
    .execute();

export async function insertPayment(db: Executor, row: Insertable<AssociationPaymentsTable>) {
  await db.insertInto('association_payments').values(row).execute();
}

export async function setPaymentReceipt(db: Executor, id: string, fileId: string) {
  await db
    .updateTable('association_payments')
    .set({ receipt_file_id: fileId })
    .where('id', '=', id)
    .execute();
}

export const findPayment = (db: Executor, id: string) =>
  db.selectFrom('association_payments').selectAll().where('id', '=', id).executeTakeFirst();

export type PaymentsFilter = {
  userId?: string | undefined;
  q?: string | undefined;
  method?: string | undefined;
  purpose?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** A member's own payments, newest first (their record and their membership page). */
export const listPayments = (db: Executor, filter: PaymentsFilter, limit = 200) =>
  paymentsQuery(db, filter, limit).execute();

/** One keyset page of the payments the filters find, newest first (staff's list and its CSV). */
export const listPaymentsPage = (
  db: Executor,
  filter: PaymentsFilter,
  after: Keyset | null,
  limit: number,
) => {
  const q = paymentsQuery(db, filter, limit);
  return (after ? q.where(afterKeyset(after, 'p.created_at', 'p.id', 'desc')) : q).execute();
};

function paymentsQuery(db: Executor, filter: PaymentsFilter, limit: number) {
  let q = db
    .selectFrom('association_payments as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id',
      'p.receipt_number',
      'p.user_id',
      'p.purpose',
      'p.provider',
      'p.method',
      'p.amount_cents',
      'p.reference',
      'p.received_on',
      'p.created_at',
      'u.name as user_name',
    ])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit);
  if (filter.userId) q = q.where('p.user_id', '=', filter.userId);
  if (filter.method) q = q.where('p.method', '=', filter.method);
  if (filter.purpose) q = q.where('p.purpose', '=', filter.purpose);
  if (filter.from) q = q.where('p.received_on', '>=', filter.from);
  if (filter.to) q = q.where('p.received_on', '<=', filter.to);
  if (filter.q) q = q.where(containsText(filter.q, ['u.name', 'p.receipt_number', 'p.reference']));
  return q;
}

/** Everyone whose membership is in good standing (active or grace), with their address. */
export const membersInGoodStanding = (db: Executor) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email', 'u.name'])
    .where('m.status', 'in', ['active', 'grace'])
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();

/** Whether a lapse took the person's directory listing down (to put it back on renewal). */
export const findListingHold = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .select(['id', 'listing_held'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const setListingHeld = (db: Executor, membershipId: string, held: boolean) =>
  db
    .updateTable('memberships')
    .set({ listing_held: held ? 1 : 0 })
    .where('id', '=', membershipId)
    .execute();

export const listPathTicks = async (db: Executor, userId: string) =>
  (await db.selectFrom('mediator_path_ticks').select('step').where('user_id', '=', userId).execute()).map(
    (t) => t.step,
  );

export const tickPathStep = (db: Executor, userId: string, step: string, at: string) =>
  db
    .insertInto('mediator_path_ticks')
    .values({ user_id: userId, step, ticked_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'step']).doNothing())
    .execute();

export const untickPathStep = (db: Executor, userId: string, step: string) =>
  db.deleteFrom('mediator_path_ticks').where('user_id', '=', userId).where('step', '=', step).execute();

/** Removes every step a person ticked on the path (their account's deletion). */
export const deletePathTicks = async (db: Executor, userId: string) =>
  Number(
    (await db.deleteFrom('mediator_path_ticks').where('user_id', '=', userId).executeTakeFirst())
      .numDeletedRows,
  );

/** A person's memberships and payments, with each membership's tier name (their data export). */
export const listMembershipRecordsOf = async (db: Executor, userId: string) => ({
  memberships: await db
    .selectFrom('memberships as m')
    .innerJoin('membership_tiers as t', 't.id', 'm.tier_id')
    .select([
      't.name as tier',
      'm.status',
      'm.joined_at',
      'm.period_start',
      'm.expires_at',
      'm.status_changed_at',
    ])
    .where('m.user_id', '=', userId)
    .execute(),
  payments: await db
    .selectFrom('association_payments')
    .select(['receipt_number', 'purpose', 'method', 'amount_cents', 'reference', 'received_on', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute(),
});

// Staff's members list: a search by name or e-mail, filters, keyset pages by name then person.

export type MembersFilter = MembershipsFilter & { tierId?: string | undefined };

export const listMembersPage = (
  db: Executor,
  filter: MembersFilter,
  after: { value: string; id: string } | null,
  limit: number,
) => {
  let q = staffMembershipList(db, filter)
    .select(['m.tier_id', 't.grace_days'])
    .orderBy('u.name')
    .orderBy('m.user_id')
    .limit(limit);
  if (filter.tierId) q = q.where('m.tier_id', '=', filter.tierId);
  if (after) q = q.where(afterKeyset(after, 'u.name', 'm.user_id'));
  return q.execute();
};

/** A membership's recorded tiers, oldest first: where it began and each change. */
export const listTierChanges = (db: Executor, membershipId: string) =>
  db
    .selectFrom('membership_tier_changes as c')
    .innerJoin('membership_tiers as t', 't.id', 'c.tier_id')
    .select(['c.tier_id', 'c.changed_at', 't.name as tier_name'])
    .where('c.membership_id', '=', membershipId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();

export async function insertTierChanges(
  db: Executor,
  rows: readonly { id: string; membership_id: string; tier_id: string; changed_at: string }[],
) {
  if (rows.length)
    await db
      .insertInto('membership_tier_changes')
      .values([...rows])
      .execute();
}
