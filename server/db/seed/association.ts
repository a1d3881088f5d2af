import type { EventKind } from '../../../domain/event-seats.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { seedStarterForms } from './starter-forms.ts';

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
  kind?: EventKind;
  title?: string;
  provider?: string;
  startsAt?: Date;
  /** Hours in all, spread evenly over `days` consecutive days starting at startsAt's hour. */
  hours?: number;
  days?: number;
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
  const days = spec.days ?? 1;
  const sessions = Array.from({ length: days }, (_, i) => {
    const start = new Date(starts.getTime() + i * 24 * 3600_000);
    return {
      id: newId(),
      event_id: id,
      seq: i + 1,
      starts_at: iso(start),
      ends_at: iso(new Date(start.getTime() + (hours / days) * 3600_000)),
    };
  });
  const credits = spec.credits ?? [];
  const row = {
    id,
    kind: spec.kind ?? 'core_training',
    title: spec.title ?? 'Civil mediation core training (16 hours)',
    description: spec.description ?? '',
    provider: spec.provider ?? 'Association of Missouri Mediators',
    starts_at: iso(starts),
    ends_at: sessions[sessions.length - 1]!.ends_at,
    place: spec.place === undefined ? 'Columbia, Missouri' : spec.place,
    online_url: spec.onlineUrl ?? null,
    recorded: spec.recorded ? 1 : 0,
    credits: JSON.stringify(credits),
    credit_hours: credits.reduce((s, c) => s + c.hours, 0),
    capacity: spec.capacity === undefined ? 20 : spec.capacity,
    seats_taken: 0,
    member_price_cents: spec.memberPriceCents ?? 0,
    price_cents: spec.priceCents ?? 0,
    status: 'published' as const,
    lock_version: 0,
    created_by: null,
    created_at: iso(now),
    updated_at: iso(now),
  };
  await deps.db.insertInto('association_events').values(row).execute();
  await deps.db.insertInto('association_event_sessions').values(sessions).execute();
  return { ...row, sessions };
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

const DEMO_TIERS: TierSpec[] = [
  {
    slug: 'full',
    name: 'Full',
    annualDuesCents: 9500,
    includesListing: true,
    sortOrder: 1,
    description: 'For practicing mediators.',
    benefits: [
      'Listing in Find a Mediator',
      'Free quarterly webinars, live and recorded',
      'Member prices for the annual conference and trainings',
      'The Communicator, our quarterly newsletter',
      'The members-only forms library',
      'Job listings and alerts',
    ],
  },
  {
    slug: 'associate',
    name: 'Associate',
    annualDuesCents: 6000,
    sortOrder: 2,
    description: 'For people who use mediation skills in their work.',
    benefits: [
      'Free quarterly webinars',
      'Member prices for events',
      'The Communicator',
      'The forms library',
    ],
  },
  {
    slug: 'student',
    name: 'Student',
    annualDuesCents: 2500,
    sortOrder: 3,
    description: 'For students in a degree or training program.',
    benefits: ['Free quarterly webinars', 'Member prices for events', 'The Communicator'],
  },
  {
    slug: 'organizational',
    name: 'Organizational',
    annualDuesCents: 25000,
    sortOrder: 4,
    description: 'For community centers, court programs and firms.',
    benefits: ['Member prices for up to five staff', 'The Communicator', 'Job postings'],
  },
];

/** The demo association: tiers, trainings and events, a form, an issue of The Communicator, a job. */
export async function seedAssociation(
  deps: Deps,
  world: { people: Record<string, { id: string }> },
): Promise<void> {
  const tiers = [];
  for (const spec of DEMO_TIERS) tiers.push(await buildTier(deps, spec));
  const now = deps.clock.now();
  const day = 24 * 3600_000;
  // 9:00 Missouri time on a day a few weeks out.
  const at = (days: number, hourUtc = 14) => {
    const d = new Date(now.getTime() + days * day);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d;
  };
  await buildEvent(deps, {
    title: 'Civil mediation core training (16 hours)',
    provider: 'Center for the Study of Dispute Resolution, University of Missouri',
    place: 'Columbia, Missouri',
    startsAt: at(21),
    hours: 16,
    days: 2,
    credits: [{ kind: 'civil_core', hours: 16 }],
    capacity: 24,
    memberPriceCents: 35000,
    priceCents: 45000,
    description: 'Two days of core training that meets the Rule 17 requirement of 16 hours.',
  });
  await buildEvent(deps, {
    title: 'Family mediation training (40 hours)',
    provider: 'Center for Dispute Resolution, Missouri State University',
    place: 'Springfield, Missouri',
    startsAt: at(35),
    hours: 40,
    days: 5,
    credits: [
      { kind: 'family_custody', hours: 36 },
      { kind: 'violence_power_imbalance', hours: 4 },
    ],
    capacity: 20,
    memberPriceCents: 80000,
    priceCents: 95000,
  });
  await buildEvent(deps, {
    kind: 'ce_webinar',
    title: 'Quarterly webinar: screening for domestic violence',
    provider: 'Association of Missouri Mediators',
    place: null,
    onlineUrl: 'https://example.org/amm-webinar',
    startsAt: at(10, 23),
    hours: 1.5,
    credits: [{ kind: 'continuing_education', hours: 1.5 }],
    capacity: null,
  });
  await buildEvent(deps, {
    kind: 'conference',
    title: 'AMM Annual Conference',
    provider: 'Association of Missouri Mediators',
    place: 'Jefferson City, Missouri',
    startsAt: at(60),
    hours: 7,
    credits: [{ kind: 'continuing_education', hours: 6 }],
    capacity: 150,
    memberPriceCents: 12500,
    priceCents: 17500,
  });
  const staff = world.people.staff?.id ?? null;
  const iso = (d: Date) => d.toISOString();
  const issueId = newId();
  await deps.db
    .insertInto('newsletter_issues')
    .values({
      id: issueId,
      title: 'Welcome to the new Communicator',
      issue_label: 'Winter 2026',
      summary: 'Trainings this spring, the annual conference, and the forms library.',
      body: 'The forms library now has the Agreement to Mediate and an intake form. Core trainings run in Columbia and Springfield this spring. Save the date for the annual conference in Jefferson City.',
      status: 'published',
      published_at: iso(now),
      created_by: staff,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .execute();
  await seedStarterForms(deps, staff);
  // A job listing, on the public jobs board and the members' page.
  const poster = staff ?? world.people.member?.id;
  if (poster) {
    await deps.db
      .insertInto('job_postings')
      .values({
        id: newId(),
        title: 'Family mediator (part time)',
        organization: 'Boone County Family Mediation Center',
        location: 'Columbia, Missouri',
        description:
          'Mediate custody, parenting-time and support disputes referred by the 13th Circuit, two or three days a week. You are on the Rule 88.05 list or can be within three months.',
        how_to_apply:
          'Send a letter and resume to the center director at jobs@example.org by the closing date.',
        expires_on: missouriDate(new Date(now.getTime() + 60 * day)),
        status: 'open',
        posted_by: poster,
        created_at: iso(now),
        updated_at: iso(now),
      })
      .execute();
  }
  if (world.people.member && world.people.mediator) {
    for (const p of [world.people.member, world.people.mediator]) {
      await buildMembershipIfNone(deps, p.id, tiers[0]!.id);
    }
  }
}

async function buildMembershipIfNone(deps: Pick<Deps, 'db' | 'clock'>, userId: string, tierId: string) {
  const existing = await deps.db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!existing) await buildMembership(deps, userId, tierId);
}
