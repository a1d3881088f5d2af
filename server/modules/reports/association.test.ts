import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationFigures } from '../../../contracts/reports.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile } from '../../db/seed/directory-builders.ts';

/** The association's figures, counted by hand from the rows below (2026, UTC months). */
let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'staff' }] }));
  const at = (d: string) => `${d}T15:00:00.000Z`;
  for (const [id, name, order] of [
    ['tier-a', 'Associate', 1],
    ['tier-p', 'Professional', 2],
  ] as const)
    await t.db
      .insertInto('membership_tiers')
      .values({
        id,
        slug: id,
        name,
        annual_dues_cents: 5000,
        sort_order: order,
        created_at: at('2025-01-01'),
        updated_at: at('2025-01-01'),
      })
      .execute();
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await buildUser(t.deps, { name: `Member ${i}` }));
  const memberships: [string, string, 'active' | 'grace' | 'lapsed', string, string][] = [
    // id, tier, status, joined, status changed
    ['m0', 'tier-a', 'active', '2026-01-10', '2026-01-10'],
    ['m1', 'tier-p', 'active', '2025-02-01', '2026-02-01'],
    ['m2', 'tier-p', 'lapsed', '2025-03-01', '2026-03-15'],
    ['m3', 'tier-p', 'grace', '2026-02-20', '2026-02-20'],
  ];
  for (const [i, [id, tier, status, joined, changed]] of memberships.entries())
    await t.db
      .insertInto('memberships')
      .values({
        id,
        user_id: people[i]!.id,
        tier_id: tier,
        status,
        joined_at: at(joined),
        period_start: null,
        expires_at: null,
        status_changed_at: at(changed),
        created_at: at(joined),
        updated_at: at(changed),
      })
      .execute();
  // m1 paid in 2025 and renewed in February 2026; m0 paid once (joining, not a renewal).
  for (const [n, membership, day] of [
    [1, 'm1', '2025-02-01'],
    [2, 'm1', '2026-02-01'],
    [3, 'm0', '2026-01-10'],
  ] as const)
    await t.db
      .insertInto('association_payments')
      .values({
        id: `pay-${n}`,
        receipt_number: `R-${n}`,
        user_id: people[0]!.id,
        purpose: 'dues',
        membership_id: membership,
        registration_id: null,
        provider: 'offline',
        method: 'check',
        amount_cents: 5000,
        received_on: day,
        recorded_by: null,
        receipt_file_id: null,
        created_at: at(day),
      })
      .execute();
  await t.db
    .insertInto('association_events')
    .values({
      id: 'ev-1',
      kind: 'training' as never,
      title: 'Ethics',
      provider: 'MAM',
      starts_at: at('2026-03-01'),
      ends_at: at('2026-03-01'),
      place: null,
      online_url: null,
      capacity: null,
      credit_hours: 3.5,
      status: 'published' as never,
      created_by: null,
      created_at: at('2026-01-01'),
      updated_at: at('2026-01-01'),
    })
    .execute();
  for (const [i, attended] of [at('2026-03-01'), at('2026-03-01'), null].entries())
    await t.db
      .insertInto('event_registrations')
      .values({
        id: `reg-${i}`,
        event_id: 'ev-1',
        user_id: people[i]!.id,
        status: 'confirmed' as never,
        queue_seq: i,
        price_cents: 0,
        registered_at: at('2026-02-01'),
        promoted_at: null,
        cancelled_at: null,
        attended_at: attended,
        certificate_file_id: null,
        updated_at: at('2026-03-01'),
      })
      .execute();
  const listed = await buildMediatorProfile(t.deps, { name: 'Listed Mediator' });
  await t.db
    .insertInto('directory_contact_messages')
    .values([
      { id: 'dm-1', profile_id: listed.profileId, ip: '10.0.0.1', created_at: at('2026-02-02') },
      { id: 'dm-2', profile_id: listed.profileId, ip: '10.0.0.2', created_at: at('2025-12-02') },
    ])
    .execute();
});
afterAll(() => t.close());

describe('the association’s figures', () => {
  it('counts members by tier and status, renewals and lapses by month, attendance and CE hours, listings and contact requests', async () => {
    const r = await staff.get('/api/v1/reports/association?from=2026-01-01&to=2026-12-31');
    expect(r.statusCode, r.body).toBe(200);
    const a = json<AssociationFigures>(r);
    expect(a.members).toEqual([
      { tier: 'Associate', status: 'active', members: 1 },
      { tier: 'Professional', status: 'active', members: 1 },
      { tier: 'Professional', status: 'grace', members: 1 },
      { tier: 'Professional', status: 'lapsed', members: 1 },
    ]);
    expect(a.months).toEqual([
      { month: '2026-01', joined: 1, renewed: 0, lapsed: 0 },
      { month: '2026-02', joined: 1, renewed: 1, lapsed: 0 },
      { month: '2026-03', joined: 0, renewed: 0, lapsed: 1 },
    ]);
    expect(a.renewals).toBe(1);
    expect(a.lapses).toBe(1);
    expect(a.events).toEqual({ attended: 2, ceHours: 7 });
    expect(a.directory.contactRequests).toBe(1);
    expect(a.directory.listings).toBeGreaterThanOrEqual(0);
  });

  it('is the association staff’s only', async () => {
    const member = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'member' }] }));
    expect((await member.get('/api/v1/reports/association')).statusCode).toBe(403);
  });
});
