import type { MemberRecord } from '../../../contracts/membership-members.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import * as invoices from './invoices.repository.ts';
import * as repo from './membership.repository.ts';

// The tiers a membership has had: where it began and each change, for the member's record.
// Since migration 2026-11-27-1102 each is written as it happens (membership_tier_changes). A
// membership with no rows there yet reads them from its own row and its dues invoices: an invoice
// written as the person joined is its first tier; one that began before invoices existed began at
// its joining date, at its tier then (its tier now, until a change has been written).

type Membership = { id: string; user_id: string; tier_id: string; joined_at: string };
type Entry = { tierId: string; tierName: string; on: string };

/** The invoice written as a person joined is stamped within moments of the membership's start. */
const JOINING_INVOICE_MS = 60_000;

async function derivedHistory(db: Executor, m: Membership): Promise<Entry[]> {
  const dues = (await invoices.listInvoiceHistoryOf(db, m.user_id))
    .filter((i) => i.purpose === 'dues' && i.membership_id === m.id && i.tier_id && i.tier_name)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  const current = await repo.findTier(db, m.tier_id);
  const out: Entry[] = [];
  const gap = dues[0] ? Date.parse(dues[0].created_at) - Date.parse(m.joined_at) : -1;
  if (gap < 0 || gap > JOINING_INVOICE_MS) {
    // Began before invoices: its tier then is the one before its first invoice's change, which
    // only the membership row held; with no invoice since, that is its tier now.
    const first = dues[0] ?? { tier_id: m.tier_id, tier_name: current?.name ?? '' };
    out.push({ tierId: first.tier_id!, tierName: first.tier_name!, on: m.joined_at });
  }
  for (const i of dues) {
    if (out.at(-1)?.tierId === i.tier_id) continue;
    out.push({ tierId: i.tier_id!, tierName: i.tier_name!, on: i.created_at });
  }
  return out;
}

/** The tiers a membership has had, oldest first. */
async function historyOf(db: Executor, m: Membership): Promise<Entry[]> {
  const rows = await repo.listTierChanges(db, m.id);
  if (!rows.length) return derivedHistory(db, m);
  return rows.map((r) => ({ tierId: r.tier_id, tierName: r.tier_name, on: r.changed_at }));
}

/** For the member's record: newest first, the first one "joined", the others "changed". */
export async function tierHistory(db: Executor, m: Membership): Promise<MemberRecord['tiers']> {
  return (await historyOf(db, m))
    .map((e, i) => ({
      on: e.on,
      tierName: e.tierName,
      what: i === 0 ? ('joined' as const) : ('changed' as const),
    }))
    .reverse();
}

/**
 * Records that a membership is now at `tierId` (joining again, renewing), before its row
 * changes: a membership with no recorded history first writes the one read from its row and
 * invoices, so its starting tier is kept; the same tier again adds nothing.
 */
export async function noteTier(tx: Tx, deps: Pick<Deps, 'clock'>, m: Membership, tierId: string) {
  const recorded = await repo.listTierChanges(tx, m.id);
  const history = recorded.length
    ? recorded.map((r) => ({ tierId: r.tier_id, on: r.changed_at }))
    : await derivedHistory(tx, m);
  const rows = recorded.length
    ? []
    : history.map((e) => ({ id: newId(), membership_id: m.id, tier_id: e.tierId, changed_at: e.on }));
  if (history.at(-1)?.tierId !== tierId) {
    rows.push({ id: newId(), membership_id: m.id, tier_id: tierId, changed_at: iso(deps.clock.now()) });
  }
  await repo.insertTierChanges(tx, rows);
}

/** A new membership's first tier. */
export const noteFirstTier = (tx: Tx, m: { id: string; tier_id: string; joined_at: string }) =>
  repo.insertTierChanges(tx, [
    { id: newId(), membership_id: m.id, tier_id: m.tier_id, changed_at: m.joined_at },
  ]);
