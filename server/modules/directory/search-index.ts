import type { SearchResult } from '../../../contracts/directory.ts';
import { facet } from '../../../domain/directory-search.ts';
import {
  has,
  keepAll,
  nearestOf,
  nearestRanks,
  orInto,
  ROW,
  ROW_COUNTIES,
  smallestSorted,
  words32,
} from './search-bits.ts';
import { WordIndex } from './search-words.ts';

// Find a Mediator's in-memory index, one per server, kept in step with the database by
// search.service.ts. Each profile gets a document number; a filter token (facet) holds a bit set
// of the documents carrying it, a word the list of documents whose text holds it (search-words.ts).
// A search is a few passes over bit sets (all filter groups in one pass that also counts, then
// each word's exact, prefix and misspelt forms, kept and counted in one more), and a walk of a
// kept order (relevance, name) until a page is full, or, when few documents match, their sort.
// A changed profile gets a new number (the old one is marked gone and skipped); the index
// compacts itself when gone documents pile up.

export type IndexedProfile = {
  id: string;
  published: boolean;
  nameKey: string;
  sortScore: string;
  /** The normalised words of the profile's search text. */
  words: readonly string[];
  /** The profile's facet tokens (domain/directory-search.ts). */
  facets: readonly string[];
  /** The counties it serves, as their FIPS code less 29000 (ctyNNNNN tokens); none when statewide. */
  counties: readonly number[];
  statewide: boolean;
  card: Omit<SearchResult, 'milesAway'>;
};

/** The order a page is read in: relevance (match quality, score, name, id) or name (name, id). */
export type IndexOrder = 'relevance' | 'name';

/** One level of the answer, in order: a match tier (relevance) or a distance rank (nearest first). */
export type Level = { bits: Uint32Array; order: IndexOrder };

const NULL_END = 'null}';
/** Distances as JSON writes them, made once (Missouri is about 300 miles across). */
const MILES = Array.from({ length: 1000 }, (_, m) => String(m));
const PUBLISHED = '*published';
const SERVES_A_PLACE = '*place';

/**
 * How a page is found: by walking a kept order until the page is full, or by sorting the matches
 * (`top`); nearest first, by walking the counties' lists outwards, or by sorting the matches each
 * placed at its rank from its own row ('sort') or by reading the counties rank by rank ('ranks')
 * (search.service.ts). Every way gives the same pages; 'cheaper' picks by the expected work, and
 * tests force each way.
 */
export const searchTuning: { pages: Way; nearest: Way | 'ranks' } = { pages: 'cheaper', nearest: 'cheaper' };
export type Way = 'cheaper' | 'walk' | 'sort';

