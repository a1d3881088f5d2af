/**
 * Nearest first: the counties outwards from a county or a place, a rank each, and a page of
 * matches placed at their nearest rank, by sorting them or by walking the counties' lists.
 */
import type { Executor } from '../../db/database.ts';
import { missouriPlaces, type Place } from './places.ts';
import * as repo from './search.repository.ts';
import { smallestSorted } from './search-bits.ts';
import type { Found, Key } from './search-cursor.ts';
import { type SearchIndex, STATEWIDE } from './search-index.ts';

export type Ring = { ranks: string[][]; miles: number[] };
const rings = new Map<string, Ring>();
let countyRings: Promise<void> | undefined;

/** Counties outwards from a county, a rank each (reference data: every county's read once per process). */
export async function ringAround(db: Executor, near: string): Promise<Ring> {
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
export async function ringFrom(db: Executor, place: Place): Promise<Ring> {
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
export function nearestBySort(
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
export function nearestByWalk(
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
