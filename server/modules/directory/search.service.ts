import type { SearchPage, SearchQuery } from '../../../contracts/directory.ts';
import { facet, facetGroups, type SearchSort, searchTerms } from '../../../domain/directory-search.ts';
import { ROSTERS, type Roster } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { countyIndex, ELIG_COLUMN, practiceOf } from './directory.service.ts';
import { photoUrl } from './profiles.service.ts';
import type { Conditions, Key } from './search.repository.ts';
import * as repo from './search.repository.ts';

/**
 * Tuning of the search plan (see search.repository.ts). Two ways reach the same rows: the
 * full-text index finds the rows of the rarest condition and the stored text checks the rest
 * ("match"), or the requested order is read from an index until a page is full ("scan", in chunks
 * of `chunk` rows, at most `budget` before falling back to match). The planner compares their
 * expected cost: rows the rarest condition holds × matchCost, against rows a scan must read for
 * a page given the expected share of matches. Either way the answer is the same; only the work
 * differs, and tests turn the knobs (matchCost 0: always match; Infinity: always scan) to prove it.
 */
export type SearchPlan = { matchCost: number; chunk: number; budget: number; maxCounties: number };
export const DEFAULT_PLAN: SearchPlan = { matchCost: 3, chunk: 800, budget: 6400, maxCounties: 24 };

type Cursor = { s: SearchSort; k: Key };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.s, ...cursor.k])).toString('base64url');
}

function decodeCursor(text: string, sort: SearchSort): Key {
  const bad = () => invalid('cursor', 'is not a cursor from this search; start again from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort) throw bad();
  const key = parsed.slice(1);
  const shape =
    sort === 'relevance'
      ? ['string', 'string', 'string']
      : sort === 'name'
        ? ['string', 'string']
        : ['number', 'string', 'string'];
  if (key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) throw bad();
  return key as Key;
}

const keyLess = (a: Key, b: Key) => {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i]! < b[i]!;
  }
  return false;
};

// Planner statistics, per process: how many profiles hold each facet token or word prefix.
// They only steer which plan runs (every plan gives the same answer), so a minute's staleness is harmless.
const STATS_TTL_MS = 60_000;
const stats = new Map<string, { n: number; at: number }>();

async function statistic(_db: Executor, key: string, load: () => Promise<number>): Promise<number> {
  const hit = stats.get(key);
  if (hit && performance.now() - hit.at < STATS_TTL_MS) return hit.n;
  if (stats.size > 5000) stats.clear();
  const n = await load();
  stats.set(key, { n, at: performance.now() });
  return n;
}

type Analysis = { total: number; estimate: number; driver: Conditions; driverCost: number };

/**
 * What the planner knows of a search: how many profiles there are, how many match if the
 * conditions were independent, and the cheapest "driver" for the full-text path with its cost in
 * rows checked: one condition (its rows), or two (FTS5 reads both lists, about a sixtieth of the
 * cost of checking a row per entry, and the pair's expected rows are checked).
 */
async function analyse(db: Executor, c: Conditions): Promise<Analysis> {
  const total = await statistic(db, 'total', () => repo.countProfiles(db));
  const parts: { c: Conditions; n: number; place: boolean }[] = [];
  for (const group of c.groups) {
    let n = 0;
    for (const token of group)
      n += await statistic(db, `f:${token}`, () => repo.countOne(db, { facet: token }));
    const place = group.includes(facet.statewideCounty) || group.includes(facet.statewideCircuit);
    parts.push({ c: { groups: [group], terms: [] }, n: Math.min(n, total), place });
  }
  for (const term of c.terms) {
    parts.push({
      c: { groups: [], terms: [term] },
      n: await statistic(db, `t:${term}`, () => repo.countOne(db, { term })),
      place: false,
    });
  }
  const share = (n: number) => (total ? n / total : 0);
  // A county and a circuit are not independent (a county lies in its circuit, and statewide
  // mediators serve both): together they keep the smaller share, not the product.
  const placeShare = Math.min(1, ...parts.filter((p) => p.place).map((p) => share(p.n)));
  const estimate = parts.filter((p) => !p.place).reduce((e, part) => e * share(part.n), total * placeShare);
  const pairShare = (x: (typeof parts)[number], y: (typeof parts)[number]) =>
    x.place && y.place ? Math.min(share(x.n), share(y.n)) : share(x.n) * share(y.n);
  let driver = c;
  let driverCost = Number.POSITIVE_INFINITY;
  for (const [i, x] of parts.entries()) {
    if (x.n < driverCost) [driver, driverCost] = [x.c, x.n];
    for (const y of parts.slice(i + 1)) {
      const cost = Math.max(x.n, y.n) / 60 + total * pairShare(x, y);
      if (cost < driverCost)
        [driver, driverCost] = [
          { groups: [...x.c.groups, ...y.c.groups], terms: [...x.c.terms, ...y.c.terms] },
          cost,
        ];
    }
  }
  return { total, estimate, driver, driverCost };
}

/** Rows a scan in order is expected to read before a page is full. */
const scanRows = (a: Analysis, want: number) =>
  a.estimate > 0 ? Math.min(a.total, (want * a.total) / a.estimate) : a.total;

