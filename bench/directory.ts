import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { random, seedSyntheticDirectory } from '../server/db/seed/directory-generator.ts';
import { bySize, searchMix } from './directory-mix.ts';

// `npm run bench:directory` — the directory search under load. For each size it builds a fresh
// SQLite database with N synthetic profiles, starts Parley as a real server process (production
// mode, jobs off), drives a mix of searches with autocannon (16 connections, 10 seconds), then
// drives a bare Fastify route returning a fixed 1 KB JSON body in the same way, and prints one
// JSON line: {"profiles","uncached","asServed","bareReqPerSec","bareP50Ms","bareCpuMsPerRequest"},
// each run with its reqPerSec, p50Ms and p99Ms (from every response's time as the client measured
// it, to the microsecond), ratio to the bare route, and the CPU each request cost the
// server (cpuMsPerRequest, read from /proc) with the ratio by that cost (cpuRatio): on a machine
// shared with other work the rates fall with the others' load, the CPU per request hardly does.
// "uncached" is the headline: the answer cache is off (DIRECTORY_CACHE_ENTRIES=0), so every
// request is a search; "asServed" keeps each server's
// per-version answer cache, as in production. With 1,000 and 100,000 among the sizes, a last line
// compares their uncached p50 (and CPU per search) and says whether the targets are met.
//
//   npm run bench:directory                        100,000 profiles
//   npm run bench:directory -- --profiles 1000     1,000 (or 10000, or a list: 1000,10000,100000)
//   npm run bench:directory -- --all               1,000, 10,000 and 100,000
//
// The mix of searches is written in bench/directory-mix.ts: 10,000 different searches, and the
// second pages of 1,500 of them (their first page asked once before the runs, for its cursor).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    all: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
  },
});
const sizes = args.all ? [1000, 10000, 100000] : args.profiles.split(',').map((s) => Number(s.trim()));
const duration = Number(args.duration);
const connections = Number(args.connections);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Drives the server and keeps every successful response's latency as the client measured it, in
 * milliseconds with their fractions: autocannon's own percentiles are whole milliseconds, too
 * coarse for answers that take less than one.
 */
async function load(url: string, paths: string[] | null): Promise<Loaded> {
  const r = random(7);
  const latencies = new Latencies();
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'GET',
        ...(paths
          ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, path: r.pick(paths) }) }
          : {}),
      },
    ],
  }).on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.add(ms);
  });
  return { result, latencies };
}

/** Response times in milliseconds, every one kept (a 10-second run holds a few hundred thousand). */
class Latencies {
  private values = new Float64Array(1 << 16);
  private count = 0;
  private sorted = false;

  add(ms: number) {
    if (this.count === this.values.length) {
      const wider = new Float64Array(this.values.length * 2);
      wider.set(this.values);
      this.values = wider;
    }
    this.values[this.count++] = ms;
    this.sorted = false;
  }

