import type { SearchPage, SearchQuery } from '../../../contracts/directory.ts';
import { facet, facetGroups, type SearchSort, searchTerms } from '../../../domain/directory-search.ts';
import { ROSTERS, type Roster } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { JsonText } from '../../http/route.ts';
import type { Deps } from '../../infra/deps.ts';
import { countyIndex, ELIG_COLUMN, practiceOf } from './directory.service.ts';
import { missouriPlaces, type Place } from './places.ts';
import { photoUrl } from './profiles.service.ts';
import * as repo from './search.repository.ts';
import { andNotInto, smallestSorted } from './search-bits.ts';
import {
  type IndexedProfile,
  type IndexOrder,
  SearchIndex,
  STATEWIDE,
  searchTuning,
} from './search-index.ts';

/**
 * Each server's search index, kept in step with the database. Before every search one small read
 * gives the directory's version (bumped by triggers on every profile change, migration 0013 and
 * 2026-11-26-2116); when it moved, the index reads the profiles changed since the version it last
 * saw (directory_changes) and only those, so an edit made through any server is found by the next
 * search on every server. A server that starts, or fell behind past the pruned changes, reads them all.
 */
export class DirectoryIndex {
  private index: SearchIndex | null = null;
  private version = -1;
  private pending: Promise<void> | null = null;

  /** The index as of the database's current version (`state`, when it was just read). */
  async current(db: Executor, state?: repo.IndexState): Promise<SearchIndex> {
    const target = state ?? (await repo.readIndexState(db));
    while (this.version !== target.version || !this.index) {
      this.pending ??= this.catchUp(db).finally(() => {
        this.pending = null;
      });
      await this.pending;
      if (this.version > target.version) break;
    }
    return this.index!;
  }

  private async catchUp(db: Executor) {
    const state = await repo.readIndexState(db);
    if (state.version === this.version && this.index) return;
    const whole = !this.index || state.version < this.version || this.version + 1 < state.changesFrom;
    const ids = whole ? null : await repo.changedSince(db, this.version, CATCH_UP_MOST + 1);
    if (!ids || ids.length > CATCH_UP_MOST) {
      const counties = await countyIndex(db);
      this.index = new SearchIndex((await repo.indexRows(db, null)).map((r) => indexed(r, counties)));
    } else {
      const counties = await countyIndex(db);
      const rows = new Map((await repo.indexRows(db, ids)).map((r) => [r.id, r]));
      for (const id of ids) {
        const row = rows.get(id);
        this.index!.upsert(id, row ? indexed(row, counties) : null);
      }
    }
    this.version = state.version;
  }
}

/** More changed profiles than this since a server last looked: it reads them all again. */
const CATCH_UP_MOST = 5000;

function indexed(r: repo.IndexRow, counties: Map<string, { name: string }>): IndexedProfile {
  const facets = r.facets.trim().split(' ').filter(Boolean);
  return {
    id: r.id,
    published: r.published === 1,
    nameKey: r.name_key,
    sortScore: r.sort_score,
    words: r.search_text.trim().split(' ').filter(Boolean),
    facets,
    counties: facets.filter((f) => /^cty\d{5}$/.test(f)).map((f) => Number(f.slice(3)) - 29000),
    statewide: facets.includes(facet.statewideCounty),
    card: {
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
    },
  };
}

const shared = new WeakMap<Executor, DirectoryIndex>();
/** The process's index for a database (each app's routes keep their own: see directory.routes.ts). */
const indexFor = (db: Executor) => {
  let index = shared.get(db);
  if (!index) {
    index = new DirectoryIndex();
    shared.set(db, index);
  }
  return index;
};

// A cursor holds the last result's key: [match tier, score, name, id] by relevance, [name, id] by
// name, [rank of distance, name, id] nearest first.
type Key = readonly (string | number)[];
const CURSOR_SHAPE: Record<SearchSort, string[]> = {
  relevance: ['number', 'string', 'string', 'string'],
  name: ['string', 'string'],
  distance: ['number', 'string', 'string'],
};

const encodeCursor = (sort: SearchSort, key: Key) =>
  Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');

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
  const shape = CURSOR_SHAPE[sort];
  if (key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) throw bad();
  return key as Key;
}

