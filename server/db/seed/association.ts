import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';

// Builders for the association's records (shared by tests and the demo seed), and the demo's
// tiers, trainings, forms, newsletter and jobs.

export type TierSpec = {
  slug?: string;
  name?: string;
  annualDuesCents?: number;
  includesListing?: boolean;
  graceDays?: number;
  benefits?: string[];
  description?: string;
  sortOrder?: number;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildTier(deps: Pick<Deps, 'db' | 'clock'>, spec: TierSpec = {}) {
  const id = newId();
  const now = iso(deps.clock.now());
  const row = {
    id,
    slug: spec.slug ?? `tier-${unique()}`,
    name: spec.name ?? 'Full',
    description: spec.description ?? '',
    annual_dues_cents: spec.annualDuesCents ?? 9500,
    benefits: JSON.stringify(spec.benefits ?? []),
    includes_listing: spec.includesListing ? 1 : 0,
    grace_days: spec.graceDays ?? 30,
    sort_order: spec.sortOrder ?? 0,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await deps.db.insertInto('membership_tiers').values(row).execute();
  return row;
}

export type EventSpec = {
  kind?: string;
  title?: string;
  provider?: string;
  startsAt?: Date;
  hours?: number;
  credits?: { kind: string; hours: number }[];
  capacity?: number | null;
  memberPriceCents?: number;
  priceCents?: number;
  place?: string | null;
  onlineUrl?: string | null;
  recorded?: boolean;
  description?: string;
};

export async function buildEvent(deps: Pick<Deps, 'db' | 'clock'>, spec: EventSpec = {}) {
  const id = newId();
  const now = deps.clock.now();
  const starts = spec.startsAt ?? new Date(now.getTime() + 14 * 24 * 3600_000);
  const hours = spec.hours ?? 8;
  const credits = spec.credits ?? [];
  const row = {
    id,
    kind: spec.kind ?? 'core_training',
    title: spec.title ?? 'Civil mediation core training (16 hours)',
    description: spec.description ?? '',
    provider: spec.provider ?? 'Association of Missouri Mediators',
    starts_at: iso(starts),
    ends_at: iso(new Date(starts.getTime() + hours * 3600_000)),
    place: spec.place === undefined ? 'Columbia, Missouri' : spec.place,
    online_url: spec.onlineUrl ?? null,
    recorded: spec.recorded ? 1 : 0,
    credits: JSON.stringify(credits),
    credit_hours: credits.reduce((s, c) => s + c.hours, 0),
    capacity: spec.capacity === undefined ? 20 : spec.capacity,
    seats_taken: 0,
    member_price_cents: spec.memberPriceCents ?? 0,
    price_cents: spec.priceCents ?? 0,
    status: 'published',
    lock_version: 0,
    created_by: null,
    created_at: iso(now),
    updated_at: iso(now),
  };
  await deps.db.insertInto('association_events').values(row).execute();
  return row;
}

/** A membership paid until `expiresAt`, with the member role it brings. */
export async function buildMembership(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  tierId: string,
  options: { expiresAt?: Date; status?: 'active' | 'grace' | 'lapsed' } = {},
) {
  const now = deps.clock.now();
  const expires = options.expiresAt ?? new Date(now.getTime() + 200 * 24 * 3600_000);
  const status = options.status ?? 'active';
  await deps.db
    .insertInto('memberships')
    .values({
      id: newId(),
      user_id: userId,
      tier_id: tierId,
      status,
      joined_at: iso(now),
      period_start: iso(new Date(expires.getTime() - 365 * 24 * 3600_000)),
      expires_at: iso(expires),
      status_changed_at: iso(now),
      created_at: iso(now),
      updated_at: iso(now),
    })
    .execute();
  if (status !== 'lapsed') {
    await deps.db
      .insertInto('role_grants')
      .values({
        id: newId(),
        user_id: userId,
        role: 'member',
        scope: '*',
        created_at: iso(now),
        created_by: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'role', 'scope']).doNothing())
      .execute();
  }
}
