import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../contracts/directory.ts';
import { facetGroups, searchTerms, typoBudget, withinEdits } from '../../../domain/directory-search.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { TEST_DIALECT } from '../../../test/db.ts';
import type { Db } from '../../db/database.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type Generated, seedSyntheticDirectory } from '../../db/seed/directory-generator.ts';
import { missouriPlaces } from './places.ts';
import { searchDirectory, searchDirectoryJson } from './search.service.ts';
import { searchTuning } from './search-index.ts';
import { DirectoryIndex } from './search-sync.ts';

// The same synthetic directory searched through the index must give, page after page, what a
// plain in-memory oracle gives: the same filters, words matched exactly, as prefixes or within
// their typo budget, the same sort keys. When PostgreSQL is reachable, the same data in a second
// database (SQLite when this run is on PostgreSQL, and the other way round) must give identical
// pages too.

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

const QUERIES: Record<string, string | string[]>[] = [
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
  // Misspelt: one edit at 5 letters and more, two at 9 and more; exact and prefix matches first.
  { q: 'custdy' },
  { q: 'parentng plans' },
  { q: 'bilinguel', sort: 'name' },
  { q: 'spansh', sort: 'distance', near: '29095' },
  // Several values of one filter: each is required.
  { language: ['es', 'en'] },
  { language: ['es', 'vi'], area: ['family', 'child_custody'] },
  { roster: ['rule17', 'rule88'], sort: 'name' },
  // Places: a ZIP code, a city in several counties, a county by name.
  { place: '65806' },
  { place: 'Kansas City', q: 'custody' },
  { place: 'St. Louis', language: 'es' },
  { place: 'Greene County', area: 'family' },
];