/** The whole state's place among the counties' codes (FIPS less 29000) in `nearestKeys`. */
export const STATEWIDE = 511;
/** Each county's facet token by its code (FIPS less 29000), the whole state's at STATEWIDE. */
const COUNTY_TOKENS = Array.from({ length: STATEWIDE + 1 }, (_, c) =>
  c === STATEWIDE ? facet.statewideCounty : facet.county(String(29000 + c)),
);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class SearchIndex {
  private docs: IndexedProfile[] = [];
  private byId = new Map<string, number>();
  private capacity = 1024;
  /**
   * The words of a bit set that hold documents: the sets a search works in (`take`) are this long,
   * so its passes stop there rather than at the capacity kept for documents to come.
   */
  private width = 0;
  private gone = 0;
  private facets = new Map<string, Uint32Array>();
  /** How many documents each facet holds (to read the sparsest first). */
  private facetSizes = new Map<string, number>();
  /** Facets read together (see `unionOf`), forgotten whenever the index changes. */
  private unions = new Map<string, { bits: Uint32Array; size: number }>();
  /** The empty set, for a facet no document holds (never written to). */
  private none = new Uint32Array(0);
  private every = new Uint32Array(0);
  /** The words of the documents' text, and searched words' documents (search-words.ts). */
  private words: WordIndex;
  private orders: Record<IndexOrder, number[]> = { relevance: [], name: [] };
  private positions: Record<IndexOrder, Int32Array | null> = { relevance: null, name: null };
  /** Bit sets a search works in, handed back when it is done (see `take` and `give`). */
  private spare: Uint32Array[] = [];
  private sortSpace = new Int32Array(0);
  /** The words of a set holding documents and what is left of each (see `nearestKeys`). */
  private wordsAt = new Int32Array(0);
  private wordsLeft = new Uint32Array(0);
  /** Each document's result as JSON (see `resultJson`), one entry per document so reads stay fast. */
  private cardTexts: (string | undefined)[] = [];
  /** The counties each document serves (FIPS less 29000, STATEWIDE for the whole state), flat. */
  private served: number[] = [];
  private servedFrom: number[] = [0];
  /** Each document's row: its place in the name order and the counties it serves (search-bits.ts). */
  private rows = new Int32Array(0);
  /**
   * Each county's published documents in the name order, by its FIPS code less 29000 (the whole
   * state's at STATEWIDE): nearest first reads the counties outwards and stops once its page is full.
   * A document gone from the index stays listed until the index compacts, and is never a match.
   */
  private countyDocs: number[][] = Array.from({ length: STATEWIDE + 1 }, () => []);
  private listedCount = 0;

  constructor(profiles: Iterable<IndexedProfile> = []) {
    const all = [...profiles];
    this.capacity = Math.ceil(all.length * 1.25) + 1024;
    this.rows = new Int32Array(this.capacity * ROW);
    this.words = new WordIndex(this.capacity);
    // Numbered in the name order, so that reading documents in that order (nearest first does)
    // reads their rows and bits from one end of memory to the other.
    all.sort((x, y) => cmp(x.nameKey, y.nameKey) || cmp(x.id, y.id));
    for (const p of all) this.append(p);
    for (const order of ['relevance', 'name'] as const)
      this.orders[order] = this.docs.map((_, d) => d).sort((a, b) => this.compare(order, a, b));
    for (const doc of this.orders.name) {
      if (!this.docs[doc]!.published) continue;
      for (let i = this.servedFrom[doc]!; i < this.servedFrom[doc + 1]!; i++) {
        this.countyDocs[this.served[i]!]!.push(doc);
        this.listedCount++;
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** How many entries the counties' lists hold (a document once for each county it serves). */
  get listed(): number {
    return this.listedCount;
  }

  /** Puts a profile in (replacing the one with its id), or takes it out when `profile` is null. */
  upsert(id: string, profile: IndexedProfile | null): void {
    const old = this.byId.get(id);
    if (old !== undefined) {
      for (const token of this.tokensOf(this.docs[old]!)) {
        const bits = this.facets.get(token);
        if (bits) bits[old >>> 5]! &= ~(1 << (old & 31));
        this.facetSizes.set(token, (this.facetSizes.get(token) ?? 1) - 1);
      }
      this.unions.clear();
      this.byId.delete(id);
      this.gone++;
    }
    if (profile) {
      const doc = this.append(profile);
      for (const order of ['relevance', 'name'] as const) {
        const list = this.orders[order];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.compare(order, list[mid]!, doc) < 0) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, doc);
        this.positions[order] = null;
      }
      if (profile.published)
        for (let i = this.servedFrom[doc]!; i < this.servedFrom[doc + 1]!; i++) {
          const list = this.countyDocs[this.served[i]!]!;
          list.splice(this.nameIndexIn(list, doc), 0, doc);
          this.listedCount++;
        }
    }
    if (this.gone > 1000 && this.gone > this.byId.size / 4) this.compact();
  }

  /** The profile's card as indexed, by id. */
  card(doc: number): Omit<SearchResult, 'milesAway'> {
    return this.docs[doc]!.card;
  }

  /**
   * The result as JSON, `milesAway` last (the text JSON.stringify gives for `{ ...card, milesAway }`).
   * The card is written once, when first sent, with no distance: a result without one is that text
   * as it is, one piece to copy; a distance replaces the closing `null}`.
   */
  resultJson(doc: number, miles: number | null): string {
    let text = this.cardTexts[doc];
    if (text === undefined) {
      text = JSON.stringify({ ...this.docs[doc]!.card, milesAway: null });
      this.cardTexts[doc] = text;
    }
    if (miles === null) return text;
    const figure =
      Number.isInteger(miles) && miles >= 0 && miles < MILES.length ? MILES[miles]! : JSON.stringify(miles);
    return `${text.slice(0, -NULL_END.length)}${figure}}`;
  }

  keyOf(order: IndexOrder, doc: number): [string, string, string] | [string, string] {
    const p = this.docs[doc]!;
    return order === 'relevance' ? [p.sortScore, p.nameKey, p.id] : [p.nameKey, p.id];
  }

  /**
   * A bit set to work in: a copy of `from`, or empty. A search gives back what it took (`give`)
   * once its page is read, so searches under load reuse the same few sets instead of making and
   * collecting new ones. Between `take` and `give` a search does not wait on anything.
   */
  take(from?: Uint32Array): Uint32Array {
    const n = this.width;
    const bits = this.spare.pop() ?? new Uint32Array(words32(this.capacity)).subarray(0, n);
    if (from) bits.set(from.length === n ? from : from.subarray(0, n));
    else bits.fill(0);
    return bits;
  }

  /** A bit set to work in, as `take` gives, its words left as they were: for a pass that writes every one. */
  private blank(): Uint32Array {
    return this.spare.pop() ?? new Uint32Array(words32(this.capacity)).subarray(0, this.width);
  }

  /** Hands back bit sets from `take`. */
  give(...sets: Uint32Array[]): void {
    for (const bits of sets) if (bits.length === this.width && this.spare.length < 32) this.spare.push(bits);
  }

  /**
   * The documents a search matches: the published ones (for nearest first those serving some
   * place, all of them published) holding, for each filter group, at least one of its tokens, and
   * each searched word exactly, as a prefix or misspelt (`matches`, `total` of them); and of those
   * the ones holding every word exactly or as a prefix (`exactly`, `exact` of them; null when that
   * is every match, as when no word has a misspelt form). Made and counted in one pass over the
   * bit sets, sparsest first, into sets from `take`.
   */
  match(
    nearest: boolean,
    groups: readonly (readonly string[])[],
    terms: readonly string[],
  ): { matches: Uint32Array; exactly: Uint32Array | null; total: number; exact: number } {
    const sets: { bits: Uint32Array; size: number }[] = [];
    for (const group of groups) sets.push(group.length === 1 ? this.facetOf(group[0]!) : this.unionOf(group));
    const exact: Uint32Array[] = [];
    for (const term of terms) {
      const found = this.words.termSets(term);
      sets.push({ bits: found.any, size: found.anySize });
      if (found.exact !== found.any) exact.push(found.exact);
    }
    sets.sort((x, y) => x.size - y.size);
    // A filter's set holds published documents only: the published set is read when none is.
    if (nearest || groups.length === 0) sets.push(this.facetOf(nearest ? SERVES_A_PLACE : PUBLISHED));
    const matches = this.blank();
    const exactly = exact.length > 0 ? this.blank() : null;
    const counts = keepAll({ all: sets.map((x) => x.bits), exact, ones: this.ones() }, matches, exactly);
    return { matches, exactly, total: counts.matches, exact: counts.exactly };
  }

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

  /** The document at a place in the name order. */
  atNamePosition(position: number): number {
    return this.orders.name[position]!;
  }

  /** The first place in the name order whose key comes after `key` (name, id). */
  namePositionAfter(key: readonly string[]): number {
    const list = this.orders.name;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareKey('name', list[mid]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Up to `want` documents of `level` in its order, after `after` (a key of that order) when
   * given: a walk of the kept order when many match, a sort of the matches when few do.
   */
  top(level: Level, count: number, after: readonly string[] | null, want: number): number[] {
    const order = level.order;
    const list = this.orders[order];
    let start = 0;
    if (after) {
      let hi = list.length;
      while (start < hi) {
        const mid = (start + hi) >>> 1;
        if (this.compareKey(order, list[mid]!, after) <= 0) start = mid + 1;
        else hi = mid;
      }
    }
    // Walking the order meets about want × (documents ÷ matches) documents before the page is
    // full; sorting the matches costs a pass over the bit set and about count × log2(count) steps.
    // The walk is taken when it should cost less, and given up for the sort past twice that (when
    // the matches lie far along the order).
    const bits = level.bits;
    const way = searchTuning.pages;
    const sortCost = bits.length / 2 + count * Math.log2(count + 2);
    const walkCost = (want * (list.length - start)) / Math.max(count, 1);
    if (way === 'walk' || (way === 'cheaper' && walkCost <= sortCost)) {
      const budget = way === 'walk' ? list.length : 2 * sortCost;
      const out: number[] = [];
      let i = start;
      for (; i < list.length && out.length < want && i - start < budget; i++) {
        const doc = list[i]!;
        if (has(bits, doc)) out.push(doc);
      }
      if (out.length === want || i === list.length) return out;
    }
    // The matches' places in the order, sorted as numbers: those before the cursor are left out.
    const pos = this.positionsOf(order);
    if (this.sortSpace.length < count) this.sortSpace = new Int32Array(Math.max(count, 1024));
    const places = this.sortSpace;
    let n = 0;
    for (let w = 0; w < bits.length; w++) {
      let v = bits[w]!;
      while (v !== 0) {
        const low = v & -v;
        const p = pos[w * 32 + 31 - Math.clz32(low)]!;
        if (p >= start) places[n++] = p;
        v ^= low;
      }
    }
    const sorted = smallestSorted(places, n, want);
    const out: number[] = [];
    for (let i = 0; i < sorted.length && i < want; i++) out.push(list[sorted[i]!]!);
    return out;
  }

  // -- inside --

  private tokensOf(p: IndexedProfile): string[] {
    if (!p.published) return [];
    const served = p.facets.some((f) => f.startsWith('cty'));
    return [PUBLISHED, ...p.facets, ...(served ? [SERVES_A_PLACE] : [])];
  }

  private append(p: IndexedProfile): number {
    const doc = this.docs.length;
    if (doc >= this.capacity) this.grow();
    this.docs.push(p);
    if (words32(this.docs.length) !== this.width) {
      this.width = words32(this.docs.length);
      this.spare = [];
    }
    this.cardTexts.push(undefined);
    this.byId.set(p.id, doc);
    const from = this.served.length;
    if (p.statewide) this.served.push(STATEWIDE);
    for (const c of p.counties) this.served.push(c);
    this.servedFrom.push(this.served.length);
    const n = this.served.length - from;
    this.rows[doc * ROW + 1] = n;
    if (n <= ROW_COUNTIES)
      for (let j = 0; j < n; j++)
        this.rows[doc * ROW + 2 + (j >> 1)]! |= this.served[from + j]! << (16 * (j & 1));
    for (const token of this.tokensOf(p)) {
      let bits = this.facets.get(token);
      if (!bits) {
        bits = new Uint32Array(words32(this.capacity));
        this.facets.set(token, bits);
      }
      bits[doc >>> 5]! |= 1 << (doc & 31);
      this.facetSizes.set(token, (this.facetSizes.get(token) ?? 0) + 1);
    }
    this.unions.clear();
    this.words.add(doc, p.words);
    return doc;
  }

  private grow() {
    this.capacity *= 2;
    const n = words32(this.capacity);
    const widen = (bits: Uint32Array) => {
      const wider = new Uint32Array(n);
      wider.set(bits);
      return wider;
    };
    for (const [token, bits] of this.facets) this.facets.set(token, widen(bits));
    this.unions.clear();
    const rows = new Int32Array(this.capacity * ROW);
    rows.set(this.rows);
    this.rows = rows;
    this.words.widen(this.capacity);
    this.spare = [];
  }

  /** Builds the index again from the live profiles, dropping gone documents. */
  private compact() {
    const fresh = new SearchIndex([...this.byId.values()].map((d) => this.docs[d]!));
    Object.assign(this, fresh);
  }

  /** A set holding every document the bit sets have room for (never written to). */
  private ones(): Uint32Array {
    if (this.every.length < this.width) this.every = new Uint32Array(words32(this.capacity)).fill(0xffffffff);
    return this.every;
  }

  /** A facet's documents and how many there are (not to be written to). */
  private facetOf(token: string): { bits: Uint32Array; size: number } {
    const bits = this.facets.get(token);
    if (!bits) {
      if (this.none.length < this.width) this.none = new Uint32Array(words32(this.capacity));
      return { bits: this.none, size: 0 };
    }
    return { bits, size: this.facetSizes.get(token) ?? 0 };
  }

  /**
   * The documents holding at least one of the tokens (a county or the whole state), made once and
   * kept until the index next changes (not to be written to).
   */
  private unionOf(tokens: readonly string[]): { bits: Uint32Array; size: number } {
    const key = tokens.join(' ');
    let union = this.unions.get(key);
    if (!union) {
      const bits = new Uint32Array(words32(this.capacity));
      let size = 0;
      for (const token of tokens) {
        const one = this.facetOf(token);
        orInto(bits, one.bits);
        size += one.size;
      }
      union = { bits, size };
      this.unions.set(key, union);
    }
    return union;
  }

  private compare(order: IndexOrder, a: number, b: number): number {
    const x = this.docs[a]!;
    const y = this.docs[b]!;
    if (order === 'relevance')
      return cmp(x.sortScore, y.sortScore) || cmp(x.nameKey, y.nameKey) || cmp(x.id, y.id);
    return cmp(x.nameKey, y.nameKey) || cmp(x.id, y.id);
  }

  private compareKey(order: IndexOrder, doc: number, key: readonly string[]): number {
    const k = this.keyOf(order, doc);
    for (let i = 0; i < k.length; i++) {
      const c = cmp(k[i]!, key[i]!);
      if (c !== 0) return c;
    }
    return 0;
  }

  /** Where `doc` goes in a list kept in the name order. */
  private nameIndexIn(list: readonly number[], doc: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare('name', list[mid]!, doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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

  private positionsOf(order: IndexOrder): Int32Array {
    let pos = this.positions[order];
    if (!pos) {
      pos = new Int32Array(this.docs.length);
      const list = this.orders[order];
      for (let i = 0; i < list.length; i++) pos[list[i]!] = i;
      if (order === 'name') for (let i = 0; i < list.length; i++) this.rows[list[i]! * ROW] = i;
      this.positions[order] = pos;
    }
    return pos;
  }
}