type Ring = { ranks: string[][]; miles: number[] };
const rings = new Map<string, Ring>();
let countyRings: Promise<void> | undefined;

/** Counties outwards from a county, a rank each (reference data: every county's read once per process). */
async function ringAround(db: Executor, near: string): Promise<Ring> {
  countyRings ??= repo
    .countyDistances(db)
    .then((rows) => {
      for (const r of rows) {
        let ring = rings.get(r.from_fips);
        if (!ring) {
          ring = { ranks: [], miles: [] };
          rings.set(r.from_fips, ring);
        }
        ring.ranks[Number(r.rank)] = [r.to_fips];
        ring.miles[Number(r.rank)] = Math.round(Number(r.miles));
      }
    })
    .catch((error) => {
      countyRings = undefined;
      throw error;
    });
  await countyRings;
  return rings.get(near) ?? { ranks: [[near]], miles: [0] };
}

/** Counties outwards from a place: the counties it lies in first, then by distance from it. */
async function ringFrom(db: Executor, place: Place): Promise<Ring> {
  const kept = rings.get(`place:${place.name}`);
  if (kept) return kept;
  const miles = (await missouriPlaces(db)).milesTo(place.lat, place.lon);
  const others = [...miles]
    .filter(([fips]) => !place.counties.includes(fips))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const ring = {
    ranks: [place.counties, ...others.map(([fips]) => [fips])],
    miles: [0, ...others.map(([, m]) => Math.round(m))],
  };
  rings.set(`place:${place.name}`, ring);
  return ring;
}

/**
 * Nearest first by sorting the matches, each as one number (rank, place in the name order) so a
 * plain numeric sort orders them; each match is placed at its nearest rank either from its own
 * row or by reading the counties' bit sets rank by rank (SearchIndex), and only the ranks the
 * page reaches are sorted.
 */
function nearestBySort(
  index: SearchIndex,
  matches: Uint32Array,
  count: number,
  ring: Ring,
  after: Key | null,
  want: number,
  placed: 'rows' | 'ranks',
): Found[] {
  const threshold = after
    ? Number(after[0]) * SPAN + index.namePositionAfter([String(after[1]), String(after[2])])
    : 0;
  const keys = sortSpace(count);
  let n: number;
  if (placed === 'ranks') n = index.nearestKeys(matches, ringCounties(ring), SPAN, threshold, want, keys);
  else {
    const perRank = new Int32Array(ring.ranks.length + 1);
    const all = index.nearestKeysOwn(matches, ringRanks(ring), SPAN, threshold, keys, perRank);
    // Only the ranks the page reaches are sorted: a count by rank finds the last one needed.
    let last = 0;
    for (let seen = 0; last < perRank.length; last++) {
      seen += perRank[last]!;
      if (seen >= want) break;
    }
    const bound = (last + 1) * SPAN;
    n = 0;
    for (let i = 0; i < all; i++) if (keys[i]! < bound) keys[n++] = keys[i]!;
  }
  return [...smallestSorted(keys, n, want)].map((k) => {
    const rank = Math.floor(k / SPAN);
    return {
      doc: index.atNamePosition(k - rank * SPAN),
      order: 'name',
      lead: rank,
      miles: ring.miles[rank] ?? null,
    };
  });
}

/**
 * Nearest first by walking outwards: each profile once, at the nearest rank it serves (statewide
 * ones and the place's own counties at rank 0, then county by county); within a rank by name. The
 * counties' lists are read rank by rank until the page is full, so a search meets about as many
 * profiles as its page needs, however large the directory. Null when it read `budget` profiles
 * without filling the page (the caller sorts instead).
 */
function nearestByWalk(
  index: SearchIndex,
  matches: Uint32Array,
  ring: Ring,
  after: Key | null,
  want: number,
  budget: number,
): Found[] | null {
  const start = after ? Number(after[0]) : 0;
  const from = after ? index.namePositionAfter([String(after[1]), String(after[2])]) : 0;
  const walked = index.outwards(
    { matches, rankOf: ringRanks(ring), ranks: ringCounties(ring) },
    start,
    from,
    want,
    budget,
  );
  return walked
    ? walked.map(({ doc, rank }) => ({ doc, order: 'name', lead: rank, miles: ring.miles[rank] ?? null }))
    : null;
}

