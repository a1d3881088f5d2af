import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE_KINDS } from '../../domain/eligibility.ts';
import { EVENT_KINDS } from '../../domain/event-seats.ts';
import { ISSUE_STATUSES } from '../../domain/issues.ts';
import { LANGUAGES } from '../../domain/languages.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../test/client.ts';
import { compliance, signedSpecialEducationAgreement } from '../../test/compliance.ts';
import { readySpecialEducationCase } from '../../test/mediation.ts';
import { buildProgram, buildUser } from '../db/seed/builders.ts';

/**
 * Every PATCH changes only the fields it names. For each PATCH route the app registers, a
 * fixture makes the record through the API's own ways and says how to read it back; the
 * property sends a random non-empty subset of its fields with random valid values, and checks
 * that the named fields took the new values and every other field kept its old one.
 */

type Fields = Record<string, unknown>;
type Patched = {
  client: TestClient;
  url: string;
  /** The record's patchable fields as the API reads them now. */
  read: () => Promise<Fields>;
};
type Fixture = {
  make: () => Promise<Patched>;
  /** Each patchable field and its valid values. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** Sent with every change, not a field of the record (a correction's reason). */
  with?: Fields;
  /** The route refuses a change that changes nothing (a correction must correct something). */
  refusesSameValues?: boolean;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
  const response = await p;
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response;
};
const pick = (value: Fields, names: string[]) => Object.fromEntries(names.map((n) => [n, value[n]]));

let serial = 0;
/** Text of letters and digits within a length, unique within the run. */
const text = (min: number, max: number) =>
  fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9]$/)
    .map((s) => `${s.replace(/ +/g, ' ')} ${++serial}`.padEnd(min, 'x').slice(0, max).trim())
    .filter((s) => s.length >= min);
const cents = fc.integer({ min: 0, max: 500_000 });
const instant = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / 60_000, max: Date.parse(to) / 60_000 })
    .map((minutes) => new Date(minutes * 60_000).toISOString());

async function staffClient() {
  const staff = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
  return signedIn(t.app, staff);
}