/**
 * Whether the full-text path costs less than reading the order until a page is full (or the
 * reading would outrun the scan's budget anyway).
 */
function preferMatch(a: Analysis, want: number, plan: SearchPlan, weight = 1): boolean {
  if (plan.matchCost === 0) return true;
  if (plan.matchCost === Number.POSITIVE_INFINITY) return false;
  const rows = scanRows(a, want);
  return rows > plan.budget || a.driverCost * plan.matchCost * weight <= rows;
}

/** Relevance or name order: the full-text path for rare combinations, else the ordered scan. */
async function ordered(
  db: Executor,
  order: repo.Order,
  c: Conditions,
  after: Key | null,
  want: number,
  plan: SearchPlan,
  trace?: string[],
) {
  if (c.groups.length === 0 && c.terms.length === 0)
    return repo.scanOrdered(db, order, c, { after, upTo: null }, want);
  const a = await analyse(db, c);
  trace?.push(`estimate ${Math.round(a.estimate)}`);
  if (preferMatch(a, want, plan)) {
    trace?.push(`match ${Math.round(a.driverCost)}`);
    return repo.matchOrdered(db, order, c, after, want, a.driver);
  }
  // A common combination finds a page among the first rows in order: one query.
  const first = await repo.scanFirstChunk(db, order, c, after, plan.chunk, want);
  trace?.push(`first ${first.length}`);
  if (first.length >= want) return first;
  // Sparser than expected: keep reading the order a chunk at a time, within the budget.
  const found = [...first];
  let from = await repo.chunkBoundary(db, order, after, plan.chunk);
  // Three times the expected reading means the estimate was wrong: switch rather than persist.
  const budget = Math.min(plan.budget, Math.max(plan.chunk, 3 * scanRows(a, want)));
  for (let scanned = plan.chunk; from && scanned < budget; scanned += plan.chunk) {
    const upTo = await repo.chunkBoundary(db, order, from, plan.chunk);
    found.push(...(await repo.scanOrdered(db, order, c, { after: from, upTo }, want - found.length)));
    trace?.push(`chunk ${found.length}`);
    if (found.length >= want || !upTo) return found;
    from = upTo;
  }
  if (!from) return found;
  trace?.push('fallback');
  return repo.matchOrdered(db, order, c, after, want, a.driver);
}

/** Profiles serving one county in (name, id) order past `after`, chunked; null when over budget. */
async function walkCounty(
  db: Executor,
  input: { fips: string; near: string; rank: number; c: Conditions; after: Key | null; want: number },
  plan: SearchPlan,
  spent: { rows: number },
): Promise<Key[] | null> {
  const filtered = input.c.groups.length > 0 || input.c.terms.length > 0 || input.rank > 0;
  const first = await repo.scanCounty(db, {
    ...input,
    range: filtered ? { firstChunk: plan.chunk } : { upTo: null },
    limit: input.want,
  });
  spent.rows += plan.chunk;
  if (first.length >= input.want || !filtered) return first;
  const found = [...first];
  let from = await repo.countyChunkBoundary(db, input.fips, input.after, plan.chunk);
  while (from) {
    if (spent.rows >= plan.budget) return null;
    const upTo = await repo.countyChunkBoundary(db, input.fips, from, plan.chunk);
    spent.rows += plan.chunk;
    found.push(
      ...(await repo.scanCounty(db, {
        ...input,
        after: from,
        range: { upTo },
        limit: input.want - found.length,
      })),
    );
    if (found.length >= input.want || !upTo) return found;
    from = upTo;
  }
  return found;
}

type Ring = {
  list: { to_fips: string; miles: number; rank: number }[];
  ranks: Map<string, number>;
  miles: Map<number, number>;
};
const rings = new Map<string, Ring>();
/**
 * The counties around `near`, nearest first, with each county's rank (0 for `near` itself) and
 * each rank's distance. County distances are reference data that never change while Parley runs,
 * so each process reads a county's ring once.
 */
async function ringAround(db: Executor, near: string): Promise<Ring> {
  let ring = rings.get(near);
  if (!ring) {
    const list = (await repo.countiesByDistance(db, near)).map((r) => ({
      to_fips: r.to_fips,
      miles: Number(r.miles),
      rank: Number(r.rank),
    }));
    ring = {
      list,
      ranks: new Map(list.map((r) => [r.to_fips, r.rank])),
      miles: new Map(list.map((r) => [r.rank, r.miles])),
    };
    rings.set(near, ring);
  }
  return ring;
}
const ranksFrom = async (db: Executor, near: string) => (await ringAround(db, near)).ranks;

const byKey = (a: Key, b: Key) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0);

/**
 * The full-text path, nearest first: every match with the rank of the nearest county it serves
 * (read from its facet tokens; statewide is 0), sorted by (rank, name, id) after the cursor.
 */
