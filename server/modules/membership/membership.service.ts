import type { MyMembership, Payment, Tier, TierBody, TierPatch } from '../../../contracts/membership.ts';
import type { MembershipRow } from '../../../contracts/membership-members.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { keysetList, type PageQuery } from '../../http/page-query.ts';
import { addMs, DAY, iso } from '../../infra/clock.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { refuseCertificationClaimsIn } from '../directory/directory.service.ts';
import { type EmailText, queueEmail } from '../mail/mail.service.ts';
import { cardProviderFor } from './card-payments.ts';
import { invoiceDues, invoicesOf } from './invoices.service.ts';
import type { MembershipAuditKind } from './membership.audit.ts';
import { HOW_TO_PAY, MEMBERSHIP_EMAILS } from './membership.emails.ts';
import { benefitsAt, duesOwed, joinRefusal, mayRenew } from './membership.policy.ts';
import * as repo from './membership.repository.ts';
import { noteFirstTier, noteTier } from './tier-history.ts';

type TierRow = NonNullable<Awaited<ReturnType<typeof repo.findTier>>>;
type Held = Awaited<ReturnType<typeof repo.findMembershipByUser>>;

/** A tier, with whether this viewer (and their membership, if any) may join or renew at it. */
export const presentTier = (t: TierRow, viewer: { actor: Actor | null; held: Held }): Tier => {
  const open = t.active === 1 && viewer.actor !== null;
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    description: t.description,
    annualDuesCents: t.annual_dues_cents,
    benefits: t.benefits,
    includesListing: t.includes_listing === 1,
    graceDays: t.grace_days,
    sortOrder: t.sort_order,
    active: t.active === 1,
    can: {
      join: open && !mayRenew(viewer.held) && joinRefusal(viewer.held, t.id) === null,
      renew: open && mayRenew(viewer.held),
    },
  };
};

const viewerOf = async (deps: Deps, actor: Actor | null) => ({
  actor,
  held: actor ? await repo.findMembershipByUser(deps.db, actor.userId) : undefined,
});

export async function listTiers(deps: Deps, actor: Actor | null, all: boolean): Promise<Tier[]> {
  if (all) authorize(actor, 'association:manage');
  const viewer = await viewerOf(deps, actor);
  return (await repo.listTiers(deps.db, all)).map((t) => presentTier(t, viewer));
}

const tierColumns = (input: TierPatch) => ({
  ...(input.slug !== undefined ? { slug: input.slug } : {}),
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.annualDuesCents !== undefined ? { annual_dues_cents: input.annualDuesCents } : {}),
  ...(input.benefits !== undefined ? { benefits: input.benefits } : {}),
  ...(input.includesListing !== undefined ? { includes_listing: input.includesListing ? 1 : 0 } : {}),
  ...(input.graceDays !== undefined ? { grace_days: input.graceDays } : {}),
  ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
  ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
});

/** A tier's public words: no tier makes its members certified mediators. */
const refuseClaims = (input: TierPatch) =>
  refuseCertificationClaimsIn('a membership tier', {
    name: input.name,
    description: input.description,
    ...Object.fromEntries((input.benefits ?? []).map((b, i) => [`benefits.${i}`, b])),
  });

export async function createTier(deps: Deps, actor: Actor | null, input: TierBody): Promise<Tier> {
  authorize(actor, 'association:manage');
  refuseClaims(input);
  if (await repo.findTierBySlug(deps.db, input.slug)) {
    throw new AppError('ALREADY_EXISTS', 'A tier with that short name already exists.', {
      fields: { slug: 'is already used' },
    });
  }
  const now = deps.clock.now();
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertTier(tx, {
      id,
      slug: input.slug,
      name: input.name,
      annual_dues_cents: input.annualDuesCents,
      ...tierColumns(input),
      created_at: iso(now),
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'membership_tier.created',
      at: now,
      actorId: actor.userId,
      subjectType: 'membership_tier',
      subjectId: id,
      data: { slug: input.slug, annualDuesCents: input.annualDuesCents },
    });
  });
  return presentTier((await repo.findTier(deps.db, id))!, await viewerOf(deps, actor));
}

export async function updateTier(
  deps: Deps,
  actor: Actor | null,
  tierId: string,
  input: TierPatch,
): Promise<Tier> {
  authorize(actor, 'association:manage');
  refuseClaims(input);
  const tier = await repo.findTier(deps.db, tierId);
  if (!tier) throw notFound('That membership tier');
  if (input.slug && input.slug !== tier.slug && (await repo.findTierBySlug(deps.db, input.slug))) {
    throw new AppError('ALREADY_EXISTS', 'A tier with that short name already exists.', {
      fields: { slug: 'is already used' },
    });
  }
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateTier(tx, tierId, { ...tierColumns(input), updated_at: iso(now) });
    await recordAudit(tx, {
      kind: 'membership_tier.updated',
      at: now,
      actorId: actor.userId,
      subjectType: 'membership_tier',
      subjectId: tierId,
      data: { fields: Object.keys(input) },
    });
  });
  return presentTier((await repo.findTier(deps.db, tierId))!, await viewerOf(deps, actor));
}