/** Room for every place in the name order within one rank of a combined sort number. */
const SPAN = 2 ** 24;

let sortNumbers = new Float64Array(1024);
const sortSpace = (count: number) => {
  if (sortNumbers.length < count) sortNumbers = new Float64Array(count);
  return sortNumbers;
};

const ringRankCache = new WeakMap<Ring, Int16Array>();
const ringCountyCache = new WeakMap<Ring, number[][]>();
/** Each rank's counties by their FIPS code less 29000, the whole state (STATEWIDE) with rank 0's. */
function ringCounties(ring: Ring): number[][] {
  let counties = ringCountyCache.get(ring);
  if (!counties) {
    counties = ring.ranks.map((fips, rank) => [
      ...(rank === 0 ? [STATEWIDE] : []),
      ...fips.map((f) => Number(f) - 29000),
    ]);
    ringCountyCache.set(ring, counties);
  }
  return counties;
}

/** Each county's rank in the ring, by its FIPS code less 29000; the whole state at rank 0. */
function ringRanks(ring: Ring): Int16Array {
  let ranks = ringRankCache.get(ring);
  if (!ranks) {
    // A county out of the ring gets the array's length: farther than every rank.
    ranks = new Int16Array(STATEWIDE + 1).fill(STATEWIDE + 1);
    ring.ranks.forEach((counties, rank) => {
      for (const f of counties) ranks![Number(f) - 29000] = rank;
    });
    ranks[STATEWIDE] = 0;
    ringRankCache.set(ring, ranks);
  }
  return ranks;
}

/**
 * The server's index, and the directory's state when the caller has just read it (the answer
 * cache reads it first, to know whether its answers still hold): one read a search, not two.
 */
export type SearchOptions = { index?: DirectoryIndex; state?: repo.IndexState };

/**
 * A result found: its document, and what its cursor key is made of (worked out only for the last
 * result of a page): the order's key, after the match tier or distance rank when there is one.
 */
type Found = { doc: number; order: IndexOrder; lead: number | null; miles: number | null };

const keyOf = (index: SearchIndex, f: Found): Key =>
  f.lead === null ? index.keyOf(f.order, f.doc) : [f.lead, ...index.keyOf(f.order, f.doc)];

/** A search's answer before it is written out: the page's documents and what goes with them. */
type Answer = {
  index: SearchIndex;
  page: Found[];
  nextCursor: string | null;
  total: number;
  place: SearchPage['place'];
};

