import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circuitScope } from '../../domain/roles.ts';
import {
  type AccessEntry,
  type AccessWorld,
  CALLERS,
  type Caller,
  findStaleEntries,
  findUncoveredRoutes,
  routeKey,
} from '../../test/access/matrix.ts';
import { createTestApp, routesWithStrayRoute, type TestApp } from '../../test/app.ts';
import { TestClient } from '../../test/client.ts';
import { buildProgram, buildUser } from '../db/seed/builders.ts';

// Each area's entries live in test/access/<area>.access.ts and are gathered here.
// An area whose routes need records (a case, a profile) exports setup(t, world) to add them to world.extra.
const modules = import.meta.glob<{
  entries: AccessEntry[];
  setup?: (t: TestApp, world: AccessWorld) => Promise<void>;
}>('../../test/access/*.access.ts', {
  eager: true,
});
const entries = Object.values(modules).flatMap((m) => m.entries);
/** Each area's entries, by the name of its file ("cases" for test/access/cases.access.ts). */
const areas = Object.entries(modules).map(([file, m]) => ({
  area: file.replace(/^.*\/(.+)\.access\.ts$/, '$1'),
  entries: m.entries,
}));

/** Whether an answer is nothing but the error envelope. */
function onlyError(body: string): boolean {
  try {
    return Object.keys(JSON.parse(body) as Record<string, unknown>).join() === 'error';
  } catch {
    return false;
  }
}

let t: TestApp;
let world: AccessWorld;
const clients = new Map<Caller, TestClient>();

beforeAll(async () => {
  // The simulated card provider, so the card-payment routes are there to be checked.
  t = await createTestApp({ env: { CARD_PAYMENTS: 'simulated' } });
  const program = await buildProgram(t.deps, { kind: 'special_education' });
  const otherProgram = await buildProgram(t.deps, { kind: 'family' });
  const people = {
    party: await buildUser(t.deps, { grants: [{ role: 'party' }] }),
    advocate: await buildUser(t.deps, { grants: [{ role: 'advocate' }] }),
    attorney: await buildUser(t.deps, { grants: [{ role: 'attorney' }] }),
    mediator: await buildUser(t.deps, { grants: [{ role: 'mediator', programId: program.id }] }),
    coordinator: await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] }),
    otherCoordinator: await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: otherProgram.id }],
    }),
    staff: await buildUser(t.deps, { grants: [{ role: 'staff' }] }),
    member: await buildUser(t.deps, { grants: [{ role: 'member' }] }),
    admin: await buildUser(t.deps, { grants: [{ role: 'admin' }] }),
    // A clerk of the 16th Circuit's court: its referred cases only (test/access/court.access.ts).
    court: await buildUser(t.deps, { grants: [{ role: 'court', scope: circuitScope(16) }] }),
  };
  world = { program, otherProgram, people, extra: {} };
  for (const m of Object.values(modules)) if (m.setup) await m.setup(t, world);
  for (const caller of CALLERS) await signInAs(caller);
});

async function signInAs(caller: Caller) {
  const client = new TestClient(t.app, `10.9.${CALLERS.indexOf(caller)}.1`);
  if (caller !== 'anonymous') await client.signIn(world.people[caller].email, world.people[caller].password);
  clients.set(caller, client);
}
afterAll(async () => t.close());

describe('access matrix', () => {
  it('has an entry for every registered API route, and none for routes that are gone', () => {
    expect(findUncoveredRoutes(t.routes, entries)).toEqual([]);
    expect(findStaleEntries(t.routes, entries)).toEqual([]);
  });

  it('fails when a route without an entry is added', async () => {
    const routes = await routesWithStrayRoute(t, '/api/v1/unlisted-route');
    expect(findUncoveredRoutes(routes, entries)).toEqual(['GET /api/v1/unlisted-route']);
  });

  // One test per area, run in order on the same world: each walks its routes as every caller.
  it.each(areas)(
    '$area: refuses every caller without the right, with no data, and gives the others their answer',
    { timeout: 180_000 },
    async ({ entries: areaEntries }) => {
      const failures: string[] = [];
      for (const entry of areaEntries) {
        const registered = t.routes.some((r) => routeKey(r) === routeKey(entry));
        if (!registered) continue;
        for (const caller of CALLERS) {
          const allowed = entry.allowed === 'everyone' || entry.allowed.includes(caller);
          const client = clients.get(caller)!;
          const { url, body, headers } = (await entry.request?.(world, { caller, client, t })) ?? {};
          const response = await client.request(
            entry.method,
            url ?? entry.route,
            entry.method === 'GET' ? undefined : (body ?? {}),
            headers ? { headers } : {},
          );
          if (entry.endsSession) await signInAs(caller);
          const status = response.statusCode;
          const said = `${status} ${response.body.slice(0, 160)}`;
          if (!allowed) {
            if (![401, 403, 404].includes(status) || !onlyError(response.body))
              failures.push(`${routeKey(entry)} as ${caller}: expected refusal, got ${said}`);
            continue;
          }
          const succeeded = entry.status ? status === entry.status : status >= 200 && status < 300;
          if (!succeeded)
            failures.push(`${routeKey(entry)} as ${caller}: expected ${entry.status ?? '2xx'}, got ${said}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