const FIXTURES: Record<string, Fixture> = {
  'PATCH /api/v1/account': {
    async make() {
      const person = await signedInAs(t, {});
      const url = '/api/v1/account';
      return { client: person, url, read: async () => json(await ok(person.get(url))) };
    },
    fields: { language: fc.constantFrom(...LANGUAGES) },
  },
  'PATCH /api/v1/programs/:programId': {
    async make() {
      const program = await buildProgram(t.deps, { kind: 'community' });
      const admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
      const url = `/api/v1/programs/${program.id}`;
      return { client: admin, url, read: async () => json(await ok(admin.get(url))) };
    },
    fields: {
      name: text(3, 160),
      description: fc.oneof(fc.constant(''), text(1, 2000)),
      requireMfa: fc.boolean(),
    },
  },

  'PATCH /api/v1/cases/:caseId/milestones/:milestoneId': {
    async make() {
      const w = await signedSpecialEducationAgreement(t);
      const first = (await compliance(w.mediator, w.caseId)).milestones[0]!;
      const read = async () => {
        const m = (await compliance(w.mediator, w.caseId)).milestones.find((x) => x.id === first.id)!;
        return {
          what: m.what,
          responsibleSide: m.responsibleSide,
          due: m.due,
          evidenceExpected: m.evidenceExpected,
        };
      };
      return { client: w.mediator, url: `/api/v1/cases/${w.caseId}/milestones/${first.id}`, read };
    },
    fields: {
      what: text(1, 500),
      responsibleSide: fc.constantFrom('requester', 'respondent', 'both'),
      due: fc.oneof(
        instant('2026-03-10T12:00:00Z', '2027-03-01T12:00:00Z').map((at) => ({
          kind: 'date',
          date: at.slice(0, 10),
        })),
        fc.integer({ min: 1, max: 730 }).map((days) => ({ kind: 'days_after_signing', days })),
        fc.integer({ min: 1, max: 24 }).map((months) => ({ kind: 'months_after_signing', months })),
      ),
      evidenceExpected: text(1, 500),
    },
    with: { reason: 'The agreement says otherwise' },
    refusesSameValues: true,
  },

  'PATCH /api/v1/cases/:caseId/issues/:issueId': {
    async make() {
      const w = await readySpecialEducationCase(t);
      const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
      const issue = json<{ id: string }>(await ok(w.mediator.post(url('/issues'), { title: 'Transport' })));
      const read = async () => {
        const board = json<{ issues: { id: string; title: string; status: string }[] }>(
          await ok(w.mediator.get(url('/issues'))),
        );
        const found = board.issues.find((i) => i.id === issue.id)!;
        return { title: found.title, status: found.status };
      };
      return { client: w.mediator, url: url(`/issues/${issue.id}`), read };
    },
    fields: { title: text(1, 200), status: fc.constantFrom(...ISSUE_STATUSES) },
  },

  'PATCH /api/v1/association/tiers/:tierId': {
    async make() {
      const staff = await staffClient();
      const tier = json<{ id: string }>(
        await ok(
          staff.post('/api/v1/association/tiers', {
            slug: `patch-tier-${++serial}`,
            name: 'Full',
            description: 'Full members',
            annualDuesCents: 9000,
            benefits: ['Directory listing', 'Member prices'],
            includesListing: true,
            graceDays: 45,
            sortOrder: 3,
            active: true,
          }),
        ),
      );
      const read = async () =>
        json<Fields[]>(await ok(staff.get('/api/v1/association/tiers/all'))).find((x) => x.id === tier.id)!;
      return { client: staff, url: `/api/v1/association/tiers/${tier.id}`, read };
    },
    fields: {
      slug: fc.integer({ min: 1, max: 1e9 }).map((n) => `tier-${n}-${++serial}`),
      name: text(2, 80),
      description: fc.oneof(fc.constant(''), text(1, 1000)),
      annualDuesCents: cents,
      benefits: fc.array(text(1, 200), { maxLength: 5 }),
      includesListing: fc.boolean(),
      graceDays: fc.integer({ min: 0, max: 180 }),
      sortOrder: fc.integer({ min: 0, max: 1000 }),
      active: fc.boolean(),
    },
  },

  'PATCH /api/v1/association/events/:eventId': {
    async make() {
      const staff = await staffClient();
      // Every field away from its default, so a default written by mistake shows.
      const event = json<{ id: string }>(
        await ok(
          staff.post('/api/v1/association/events', {
            kind: 'core_training',
            title: 'Special-education mediation',
            description: 'A full day on mediating special-education disputes',
            provider: 'Association of Missouri Mediators',
            sessions: [{ startsAt: '2026-06-01T14:00:00.000Z', endsAt: '2026-06-01T22:00:00.000Z' }],
            place: 'Truman Building, Jefferson City',
            onlineUrl: 'https://example.test/stream',
            recorded: true,
            credits: [{ kind: 'continuing_education', hours: 6 }],
            capacity: 30,
            memberPriceCents: 4000,
            priceCents: 9000,
            status: 'published',
          }),
        ),
      );
      const url = `/api/v1/association/events/${event.id}`;
      // The days as they were sent: each read back carries its own id and hours besides.
      const read = async () => {
        const e = json<{ sessions: { startsAt: string; endsAt: string }[] }>(await ok(staff.get(url)));
        return { ...e, sessions: e.sessions.map(({ startsAt, endsAt }) => ({ startsAt, endsAt })) };
      };
      return { client: staff, url, read };
    },
    fields: {
      kind: fc.constantFrom(...EVENT_KINDS),
      title: text(3, 160),
      description: fc.oneof(fc.constant(''), text(1, 4000)),
      provider: text(2, 160),
      // One to three days of eight hours in June and July, in order: never fewer hours than the
      // credits below can add up to.
      sessions: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 3 }).map((days) =>
        [...days]
          .sort((a, b) => a - b)
          .map((d) => {
            const start = Date.parse('2026-06-01T14:00:00Z') + d * 86_400_000;
            return {
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(start + 8 * 3_600_000).toISOString(),
            };
          }),
      ),
      // The link is never taken away, so the place may be (an event needs one or the other).
      place: fc.oneof(fc.constant(null), text(1, 300)),
      onlineUrl: fc.integer({ min: 1, max: 1e6 }).map((n) => `https://example.test/room-${n}`),
      recorded: fc.boolean(),
      credits: fc.array(
        fc.record({
          kind: fc.constantFrom(...COURSE_KINDS),
          hours: fc.integer({ min: 1, max: 8 }).map((h) => h / 2),
        }),
        { maxLength: 2 },
      ),
      capacity: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 100_000 })),
      memberPriceCents: cents,
      priceCents: cents,
      status: fc.constantFrom('draft', 'published', 'cancelled'),
    },
  },

  'PATCH /api/v1/association/newsletter/:issueId': {
    async make() {
      const staff = await staffClient();
      const issue = json<{ id: string }>(
        await ok(
          staff.post('/api/v1/association/newsletter', {
            title: 'Spring news',
            issueLabel: 'Spring 2026',
            summary: 'What happened this spring',
            body: 'The association met in Columbia and elected a new board.',
          }),
        ),
      );
      const url = `/api/v1/association/newsletter/${issue.id}`;
      return { client: staff, url, read: async () => json(await ok(staff.get(url))) };
    },
    fields: {
      title: text(3, 160),
      issueLabel: text(2, 60),
      summary: fc.oneof(fc.constant(''), text(1, 500)),
      body: text(20, 50_000),
    },
  },
};

const patchRoutes = () =>
  t.routes.filter((r) => r.method === 'PATCH' && r.url.startsWith('/api/')).map((r) => `PATCH ${r.url}`);

describe('a PATCH changes only the fields it names', () => {
  it('has a fixture for every PATCH route the app registers', () => {
    expect(patchRoutes().filter((key) => !FIXTURES[key])).toEqual([]);
  });

  for (const [key, fixture] of Object.entries(FIXTURES)) {
    it(key, async () => {
      expect(patchRoutes()).toContain(key);
      const record = await fixture.make();
      const names = Object.keys(fixture.fields);
      const change = fc
        .record(fixture.fields, { requiredKeys: [] })
        .filter((patch) => Object.keys(patch).length > 0);
      await fc.assert(
        fc.asyncProperty(change, async (patch) => {
          const before = pick(await record.read(), names);
          if (fixture.refusesSameValues)
            fc.pre(Object.entries(patch).some(([name, value]) => !isEqual(before[name], value)));
          await ok(record.client.patch(record.url, { ...patch, ...fixture.with }));
          const after = pick(await record.read(), names);
          expect(after).toEqual({ ...before, ...patch });
        }),
        { numRuns: 15 },
      );
    });
  }
});

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