export const presentPayment = (p: Awaited<ReturnType<typeof repo.listPayments>>[number]): Payment => ({
  id: p.id,
  receiptNumber: p.receipt_number,
  userId: p.user_id,
  userName: p.user_name,
  purpose: p.purpose,
  provider: p.provider,
  method: p.method,
  amountCents: p.amount_cents,
  reference: p.reference,
  receivedOn: p.received_on,
  createdAt: p.created_at,
});

/** The signed-in person's membership, payments and how to pay, and what they may do. */
export async function myMembership(deps: Deps, actor: Actor | null): Promise<MyMembership> {
  requireActor(actor);
  const viewer = await viewerOf(deps, actor);
  const m = viewer.held;
  const payments = (await repo.listPayments(deps.db, { userId: actor.userId })).map(presentPayment);
  const tier = m ? (await repo.findTier(deps.db, m.tier_id))! : undefined;
  const can_ = {
    join: !mayRenew(m),
    renew: mayRenew(m),
    useMembersPage: can(actor.grants, 'association:members'),
    manageAssociation: can(actor.grants, 'association:manage'),
    payByCard: cardProviderFor(deps.config) !== null,
  };
  const invoices = await invoicesOf(deps, actor.userId);
  if (!m || !tier) return { membership: null, payments, invoices, howToPay: HOW_TO_PAY, can: can_ };
  const reminders = await repo.remindersFor(deps.db, m.id);
  return {
    membership: {
      id: m.id,
      status: m.status,
      tier: presentTier(tier, viewer),
      joinedAt: m.joined_at,
      periodStart: m.period_start,
      expiresAt: m.expires_at,
      graceEndsAt: m.expires_at ? iso(addMs(new Date(m.expires_at), tier.grace_days * DAY)) : null,
      duesCents: tier.annual_dues_cents,
      hasBenefits: benefitsAt(m, tier.grace_days, deps.clock.now()),
      duesOwed: duesOwed(m),
      reminders: reminders.map((r) => ({ kind: r.kind, sentAt: r.sent_at })),
    },
    payments,
    invoices,
    howToPay: HOW_TO_PAY,
    can: can_,
  };
}

async function openTier(deps: Deps, tierId: string) {
  const tier = await repo.findTier(deps.db, tierId);
  if (tier?.active !== 1) {
    throw new AppError('VALIDATION_FAILED', 'Choose one of the membership tiers.', {
      fields: { tierId: 'is not an open membership tier' },
    });
  }
  return tier;
}

/** The member's own e-mail about what they did, and its audit entry. */
async function tellMember(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  email: EmailText,
  event: { kind: MembershipAuditKind; at: Date; subjectId: string; data: Record<string, unknown> },
) {
  await queueEmail(tx, deps, { to: actor.email, toUserId: actor.userId, ...email });
  await recordAudit(tx, { ...event, actorId: actor.userId, subjectType: 'membership' });
}

/**
 * Join (or, for a lapsed member, re-join) at a tier. The membership waits for its dues; it
 * becomes active when a payment is recorded. An active member changes tier by renewing.
 */
export async function join(deps: Deps, actor: Actor | null, input: { tierId: string }) {
  requireActor(actor);
  const tier = await openTier(deps, input.tierId);
  const existing = await repo.findMembershipByUser(deps.db, actor.userId);
  const refusal = joinRefusal(existing, tier.id);
  if (refusal) throw refusal;
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const id = existing?.id ?? newId();
    if (existing) {
      await noteTier(tx, deps, existing, tier.id);
      await repo.updateMembership(tx, id, {
        tier_id: tier.id,
        status: 'pending',
        status_changed_at: iso(now),
        updated_at: iso(now),
      });
    } else {
      await repo.insertMembership(tx, {
        id,
        user_id: actor.userId,
        tier_id: tier.id,
        status: 'pending',
        joined_at: iso(now),
        period_start: null,
        expires_at: null,
        status_changed_at: iso(now),
        created_at: iso(now),
        updated_at: iso(now),
      });
      await noteFirstTier(tx, { id, tier_id: tier.id, joined_at: iso(now) });
    }
    await invoiceDues(tx, deps, { userId: actor.userId, membershipId: id, tier });
    await tellMember(tx, deps, actor, MEMBERSHIP_EMAILS.joined(actor.name, tier), {
      kind: 'membership.joined',
      at: now,
      subjectId: id,
      data: { tierId: tier.id, rejoined: Boolean(existing) },
    });
  });
  return myMembership(deps, actor);
}

