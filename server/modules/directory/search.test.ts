import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../contracts/directory.ts';
import { facetGroups, searchTerms } from '../../../domain/directory-search.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { TEST_DIALECT } from '../../../test/db.ts';
import type { Db } from '../../db/database.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type Generated, seedSyntheticDirectory } from '../../db/seed/directory-generator.ts';
import { DEFAULT_PLAN, type SearchPlan, searchDirectory } from './search.service.ts';

// The same synthetic directory searched three ways must give the same pages: by the plan the
// service picks, by forcing each plan (full-text index first; ordered scan with tiny chunks and
// fallbacks), and by a plain in-memory oracle. When PostgreSQL is reachable, the same data in a
// second database (SQLite when this run is on PostgreSQL, and the other way round) must give
// identical pages too.

const N = 1500;
let t: TestApp;
let data: Generated;
let ranks: Map<string, Map<string, number>>;

beforeAll(async () => {
  t = await createTestApp();
  data = await seedSyntheticDirectory(t.db, N, 5);
  const rows = await t.db.selectFrom('mo_county_distances').selectAll().execute();
  ranks = new Map();
  for (const row of rows) {
    if (!ranks.has(row.from_fips)) ranks.set(row.from_fips, new Map());
    ranks.get(row.from_fips)!.set(row.to_fips, Number(row.rank));
  }
}, 120_000);
afterAll(async () => t.close());

const QUERIES: Record<string, string>[] = [
  {},
  { area: 'family' },
  { area: 'family', county: '29077', language: 'es', roster: 'rule88', fee: 'sliding' },
  { q: 'spanish' },
  { q: 'co parent', area: 'child_custody' },
  { q: 'land', mode: 'remote', accepting: 'true' },
  { circuit: '31', roster: 'rule17' },
  { county: '29510', sort: 'name' },
  { fee: 'free', sort: 'name', q: 'neighbour' },
  { roster: 'special_education' },
  { roster: 'federal_wd', mode: 'in_person' },
  { sort: 'distance', near: '29077' },
  { sort: 'distance', county: '29077', area: 'family' },
  { sort: 'distance', near: '29005', language: 'es', q: 'bilingual' },
  { sort: 'distance', near: '29510', roster: 'rule88', fee: 'sliding' },
  { q: 'nunez' },
  { q: 'zzzz-nothing' },
];

const PLANS: Record<string, SearchPlan> = {
  default: DEFAULT_PLAN,
  matchFirst: { matchCost: 0, chunk: 800, budget: 4000, maxCounties: 200 },
  scanSmallChunks: { matchCost: Number.POSITIVE_INFINITY, chunk: 7, budget: 1_000_000, maxCounties: 200 },
  scanThenFallback: { matchCost: Number.POSITIVE_INFINITY, chunk: 5, budget: 20, maxCounties: 3 },
};

/** Every page of a search, following the cursor. */
async function allPages(db: Db, raw: Record<string, string>, plan: SearchPlan, limit = 7): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const query = SearchQuery.parse({ ...raw, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const result = await searchDirectory({ db }, query, { plan });
    ids.push(...result.results.map((r) => r.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

/** The specification, in memory: filter with the same tokens, sort by the same keys. */
function oracle(raw: Record<string, string>): string[] {
  const q = SearchQuery.parse(raw);
  const groups = facetGroups({ ...q, language: q.language as never });
  const terms = searchTerms(q.q);
  const near = q.near ?? (q.sort === 'distance' ? q.county : undefined);
  const rows = data.profiles.filter(
    (p) =>
      p.published === 1 &&
      groups.every((g) => g.some((tok) => String(p.facets).includes(` ${tok} `))) &&
      terms.every((term) => String(p.search_text).includes(` ${term}`)),
  );
  const distance = (p: (typeof rows)[number]) => {
    if (p.statewide === 1) return 0;
    const fips = JSON.parse(String(p.counties)) as string[];
    return Math.min(...fips.map((f) => ranks.get(near!)!.get(f)!));
  };
  const key = (p: (typeof rows)[number]): (string | number)[] =>
    q.sort === 'name'
      ? [p.name_key, p.id]
      : q.sort === 'distance'
        ? [distance(p), p.name_key, p.id]
        : [p.sort_score, p.name_key, p.id];
  const cmp = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  return rows.sort((a, b) => cmp(key(a), key(b))).map((p) => p.id);
}

describe(`directory search on ${TEST_DIALECT}`, () => {
  it('every plan returns exactly the oracle’s results, page after page', async () => {
    for (const raw of QUERIES) {
      const expected = oracle(raw);
      for (const [name, plan] of Object.entries(PLANS)) {
        const got = await allPages(t.db, raw, plan);
        expect(got, `${JSON.stringify(raw)} with plan ${name}`).toEqual(expected);
      }
    }
  }, 120_000);

  it('the acceptance search finds Spanish-speaking family mediators in Greene County who meet Rule 88.05', async () => {
    const url =
      '/api/v1/directory/mediators?area=family&county=29077&language=es&roster=rule88&fee=sliding&limit=50';
    const response = await new TestClient(t.app).get(url);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      results: { languages: string[]; rosters: string[]; slidingScale: boolean }[];
    };
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) {
      expect(r.languages).toContain('es');
      expect(r.rosters).toContain('rule88');
      expect(r.slidingScale).toBe(true);
    }
  });
});

const PG_URL = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe('SQLite and PostgreSQL give identical results for the same data', async () => {
  const reachable = await postgresReachable();
  let other: Db | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (!reachable) return;
    if (TEST_DIALECT === 'postgres') {
      const { tmpdir } = await import('node:os');
      const file = `${tmpdir()}/parley-parity-${Date.now()}.db`;
      other = openDatabase({ url: `file:${file}` });
      cleanup = async () => {
        await other!.destroy();
        const { rmSync } = await import('node:fs');
        for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
      };
    } else {
      const schema = `parity_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      other = openDatabase({ url: PG_URL, schema, poolSize: 3 });
      cleanup = async () => {
        await other!.destroy();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      };
    }
    await migrateToLatest(other);
    await seedSyntheticDirectory(other, N, 5);
  }, 120_000);
  afterAll(async () => cleanup?.());

  it.skipIf(!reachable)(
    'every query, every page, both databases',
    async () => {
      for (const raw of QUERIES) {
        const mine = await allPages(t.db, raw, DEFAULT_PLAN, 10);
        const theirs = await allPages(other!, raw, DEFAULT_PLAN, 10);
        expect(theirs, JSON.stringify(raw)).toEqual(mine);
      }
    },
    120_000,
  );
});
