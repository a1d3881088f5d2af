import { facetGroups, type SearchSort, searchTerms } from '../../../domain/directory-search.ts';
import { ROSTERS, type Roster } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import type { SearchQuery } from './directory.schemas.ts';
import { countyIndex, ELIG_COLUMN, photoUrl } from './directory.service.ts';
import type { Conditions, Key } from './search.repository.ts';
import * as repo from './search.repository.ts';

/**
 * Tuning of the search plan (see search.repository.ts). A search first asks the full-text index
 * how many profiles match, up to matchLimit: fewer, and it sorts just those; more, and it walks the
 * requested order in chunks of `chunk` rows, giving up after `budget` rows for the full-text path.
 * Either way the answer is the same; only the work differs. Tests turn the knobs to prove it.
 */
export type SearchPlan = { matchLimit: number; chunk: number; budget: number; maxCounties: number };
export const DEFAULT_PLAN: SearchPlan = { matchLimit: 600, chunk: 800, budget: 4000, maxCounties: 24 };

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

async function statistic(db: Executor, key: string, load: () => Promise<number>): Promise<number> {
  const hit = stats.get(key);
  if (hit && performance.now() - hit.at < STATS_TTL_MS) return hit.n;
  if (stats.size > 5000) stats.clear();
  const n = await load();
  stats.set(key, { n, at: performance.now() });
  return n;
}

/** Expected matches if conditions were independent: total × the product of each one's share. */
async function estimateMatches(db: Executor, c: Conditions): Promise<number> {
  const total = await statistic(db, 'total', () => repo.countProfiles(db));
  if (total === 0) return 0;
  let estimate = total;
  for (const group of c.groups) {
    let n = 0;
    for (const facet of group) n += await statistic(db, `f:${facet}`, () => repo.countOne(db, { facet }));
    estimate *= Math.min(1, n / total);
  }
  for (const term of c.terms) {
    estimate *= (await statistic(db, `t:${term}`, () => repo.countOne(db, { term }))) / total;
  }
  return estimate;
}

/** Relevance or name order: the chunked walk, else the full-text path. */
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
  // A rare combination: sort just its few matches from the full-text index.
  const estimate = await estimateMatches(db, c);
  trace?.push(`estimate ${Math.round(estimate)}`);
  if (estimate < plan.matchLimit) return repo.matchOrdered(db, order, c, after, want);
  // A common one finds a page among the first rows in order: one query.
  const first = await repo.scanFirstChunk(db, order, c, after, plan.chunk, want);
  trace?.push(`first ${first.length}`);
  if (first.length >= want) return first;
  // In between: count (up to a limit) and decide.
  const count = await repo.countMatches(db, c, plan.matchLimit);
  trace?.push(`count ${count}`);
  if (count < plan.matchLimit) return repo.matchOrdered(db, order, c, after, want);
  // Otherwise keep walking the order a chunk at a time, within the budget.
  const found = [...first];
  let from = await repo.chunkBoundary(db, order, after, plan.chunk);
  for (let scanned = plan.chunk; from && scanned < plan.budget; scanned += plan.chunk) {
    const upTo = await repo.chunkBoundary(db, order, from, plan.chunk);
    found.push(...(await repo.scanOrdered(db, order, c, { after: from, upTo }, want - found.length)));
    trace?.push(`chunk ${found.length}`);
    if (found.length >= want || !upTo) return found;
    from = upTo;
  }
  if (!from) return found;
  trace?.push('fallback');
  return repo.matchOrdered(db, order, c, after, want);
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
) {
  if (c.groups.length > 0 || c.terms.length > 0) {
    const estimate = await estimateMatches(db, c);
    if (estimate < plan.matchLimit) return repo.matchByDistance(db, { near, c, after, limit: want });
    const count = await repo.countMatches(db, c, plan.matchLimit);
    if (count < plan.matchLimit) return repo.matchByDistance(db, { near, c, after, limit: want });
  }
  const ring = await repo.countiesByDistance(db, near);
  const startRank = after ? Number(after[0]) : 0;
  const spent = { rows: 0 };
  const found: Key[] = [];
  let walked = 0;
  for (let rank = startRank; rank < ring.length && found.length < want; rank++) {
    if (++walked > plan.maxCounties) return repo.matchByDistance(db, { near, c, after, limit: want });
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
      if (!list) return repo.matchByDistance(db, { near, c, after, limit: want });
      lists.push(...list);
    }
    lists.sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
    found.push(...lists.slice(0, want - found.length));
  }
  return found;
}

const ringCache = new Map<string, Map<number, number>>();
async function milesByRank(db: Executor, near: string): Promise<Map<number, number>> {
  let m = ringCache.get(near);
  if (!m) {
    m = new Map((await repo.countiesByDistance(db, near)).map((r) => [Number(r.rank), Number(r.miles)]));
    ringCache.set(near, m);
  }
  return m;
}

export type SearchOptions = { plan?: SearchPlan; trace?: string[] };

/** The public directory search: filters, words, sort, keyset cursor. */
export async function searchDirectory(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
) {
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
      language: query.language as never,
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
      ? await byDistance(db, near!, c, after, want, plan)
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
        areas: JSON.parse(r.areas) as string[],
        languages: JSON.parse(r.languages) as string[],
        statewide: r.statewide === 1,
        counties: (JSON.parse(r.counties) as string[]).map((f) => counties.get(f)?.name ?? f),
        remote: r.remote === 1,
        inPerson: r.in_person === 1,
        hourlyRate: r.hourly_rate,
        slidingScale: r.sliding_scale === 1,
        freeService: r.free_service === 1,
        acceptingCases: r.accepting_cases === 1,
        yearsPractice: r.years_practice,
        rosters: ROSTERS.filter((x: Roster) => r[ELIG_COLUMN[x]] === 1),
        milesAway: miles ? (miles.get(Number(k[0])) ?? null) : null,
      },
    ];
  });
  const last = page[page.length - 1];
  return { results, nextCursor: more && last ? encodeCursor({ s: query.sort, k: last }) : null };
}