  /** The latency at percentile `p` (nearest rank), rounded to the microsecond. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const values = this.values.subarray(0, this.count);
    if (!this.sorted) values.sort();
    this.sorted = true;
    const rank = Math.min(this.count, Math.max(1, Math.ceil((p / 100) * this.count)));
    return Math.round(values[rank - 1]! * 1000) / 1000;
  }
}

type Loaded = { result: autocannon.Result; latencies: Latencies };

/** The mix and the second pages of its first 1,500 searches that have one (following the cursor). */
async function withSecondPages(base: string, mix: string[]): Promise<string[]> {
  const next: string[] = [];
  for (const url of mix.slice(0, 1500)) {
    const page = (await (await fetch(`${base}${url}`)).json()) as { nextCursor?: string | null };
    if (page.nextCursor) next.push(`${url}&cursor=${encodeURIComponent(page.nextCursor)}`);
  }
  return [...mix, ...next];
}

/** Starts Parley on the database, warms it with the mix, then measures the mix. */
/**
 * The CPU time (user and system, in ms) a process has used, from /proc. On a machine shared with
 * other work, requests per second fall with the others' load; the CPU a request costs the server
 * does not, so the benchmark reports it beside them.
 */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

type Measured = Loaded & { cpuMsPerRequest: number };

/** Measures the process under the load: the run's figures and the CPU each request cost it. */
async function measure(child: ChildProcess, url: string, paths: string[] | null): Promise<Measured> {
  const before = cpuMs(child);
  const loaded = await load(url, paths);
  const requests = loaded.result.requests.total || 1;
  return { ...loaded, cpuMsPerRequest: Math.round(((cpuMs(child) - before) / requests) * 1000) / 1000 };
}

async function loadParley(file: string, env: Record<string, string>): Promise<Measured> {
  const port = await freePort();
  const parley = startProcess(['server/main.ts'], {
    PARLEY_MODE: 'production',
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    PARLEY_MASTER_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${file}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    JOBS: 'off',
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`, parley);
    const mix = await withSecondPages(`http://127.0.0.1:${port}`, searchMix());
    // Warm the page cache and the statement caches, as a server in service would be.
    await load(`http://127.0.0.1:${port}`, mix).catch(() => undefined);
    return await measure(parley, `http://127.0.0.1:${port}`, mix);
  } finally {
    await stop(parley);
  }
}

async function benchSize(profiles: number) {
  const file = path.join(tmpdir(), `parley-bench-directory-${profiles}-${process.pid}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const db = openDatabase({ url: `file:${file}` });
  const built = Date.now();
  await migrateToLatest(db);
  await seedSyntheticDirectory(db, profiles, 17);
  await db.destroy();
  console.error(`built ${profiles} profiles in ${((Date.now() - built) / 1000).toFixed(1)} s`);

  // Uncached (every request a search), then as served (each server keeps answers per directory version).
  const uncached = await loadParley(file, { DIRECTORY_CACHE_ENTRIES: '0' });
  const search = await loadParley(file, {});
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });

  const barePort = await freePort();
  const bare = startProcess(['bench/bare-server.ts'], { PORT: String(barePort) });
  let bareRun: Measured;
  try {
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);
    await load(`http://127.0.0.1:${barePort}`, null);
    bareRun = await measure(bare, `http://127.0.0.1:${barePort}`, null);
  } finally {
    await stop(bare);
  }

  const baseline = bareRun.result;
  const figures = ({ result: run, latencies, cpuMsPerRequest }: Measured) => {
    const failed = run.non2xx + run.errors + run.timeouts;
    if (failed > 0) console.error(`warning: ${failed} search requests failed (non-2xx, errors or timeouts)`);
    return {
      reqPerSec: Math.round(run.requests.average),
      p50Ms: latencies.percentile(50),
      p99Ms: latencies.percentile(99),
      ratio: Math.round((run.requests.average / baseline.requests.average) * 1000) / 1000,
      cpuMsPerRequest,
      // The same ratio by the CPU each request cost: what the rate would be on a machine to itself.
      cpuRatio: Math.round((bareRun.cpuMsPerRequest / cpuMsPerRequest) * 1000) / 1000,
    };
  };
  const line = {
    profiles,
    uncached: figures(uncached),
    asServed: figures(search),
    bareReqPerSec: Math.round(baseline.requests.average),
    bareP50Ms: bareRun.latencies.percentile(50),
    bareCpuMsPerRequest: bareRun.cpuMsPerRequest,
  };
  console.info(JSON.stringify(line));
  return line;
}

const lines = await bySize(sizes, benchSize);
const small = lines.get(1000);
const large = lines.get(100000);
if (small && large) {
  const growth = Math.round((large.uncached.p50Ms / Math.max(small.uncached.p50Ms, 0.001)) * 100) / 100;
  console.info(
    JSON.stringify({
      targets: 'uncached at 100,000: p99 <= 15 ms, ratio >= 0.05, p50 <= 1.5 x p50 at 1,000',
      p50Ms1000: small.uncached.p50Ms,
      p50Ms100000: large.uncached.p50Ms,
      p99Ms: large.uncached.p99Ms,
      ratio: large.uncached.ratio,
      p50Growth: growth,
      cpuRatio: large.uncached.cpuRatio,
      cpuGrowth: Math.round((large.uncached.cpuMsPerRequest / small.uncached.cpuMsPerRequest) * 100) / 100,
      met: large.uncached.p99Ms <= 15 && large.uncached.ratio >= 0.05 && growth <= 1.5,
    }),
  );
}
