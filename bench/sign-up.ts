import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { buildUser } from '../server/db/seed/builders.ts';
import { TestClient } from '../test/client.ts';

// `npm run bench:sign-up` — whether sign-up and password-reset requests tell, by the time they
// take, if an address has an account. On a fresh SQLite database it makes N accounts, then sends
// N sign-ups and N reset requests for those addresses and N of each for new ones, interleaved
// (existing, new, existing, …) so both meet the same machine, each from its own address so no
// quota answers instead. It prints the median and 90th-percentile answer time of each kind, in
// milliseconds, and the difference of the medians. Only the request itself is timed.
//
//   npm run bench:sign-up                 100 of each
//   npm run bench:sign-up -- --count 300

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '100' } } });
const count = Number(args.count);
const file = path.join(tmpdir(), `parley-bench-sign-up-${process.pid}.db`);
const config = loadConfig({
  PARLEY_MODE: 'test',
  DATABASE_URL: `file:${file}`,
  LOG_LEVEL: 'silent',
  JOBS: 'off',
});
const db = openDatabase({ url: config.databaseUrl });
await migrateToLatest(db);
const { app, deps } = await buildApp({ config, db });
await app.ready();

const existing: string[] = [];
for (let i = 0; i < count; i += 1)
  existing.push((await buildUser(deps, { email: `bench-known-${i}@example.test` })).email);

let address = 0;
async function timed(url: string, body: unknown): Promise<number> {
  address += 1;
  const client = new TestClient(app, `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`);
  await client.get('/api/v1/auth/session');
  const start = process.hrtime.bigint();
  const response = await client.post(url, body);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (response.statusCode !== 202) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return ms;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const median = (values: number[]) => percentile(values, 50);

const PASSWORD = 'a bench password nobody guesses';
const times = {
  signUpExisting: [] as number[],
  signUpNew: [] as number[],
  resetExisting: [] as number[],
  resetNew: [] as number[],
};
// A few warm-up requests of each kind first, so the first answers do not carry start-up costs.
for (let i = 0; i < 5; i += 1) {
  await timed('/api/v1/auth/sign-up', {
    name: 'Warm',
    email: `bench-warm-${i}@example.test`,
    password: PASSWORD,
  });
  await timed('/api/v1/auth/password-reset/request', { email: `bench-warm-${i}@example.test` });
}
for (let i = 0; i < count; i += 1) {
  times.signUpExisting.push(
    await timed('/api/v1/auth/sign-up', { name: 'Bench', email: existing[i], password: PASSWORD }),
  );
  times.signUpNew.push(
    await timed('/api/v1/auth/sign-up', {
      name: 'Bench',
      email: `bench-new-${i}@example.test`,
      password: PASSWORD,
    }),
  );
  times.resetExisting.push(await timed('/api/v1/auth/password-reset/request', { email: existing[i] }));
  times.resetNew.push(
    await timed('/api/v1/auth/password-reset/request', { email: `bench-nobody-${i}@example.test` }),
  );
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const line = (what: string, known: number[], unknown: number[]) =>
  console.info(
    `${what.padEnd(24)} existing: median ${round(median(known))} ms, p90 ${round(percentile(known, 90))} ms   ` +
      `new: median ${round(median(unknown))} ms, p90 ${round(percentile(unknown, 90))} ms   ` +
      `difference of medians ${round(median(known) - median(unknown))} ms`,
  );
console.info(`${count} requests of each kind, SQLite, in one process`);
line('sign-up', times.signUpExisting, times.signUpNew);
line('password-reset request', times.resetExisting, times.resetNew);

await app.close();
await db.destroy();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