/** The public directory search: words (exact, prefix, then misspelt), filters, place, sort, cursor, total. */
export async function searchDirectory(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<SearchPage> {
  const { index, page, nextCursor, total, place } = await answer(deps, query, options);
  return {
    results: page.map((f) => ({ ...index.card(f.doc), milesAway: f.miles })),
    nextCursor,
    total,
    place,
  };
}

/**
 * The same search written as the JSON it is sent as, from each profile's card written once when
 * it was indexed: the same text JSON.stringify gives for searchDirectory's answer.
 */
export async function searchDirectoryJson(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<JsonText<SearchPage>> {
  const { index, page, nextCursor, total, place } = await answer(deps, query, options);
  // Joined in one go: a string grown piece by piece is a chain of pieces the socket must flatten.
  const parts = page.map((f) => index.resultJson(f.doc, f.miles));
  const rest = `],"nextCursor":${JSON.stringify(nextCursor)},"total":${total},"place":${JSON.stringify(place)}}`;
  return new JsonText<SearchPage>(`{"results":[${parts.join(',')}${rest}`);
}

async function answer(deps: Pick<Deps, 'db'>, query: SearchQuery, options: SearchOptions): Promise<Answer> {
  const db = deps.db;
  const place = query.place ? (await missouriPlaces(db)).find(query.place) : null;
  if (query.place && !place)
    throw invalid('place', 'is not a Missouri city, town, county or ZIP code we know; check the spelling');
  const sort: SearchSort = place ? 'distance' : query.sort;
  const near = query.near ?? (sort === 'distance' ? query.county : undefined);
  if (sort === 'distance' && !near && !place)
    throw new AppError('VALIDATION_FAILED', 'Please choose a county to sort by distance from.', {
      fields: { near: 'choose a county to measure distance from' },
    });
  const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
  // Everything read from the database comes first: from here to the page the search does not wait,
  // so the index does not change under it and its working bit sets go back before another starts.
  const ring = sort === 'distance' ? (place ? await ringFrom(db, place) : await ringAround(db, near!)) : null;
  const placeShown = place ? { name: place.name, counties: await countyNames(db, place.counties) } : null;
  const index = await (options.index ?? indexFor(db)).current(db, options.state);

  // Every filter group and every word, as bit sets of profiles, kept and counted in one pass.
  // Nearest first meets only the profiles serving some place (all of them published).
  const terms = searchTerms(query.q);
  const {
    matches,
    exactly,
    total,
    exact: exactCount,
  } = index.match(ring !== null, facetGroups(query), terms);

  const want = query.limit + 1;
  const found: Found[] = [];
  if (ring) {
    // Three ways, the same pages: walking the counties' lists outwards reads about want ×
    // (profiles listed ÷ matches) entries, each cheap; placing the matches rank by rank reads the
    // words holding them once for each rank the page needs (a rank holds about matches × counties
    // served ÷ ranks); placing each match by its own row costs a read from far in memory per
    // match. The figures below weigh each as measured; the walk is given up past twice the
    // cheaper of the other two (when the matches lie far out, or past a deep cursor).
    const way = searchTuning.nearest;
    const words = matches.length;
    const perRank = (Math.max(total, 1) * index.listed) / Math.max(index.size, 1) / ring.ranks.length;
    const reached = Math.min(ring.ranks.length, Math.max(1, want / perRank));
    const byRank = 40 * Math.min(total, words) * reached + words;
    const byRow = 200 * total + words;
    const walkCost = (4 * want * index.listed) / Math.max(total, 1);
    const placed = way === 'ranks' || (way === 'cheaper' && byRank < byRow) ? 'ranks' : 'rows';
    const walked =
      way === 'walk' || (way === 'cheaper' && walkCost <= Math.min(byRank, byRow))
        ? nearestByWalk(
            index,
            matches,
            ring,
            after,
            want,
            way === 'walk' ? Infinity : Math.min(byRank, byRow) / 2,
          )
        : null;
    found.push(...(walked ?? nearestBySort(index, matches, total, ring, after, want, placed)));
  } else {
    const order = sort === 'name' ? 'name' : 'relevance';
    // By relevance, the profiles matching every word exactly or as a prefix come first (tier 0),
    // then those matching only with a misspelt word (tier 1). Without words, or when no word
    // found more by its misspelt forms, there is one tier.
    const tiers = order === 'relevance' && exactly ? 2 : 1;
    const start = after && order === 'relevance' ? Number(after[0]) : 0;
    for (let tier = start; tier < tiers && found.length < want; tier++) {
      // Tier 1 is made only when tier 0 does not fill the page.
      const bits = tier === 0 ? (tiers === 2 ? exactly! : matches) : andNotInto(matches, exactly!);
      const count = tiers === 1 ? total : tier === 0 ? exactCount : total - exactCount;
      const within =
        tier === start && after ? (order === 'relevance' ? after.slice(1) : after).map(String) : null;
      for (const doc of index.top({ bits, order }, count, within, want - found.length))
        found.push({ doc, order, lead: order === 'relevance' ? tier : null, miles: null });
    }
  }
  index.give(matches, ...(exactly ? [exactly] : []));

  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    index,
    page,
    nextCursor: found.length > query.limit && last ? encodeCursor(sort, keyOf(index, last)) : null,
    total,
    place: placeShown,
  };
}

async function countyNames(db: Executor, fips: string[]): Promise<string[]> {
  const counties = await countyIndex(db);
  return fips.map((f) => counties.get(f)?.name ?? f);
}

/** Versions whose changed profiles stay listed for servers catching up; older ones are pruned daily. */
const KEPT_VERSIONS = 10_000;

/** Forgets changes older than the kept versions; answers the first version still listed. */
export async function pruneIndexChanges(deps: Pick<Deps, 'db'>): Promise<number> {
  const { version, changesFrom } = await repo.readIndexState(deps.db);
  const from = Math.max(changesFrom, version - KEPT_VERSIONS);
  if (from > changesFrom) await deps.db.transaction().execute((tx) => repo.pruneChanges(tx, from));
  return from;
}