/** Every page of a search, following the cursor. */
async function allPages(db: Db, raw: Record<string, unknown>, index: DirectoryIndex, limit = 7) {
  const ids: string[] = [];
  let total = -1;
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const query = SearchQuery.parse({ ...raw, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const result = await searchDirectory({ db }, query, { index });
    ids.push(...result.results.map((r) => r.id));
    if (total === -1) total = result.total;
    expect(result.total, 'the total is the same on every page').toBe(total);
    if (!result.nextCursor) return { ids, total };
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

/** The specification, in memory: filter with the same tokens, match words, sort by the same keys. */
async function oracle(raw: Record<string, unknown>): Promise<string[]> {
  const q = SearchQuery.parse(raw);
  const groups = facetGroups(q);
  const terms = searchTerms(q.q);
  const place = q.place ? (await missouriPlaces(t.db)).find(q.place) : null;
  const sort = place ? 'distance' : q.sort;
  const near = q.near ?? (sort === 'distance' ? q.county : undefined);
  let placeRank: Map<string, number> | null = null;
  if (place) {
    const miles = (await missouriPlaces(t.db)).milesTo(place.lat, place.lon);
    const others = [...miles]
      .filter(([f]) => !place.counties.includes(f))
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    placeRank = new Map([
      ...place.counties.map((f) => [f, 0] as const),
      ...others.map(([f], i) => [f, i + 1] as const),
    ]);
  }
  type Row = (typeof data.profiles)[number];
  const wordsOf = (p: Row) => String(p.search_text).trim().split(' ');
  const tierOf = (p: Row): number | null => {
    let tier = 0;
    for (const term of terms) {
      const words = wordsOf(p);
      if (words.some((w) => w.startsWith(term))) continue;
      if (words.some((w) => withinEdits(term, w, typoBudget(term)) && typoBudget(term) > 0)) tier = 1;
      else return null;
    }
    return tier;
  };
  const distance = (p: Row) => {
    if (p.statewide === 1) return 0;
    const fips = JSON.parse(String(p.counties)) as string[];
    return Math.min(...fips.map((f) => (placeRank ? placeRank.get(f)! : ranks.get(near!)!.get(f)!)));
  };
  const rows = data.profiles.filter(
    (p) =>
      p.published === 1 &&
      groups.every((g) => g.some((tok) => String(p.facets).includes(` ${tok} `))) &&
      tierOf(p) !== null &&
      (sort !== 'distance' || distance(p) !== Number.POSITIVE_INFINITY),
  );
  const key = (p: Row): (string | number)[] =>
    sort === 'name'
      ? [p.name_key, p.id]
      : sort === 'distance'
        ? [distance(p), p.name_key, p.id]
        : [tierOf(p)!, p.sort_score, p.name_key, p.id];
  const cmp = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  return rows.sort((a, b) => cmp(key(a), key(b))).map((p) => p.id);
}

describe(`directory search on ${TEST_DIALECT}`, () => {
  it('returns exactly the oracle’s results, page after page, with the exact total', async () => {
    const index = new DirectoryIndex();
    for (const raw of QUERIES) {
      const expected = await oracle(raw);
      const got = await allPages(t.db, raw, index);
      expect(got.ids, JSON.stringify(raw)).toEqual(expected);
      expect(got.total, JSON.stringify(raw)).toBe(expected.length);
    }
  }, 120_000);

  it('gives the same pages whether a page is found by walking an order or by sorting the matches', async () => {
    const index = new DirectoryIndex();
    const kept = { ...searchTuning };
    try {
      for (const [pages, nearest] of [
        ['walk', 'walk'],
        ['sort', 'sort'],
        ['sort', 'ranks'],
      ] as const) {
        searchTuning.pages = pages;
        searchTuning.nearest = nearest;
        for (const raw of QUERIES) {
          const expected = await oracle(raw);
          for (const limit of [4, 50]) {
            const got = await allPages(t.db, raw, index, limit);
            expect(got.ids, `${nearest} ${limit} ${JSON.stringify(raw)}`).toEqual(expected);
          }
        }
      }
    } finally {
      Object.assign(searchTuning, kept);
    }
  }, 120_000);

  it('writes the same JSON from the cards written once as JSON.stringify writes the answer', async () => {
    const index = new DirectoryIndex();
    for (const raw of QUERIES) {
      const query = SearchQuery.parse({ ...raw, limit: '13' });
      const page = await searchDirectory({ db: t.db }, query, { index });
      const text = (await searchDirectoryJson({ db: t.db }, query, { index })).text;
      expect(text, JSON.stringify(raw)).toBe(JSON.stringify(page));
    }
  });

  it('finds a misspelt word, exact and prefix matches first', async () => {
    const index = new DirectoryIndex();
    const custody = await allPages(t.db, { q: 'custody' }, index, 50);
    const misspelt = await allPages(t.db, { q: 'custdy' }, index, 50);
    expect(custody.total).toBeGreaterThan(0);
    expect(misspelt.ids).toEqual(custody.ids);
    const prefix = await allPages(t.db, { q: 'custo' }, index, 50);
    expect(prefix.ids).toEqual(custody.ids);
    // "Parentng" (one letter dropped) finds "parenting"; short words are taken as typed.
    expect((await allPages(t.db, { q: 'parentng' }, index, 50)).total).toBeGreaterThan(0);
    expect((await allPages(t.db, { q: 'iwp' }, index, 50)).total).toBe(0);
  });

  it('finds with a Spanish word what its English word finds', async () => {
    const index = new DirectoryIndex();
    for (const [spanish, english] of [
      ['custodia', 'custody'],
      ['español', 'spanish'],
      ['inquilinos', 'tenant'],
    ] as const) {
      const found = await allPages(t.db, { q: spanish }, index, 50);
      expect(found.total, spanish).toBeGreaterThan(0);
      expect(found, spanish).toEqual(await allPages(t.db, { q: english }, index, 50));
    }
  });

  it('takes a city or ZIP code: its counties first, nearest first, and says where it measured from', async () => {
    const answer = await searchDirectory(
      { db: t.db },
      SearchQuery.parse({ place: 'kansas city mo', limit: '50' }),
      { index: new DirectoryIndex() },
    );
    expect(answer.place).toEqual({ name: 'Kansas City', counties: ['Jackson', 'Clay', 'Platte'] });
    expect(answer.results[0]!.milesAway).toBe(0);
    const miles = answer.results.map((r) => r.milesAway!);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    const zip = await searchDirectory({ db: t.db }, SearchQuery.parse({ place: '65806' }), {
      index: new DirectoryIndex(),
    });
    expect(zip.place).toEqual({ name: '65806 (Springfield)', counties: ['Greene'] });
    const unknown = await new TestClient(t.app).get('/api/v1/directory/mediators?place=Atlantis');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('place');
  });

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

  it('takes a repeated filter through the query string: every language listed', async () => {
    const response = await new TestClient(t.app).get(
      '/api/v1/directory/mediators?language=es&language=vi&limit=50',
    );
    expect(response.statusCode).toBe(200);
    const body = response.json() as { results: { languages: string[] }[]; total: number };
    expect(body.total).toBeGreaterThan(0);
    for (const r of body.results) expect(r.languages).toEqual(expect.arrayContaining(['es', 'vi']));
    const wrong = await new TestClient(t.app).get('/api/v1/directory/mediators?language=es&language=xx');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('language');
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
      const mineIndex = new DirectoryIndex();
      const theirIndex = new DirectoryIndex();
      for (const raw of QUERIES) {
        const mine = await allPages(t.db, raw, mineIndex, 10);
        const theirs = await allPages(other!, raw, theirIndex, 10);
        expect(theirs, JSON.stringify(raw)).toEqual(mine);
      }
    },
    120_000,
  );
});
