import type {
  MemberRecord,
  MemberRow,
  MembersPage,
  MembersQuery,
} from '../../../contracts/membership-members.ts';
import { graceEndsAt, MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { notFound } from '../../http/errors.ts';
import { keysetList } from '../../http/page-query.ts';
import { csvDownload } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { verifiedCourses } from '../directory/directory.service.ts';
import { eventHistoryOf } from '../events/events.service.ts';
import { SEAT_WORDS } from '../events/registration.service.ts';
import * as invoiceRepo from './invoices.repository.ts';
import { presentInvoice } from './invoices.service.ts';
import * as repo from './membership.repository.ts';
import { openInvoiceOf, presentPayment } from './membership.service.ts';
import { tierHistory } from './tier-history.ts';

// Staff's members: the search (name or e-mail, state, tier, dues owed) in keyset pages, the same
// list as CSV, and one member's record with its history. A membership's state reads in the same
// words the member reads (MEMBERSHIP_STATUS_LABELS).

type Query = Exclude<MembersQuery, undefined> & { limit: number };

const filterOf = (q: Query): repo.MembersFilter => ({
  q: q.q || undefined,
  status: q.status,
  tierId: q.tierId,
  owing: q.owing === 'true',
});

type Row = Awaited<ReturnType<typeof repo.listMembersPage>>[number];
const present = (r: Row): MemberRow => ({
  userId: r.user_id,
  name: r.user_name,
  email: r.user_email,
  tierId: r.tier_id,
  tierName: r.tier_name,
  status: r.status,
  statusLabel: MEMBERSHIP_STATUS_LABELS[r.status],
  expiresAt: r.expires_at,
  graceEndsAt: graceEndsAt(r.expires_at, r.grace_days),
  openInvoice: openInvoiceOf(r),
});

const members = keysetList(
  (db, q: Query, after, limit) => repo.listMembersPage(db, filterOf(q), after, limit),
  (r) => ({ value: r.user_name, id: r.user_id }),
  present,
);

export async function listMembers(deps: Deps, actor: Actor | null, q: Query): Promise<MembersPage> {
  authorize(actor, 'association:manage');
  return {
    ...(await members.page(deps.db, q)),
    tiers: (await repo.listTiers(deps.db, true)).map((t) => ({ id: t.id, name: t.name })),
  };
}

/** Every member the search and filters find, as CSV (up to CSV_LIMIT rows): names, dates and dues only. */
export async function membersCsv(deps: Deps, actor: Actor | null, q: Query) {
  authorize(actor, 'association:manage');
  const out = await members.every(deps.db, q, q.after);
  const date = (at: string | null) => (at ? formatMissouriDate(at) : '');
  return csvDownload(
    'members',
    deps.clock.now(),
    ['Name', 'E-mail', 'Tier', 'State', 'Paid until', 'Benefits stop on', 'Open invoice', 'Amount owed'],
    out.map((r) => [
      r.name,
      r.email,
      r.tierName,
      r.statusLabel,
      date(r.expiresAt),
      r.status === 'active' || r.status === 'grace' ? date(r.graceEndsAt) : '',
      r.openInvoice?.number ?? '',
      r.openInvoice ? (r.openInvoice.amountCents / 100).toFixed(2) : '',
    ]),
  );
}

/** One member's record for staff: the membership now, and its history. */
export async function memberRecord(deps: Deps, actor: Actor | null, userId: string): Promise<MemberRecord> {
  authorize(actor, 'association:manage');
  const user = await findUser(deps.db, userId);
  const m = await repo.findMembershipByUser(deps.db, userId);
  if (!user || !m) throw notFound('That member');
  const tier = (await repo.findTier(deps.db, m.tier_id))!;
  const invoices = await invoiceRepo.listInvoiceHistoryOf(deps.db, userId);
  const courses = await verifiedCourses(deps.db, userId);
  const byYear = new Map<number, number>();
  for (const c of courses) {
    const year = new Date(c.date).getUTCFullYear();
    byYear.set(year, (byYear.get(year) ?? 0) + c.hours);
  }
  const status: MembershipStatus = m.status;
  return {
    person: { userId, name: user.name, email: user.email },
    membership: {
      tierName: tier.name,
      status,
      statusLabel: MEMBERSHIP_STATUS_LABELS[status],
      joinedAt: m.joined_at,
      periodStart: m.period_start,
      expiresAt: m.expires_at,
      graceEndsAt: graceEndsAt(m.expires_at, tier.grace_days),
      duesCents: tier.annual_dues_cents,
    },
    tiers: await tierHistory(deps.db, m),
    invoices: invoices.map(presentInvoice),
    payments: (await repo.listPayments(deps.db, { userId })).map(presentPayment),
    events: (await eventHistoryOf(deps.db, userId)).map((e) => ({
      eventId: e.eventId,
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      statusLabel: SEAT_WORDS[e.status],
      creditHours: e.creditHours,
      certificateCode: e.certificateCode,
    })),
    ceHours: [...byYear.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, hours]) => ({ year, hours: Math.round(hours * 100) / 100 })),
  };
}
