import { facet } from '../../../domain/directory-search.ts';
import { has, nearestOf, nearestRanks, words32 } from './search-bits.ts';
import { QueryIndex } from './search-query.ts';
import { STATEWIDE } from './search-store.ts';

export { searchTuning, type Way } from './search-query.ts';
export { type IndexedProfile, type IndexOrder, type Level, STATEWIDE } from './search-store.ts';

// Find a Mediator's in-memory index, one per server, kept in step with the database by
// search-sync.ts. It is made in three layers, one per operation: building and updating it
// (search-store.ts: documents, facets' bit sets, words, the kept orders, each county's documents),
// answering a query (search-query.ts: the matches, counted, and a page of them in an order), and,
// here, nearest first: the matches placed at the nearest rank of the counties they serve, read
// from their rows, from the counties' bit sets rank by rank, or by walking the counties' lists
// outwards until the page is full.

/** Each county's facet token by its code (FIPS less 29000), the whole state's at STATEWIDE. */
const COUNTY_TOKENS = Array.from({ length: STATEWIDE + 1 }, (_, c) =>
  c === STATEWIDE ? facet.statewideCounty : facet.county(String(29000 + c)),
);

export class SearchIndex extends QueryIndex {
  /** The words of a set holding documents and what is left of each (see `nearestKeys`). */
  private wordsAt = new Int32Array(0);
  private wordsLeft = new Uint32Array(0);

  /**
   * Each match's nearest rank, for nearest first, read from its row: `rankOf` gives each county's
   * rank by its FIPS code less 29000, and the whole state's at STATEWIDE. Writes rank × span +
   * place in the name order for the matches at or past `from` into `keys`, counts them by rank
   * into `perRank`, and answers how many it wrote (matches serving no ranked county are left out).
   */
  nearestKeysOwn(
    matches: Uint32Array,
    rankOf: Int16Array,
    span: number,
    from: number,
    keys: Float64Array,
    perRank: Int32Array,
  ): number {
    this.positionsOf('name');
    return nearestRanks(
      { matches, rows: this.rows, starts: this.servedFrom, served: this.served, rankOf },
      span,
      from,
      keys,
      perRank,
    );
  }

  /**
   * Nearest first for matches too few to walk to: each rank's counties' bit sets are read, rank by
   * rank outwards, at only the words still holding unplaced matches, so each match is placed at
   * the nearest rank it serves without reading anything of its own (`ranks`: each rank's
   * counties, FIPS less 29000, the whole state with rank 0's). Writes rank × span + place in the
   * name order, for the matches placed at or past `from`, into `keys`; stops after the rank at
   * which it has written `want`, and answers how many it wrote.
   */
  nearestKeys(
    matches: Uint32Array,
    ranks: readonly (readonly number[])[],
    span: number,
    from: number,
    want: number,
    keys: Float64Array,
  ): number {
    const pos = this.positionsOf('name');
    if (this.wordsAt.length < matches.length) {
      this.wordsAt = new Int32Array(words32(this.capacity));
      this.wordsLeft = new Uint32Array(words32(this.capacity));
    }
    const at = this.wordsAt;
    const left = this.wordsLeft;
    let m = 0;
    for (let w = 0; w < matches.length; w++)
      if (matches[w] !== 0) {
        at[m] = w;
        left[m++] = matches[w]!;
      }
    const fromRank = Math.floor(from / span);
    let n = 0;
    for (let rank = 0; rank < ranks.length && m > 0 && n < want; rank++)
      for (const county of ranks[rank]!) {
        const bits = this.facets.get(COUNTY_TOKENS[county]!);
        if (!bits) continue;
        for (let k = 0; k < m; ) {
          const here = left[k]! & bits[at[k]!]!;
          if (here === 0) {
            k++;
            continue;
          }
          for (let v = here; rank >= fromRank && v !== 0; ) {
            const low = v & -v;
            v ^= low;
            const key = rank * span + pos[at[k]! * 32 + 31 - Math.clz32(low)]!;
            if (key >= from) keys[n++] = key;
          }
          // A word with nothing left to place is dropped (the last takes its place).
          const rest = left[k]! & ~here;
          if (rest === 0) {
            m--;
            at[k] = at[m]!;
            left[k] = left[m]!;
          } else left[k++] = rest;
        }
      }
    return n;
  }

  /**
   * Nearest first by walking outwards: the first `want` matches in the order (nearest rank, name,
   * id), each at the nearest rank it serves, read from the counties' lists rank by rank (`ranks`:
   * each rank's counties, FIPS less 29000, the whole state with rank 0's; `rankOf` as for
   * `nearestKeys`), from rank `start` past the place `after` in the name order (0 for none), and
   * stopping once the page is full. Answers null once it has read `budget` listed documents
   * without filling the page: the caller sorts the matches instead.
   */
  outwards(
    at: { matches: Uint32Array; rankOf: Int16Array; ranks: readonly (readonly number[])[] },
    start: number,
    after: number,
    want: number,
    budget: number,
  ): { doc: number; rank: number }[] | null {
    const { matches, rankOf, ranks } = at;
    const pos = this.positionsOf('name');
    const rows = { rows: this.rows, starts: this.servedFrom, served: this.served };
    const found: { doc: number; rank: number }[] = [];
    let read = 0;
    // The documents a rank's lists hold, each once, in the name order: a merge of its lists.
    const lists: number[][] = [];
    const next: number[] = [];
    for (let rank = start; rank < ranks.length && found.length < want; rank++) {
      lists.length = 0;
      next.length = 0;
      for (const county of ranks[rank]!) {
        const list = this.countyDocs[county];
        if (!list || list.length === 0) continue;
        lists.push(list);
        next.push(rank === start && after > 0 ? this.firstAt(list, after, pos) : 0);
      }
      while (found.length < want) {
        let doc = -1;
        if (lists.length === 1) {
          doc = lists[0]![next[0]!++] ?? -1;
        } else {
          let at = Number.POSITIVE_INFINITY;
          for (let k = 0; k < lists.length; k++) {
            const d = lists[k]![next[k]!];
            if (d !== undefined && pos[d]! < at) {
              at = pos[d]!;
              doc = d;
            }
          }
          for (let k = 0; k < lists.length; k++) if (lists[k]![next[k]!] === doc) next[k]!++;
        }
        if (doc < 0) break;
        if (++read > budget) return null;
        // A document listed at this rank is placed here unless it serves a nearer county.
        if (has(matches, doc) && nearestOf(rows, doc, rankOf) === rank) found.push({ doc, rank });
      }
    }
    return found;
  }

  /** The first index in a list kept in the name order whose document is at or past `place`. */
  private firstAt(list: readonly number[], place: number, pos: Int32Array): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[list[mid]!]! < place) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