/** An active or overdue member asks to renew, optionally at another tier; dues are then recorded by staff. */
export async function renew(deps: Deps, actor: Actor | null, input: { tierId: string }) {
  requireActor(actor);
  const m = await repo.findMembershipByUser(deps.db, actor.userId);
  if (!m || !mayRenew(m)) return join(deps, actor, input);
  const tier = await openTier(deps, input.tierId);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await noteTier(tx, deps, m, tier.id);
    await repo.updateMembership(tx, m.id, { tier_id: tier.id, updated_at: iso(now) });
    await invoiceDues(tx, deps, { userId: actor.userId, membershipId: m.id, tier });
    await tellMember(tx, deps, actor, MEMBERSHIP_EMAILS.renewalRequested(actor.name, tier), {
      kind: 'membership.renewal_requested',
      at: now,
      subjectId: m.id,
      data: { tierId: tier.id },
    });
  });
  return myMembership(deps, actor);
}

/** A staff list row's open dues invoice (the lists join it), or null when none is open. */
export const openInvoiceOf = (r: {
  invoice_number: string | null;
  invoice_cents: number | null;
  invoice_created_at: string | null;
}) =>
  r.invoice_number && r.invoice_created_at
    ? { number: r.invoice_number, amountCents: Number(r.invoice_cents), createdAt: r.invoice_created_at }
    : null;

const memberships = keysetList(
  repo.listMemberships,
  (r) => ({ value: r.user_name, id: r.id }),
  (r): MembershipRow => ({
    id: r.id,
    userId: r.user_id,
    name: r.user_name,
    email: r.user_email,
    tierName: r.tier_name,
    status: r.status,
    expiresAt: r.expires_at,
    duesCents: r.annual_dues_cents,
    openInvoice: openInvoiceOf(r),
  }),
);

/** Memberships waiting for dues or by state, searched by name or e-mail, a page at a time (staff). */
export async function listMemberships(
  deps: Deps,
  actor: Actor | null,
  filter: PageQuery<repo.MembershipsFilter>,
): Promise<{ rows: MembershipRow[]; next: string | null }> {
  authorize(actor, 'association:manage');
  return memberships.page(deps.db, filter);
}

const payments = keysetList(
  repo.listPaymentsPage,
  (r) => ({ value: r.created_at, id: r.id }),
  presentPayment,
);

/** Payments, newest first, searched and filtered, a page at a time (staff). */
export async function listPayments(deps: Deps, actor: Actor | null, q: PageQuery<repo.PaymentsFilter>) {
  authorize(actor, 'association:manage');
  return payments.page(deps.db, q);
}

const METHOD_WORDS: Record<string, string> = {
  card: 'Card, paid online',
  cheque: 'Check',
  cash: 'Cash',
  at_event: 'At an event',
  money_order: 'Money order',
  bank_transfer: 'Bank transfer',
};

/** Every payment the filters find, newest first, as CSV. */
export async function paymentsCsv(deps: Deps, actor: Actor | null, filter: repo.PaymentsFilter) {
  authorize(actor, 'association:manage');
  const rows = await payments.every(deps.db, filter);
  return {
    data: toCsv(
      ['Received', 'Payer', 'For', 'Amount', 'Paid by', 'Reference', 'Receipt'],
      rows.map((p) => [
        p.receivedOn,
        p.userName,
        p.purpose === 'dues' ? 'Dues' : 'Event fee',
        (p.amountCents / 100).toFixed(2),
        METHOD_WORDS[p.method] ?? p.method,
        p.reference,
        p.receiptNumber,
      ]),
    ),
    filename: `payments-${iso(deps.clock.now()).slice(0, 10)}.csv`,
    contentType: 'text/csv',
  };
}

/** Whether a person's membership gives member benefits now (for member prices). */
export async function hasMemberBenefits(deps: Deps, userId: string): Promise<boolean> {
  const m = await repo.findMembershipByUser(deps.db, userId);
  const tier = m ? await repo.findTier(deps.db, m.tier_id) : undefined;
  return benefitsAt(m, tier?.grace_days ?? 0, deps.clock.now());
}

/** For the newsletter: everyone whose membership is in good standing (active or grace), with their address. */
export const membersInGoodStanding = (db: Executor) => repo.membersInGoodStanding(db);

/** A person's memberships and payments (their data export). */
export const membershipRecordsOf = (db: Executor, userId: string) => repo.listMembershipRecordsOf(db, userId);

/** Removes the steps a person ticked on the path to becoming a mediator (their account's deletion). */
export const forgetPathOf = (db: Executor, userId: string) => repo.deletePathTicks(db, userId);
