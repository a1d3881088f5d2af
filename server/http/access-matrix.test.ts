import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessEntry,
  type AccessWorld,
  CALLERS,
  type Caller,
  findStaleEntries,
  findUncoveredRoutes,
  routeKey,
} from '../../test/access/matrix.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { TestClient } from '../../test/client.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
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

let t: TestApp;
let world: AccessWorld;
const clients = new Map<Caller, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
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
    const config = loadConfig({ PARLEY_MODE: 'test', DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' });
    const { app, routes } = await buildApp({ config, db: t.db });
    app.get('/api/v1/unlisted-route', async () => ({ secret: true }));
    await app.ready();
    expect(findUncoveredRoutes(routes, entries)).toEqual(['GET /api/v1/unlisted-route']);
    await app.close();
  });

  it('refuses every caller without the right, with no data, and lets the others through', async () => {
    const failures: string[] = [];
    for (const entry of entries) {
      const registered = t.routes.some((r) => routeKey(r) === routeKey(entry));
      if (!registered) continue;
      for (const caller of CALLERS) {
        const allowed = entry.allowed === 'everyone' || entry.allowed.includes(caller);
        const { url, body } = entry.request?.(world) ?? {};
        const client = clients.get(caller)!;
        const response = await client.request(
          entry.method,
          url ?? entry.route,
          entry.method === 'GET' ? undefined : (body ?? {}),
        );
        if (entry.endsSession) await signInAs(caller);
        const refused = [401, 403, 404].includes(response.statusCode);
        if (!allowed) {
          const onlyError = (() => {
            try {
              const parsed = response.json() as Record<string, unknown>;
              return Object.keys(parsed).join() === 'error';
            } catch {
              return false;
            }
          })();
          if (!refused || !onlyError)
            failures.push(
              `${routeKey(entry)} as ${caller}: expected refusal, got ${response.statusCode} ${response.body.slice(0, 120)}`,
            );
        } else if ([401, 403].includes(response.statusCode) && entry.allowed !== 'everyone') {
          failures.push(
            `${routeKey(entry)} as ${caller}: expected access, got ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        } else if (response.statusCode >= 500) {
          failures.push(`${routeKey(entry)} as ${caller}: server error ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