async function matchNearest(
  db: Executor,
  input: { near: string; c: Conditions; after: Key | null; want: number; driver: Conditions | undefined },
): Promise<Key[]> {
  const ranks = await ranksFrom(db, input.near);
  const keys: Key[] = [];
  for (const row of await repo.matchWithFacets(db, input.c, input.driver)) {
    let best = row.facets.includes(` ${facet.statewideCounty} `) ? 0 : Number.POSITIVE_INFINITY;
    for (const m of row.facets.matchAll(/ cty(\d{5})(?= )/g)) best = Math.min(best, ranks.get(m[1]!) ?? best);
    if (best === Number.POSITIVE_INFINITY) continue;
    const key: Key = [best, row.name_key, row.id];
    if (input.after && !keyLess(input.after, key)) continue;
    keys.push(key);
  }
  return keys.sort(byKey).slice(0, input.want);
}

/**
 * Nearest first: statewide mediators and those serving the chosen county (distance 0), then
 * county by county outwards, each mediator at the nearest county they serve; ties by name, id.
 */
async function byDistance(
  db: Executor,
  near: string,
  c: Conditions,
  after: Key | null,
  want: number,
  plan: SearchPlan,
  trace?: string[],
) {
  let driver: Conditions | undefined;
  if (c.groups.length > 0 || c.terms.length > 0) {
    const a = await analyse(db, c);
    driver = a.driver;
    // A walked row costs about what grouping a match costs, and a mediator who serves several
    // counties is met in each of their lists before the nearest: the full-text path weighs less.
    trace?.push(`estimate ${Math.round(a.estimate)}`);
    if (preferMatch(a, want, plan, 0.3)) {
      trace?.push(`match ${Math.round(a.driverCost)}`);
      return matchNearest(db, { near, c, after, want, driver });
    }
  }
  const ring = (await ringAround(db, near)).list;
  const startRank = after ? Number(after[0]) : 0;
  const spent = { rows: 0 };
  const found: Key[] = [];
  let walked = 0;
  for (let rank = startRank; rank < ring.length && found.length < want; rank++) {
    if (++walked > plan.maxCounties) return matchNearest(db, { near, c, after, want, driver });
    const within = after && rank === startRank ? [after[1]!, after[2]!] : null;
    const counties = rank === 0 ? ['all', near] : [ring[rank]!.to_fips];
    const lists: Key[] = [];
    for (const fips of counties) {
      const list = await walkCounty(
        db,
        { fips, near, rank, c, after: within, want: want - found.length },
        plan,
        spent,
      );
      if (!list) return matchNearest(db, { near, c, after, want, driver });
      lists.push(...list);
    }
    lists.sort(byKey);
    found.push(...lists.slice(0, want - found.length));
  }
  trace?.push(`walked ${walked}`);
  return found;
}

const milesByRank = async (db: Executor, near: string) => (await ringAround(db, near)).miles;

export type SearchOptions = { plan?: SearchPlan; trace?: string[] };

/** The public directory search: filters, words, sort, keyset cursor. */
export async function searchDirectory(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<SearchPage> {
  const db = deps.db;
  const plan = options.plan ?? DEFAULT_PLAN;
  const near = query.near ?? (query.sort === 'distance' ? query.county : undefined);
  if (query.sort === 'distance' && !near)
    throw new AppError('VALIDATION_FAILED', 'Please choose a county to sort by distance from.', {
      fields: { near: 'choose a county to measure distance from' },
    });
  const c: Conditions = {
    groups: facetGroups({
      area: query.area,
      county: query.county,
      circuit: query.circuit,
      roster: query.roster,
      language: query.language,
      fee: query.fee,
      mode: query.mode,
      accepting: query.accepting,
    }),
    terms: searchTerms(query.q),
  };
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const want = query.limit + 1;
  const keys =
    query.sort === 'distance'
      ? await byDistance(db, near!, c, after, want, plan, options.trace)
      : await ordered(
          db,
          query.sort === 'name' ? repo.BY_NAME : repo.RELEVANCE,
          c,
          after,
          want,
          plan,
          options.trace,
        );
  const page = keys.slice(0, query.limit);
  const more = keys.length > query.limit;
  const idOf = (k: Key) => String(k[k.length - 1]);
  const rows = new Map((await repo.cardsFor(db, page.map(idOf))).map((r) => [r.id, r]));
  const counties = await countyIndex(db);
  const miles = query.sort === 'distance' ? await milesByRank(db, near!) : null;
  const results = page.flatMap((k) => {
    const r = rows.get(idOf(k));
    if (!r) return [];
    return [
      {
        id: r.id,
        name: r.display_name,
        practiceName: r.practice_name,
        photoUrl: photoUrl(r),
        areas: r.areas,
        languages: r.languages,
        statewide: r.statewide === 1,
        counties: r.counties.map((f) => counties.get(f)?.name ?? f),
        ...practiceOf(r),
        rosters: ROSTERS.filter((x: Roster) => r[ELIG_COLUMN[x]] === 1),
        milesAway: miles ? (miles.get(Number(k[0])) ?? null) : null,
      },
    ];
  });
  const last = page[page.length - 1];
  return { results, nextCursor: more && last ? encodeCursor({ s: query.sort, k: last }) : null };
}
