import { Writable } from 'node:stream';
import { buildApp, type RouteSummary } from '../server/app.ts';
import { type Config, loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/database.ts';
import type { App } from '../server/http/types.ts';
import { ManualClock } from '../server/infra/clock.ts';
import type { Deps } from '../server/infra/deps.ts';
import type { Mailer } from '../server/infra/mailer.ts';
import type { Texter } from '../server/infra/texter.ts';
import { signedInAs, type TestClient } from './client.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export type TestApp = {
  app: App;
  deps: Deps;
  db: Db;
  clock: ManualClock;
  database: TestDatabase;
  /** Every log line the app wrote, for tests that prove nothing confidential is logged. */
  logs: string[];
  config: Config;
  routes: RouteSummary[];
  close(): Promise<void>;
};

/**
 * The routes of a second app on the same database with one more route, registered by hand
 * (not from a contract, with no access entry): what the tree's checks must find.
 */
export async function routesWithStrayRoute(t: TestApp, url: string): Promise<RouteSummary[]> {
  const config = loadConfig({ PARLEY_MODE: 'test', DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' });
  const { app, routes } = await buildApp({ config, db: t.db });
  app.get(url, async () => ({ secret: true }));
  await app.ready();
  await app.close();
  return routes;
}

export const TEST_START = '2026-03-02T15:00:00.000Z';

/** A Parley app over a fresh test database, on a manual clock, logging into memory. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    mailer?: Mailer;
    texter?: Texter;
    database?: TestDatabase;
    db?: Db;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    PARLEY_MODE: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    // The test clock stands still unless a test moves it, so a file's every change falls in one
    // minute: the per-minute write limit is raised out of the way (abuse.test.ts sets its own).
    WRITES_PER_MINUTE: '100000',
    ...options.env,
  });
  const clock = new ManualClock(TEST_START);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const db = options.db ?? database.db;
  const { app, deps, routes } = await buildApp({
    config,
    db,
    clock,
    logStream,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.texter ? { texter: options.texter } : {}),
  });
  await app.ready();
  return {
    app,
    deps,
    db,
    clock,
    database,
    logs,
    config,
    routes,
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** A test app and a client signed in as association staff. */
export async function appWithStaff(): Promise<{ t: TestApp; staff: TestClient }> {
  const t = await createTestApp();
  return { t, staff: await signedInAs(t, { grants: [{ role: 'staff' }] }) };
}
