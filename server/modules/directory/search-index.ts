import type { SearchResult } from '../../../contracts/directory.ts';
import { has, keepAny, keepNew, keepTermSets, nearestRanks, smallestSorted, words32 } from './search-bits.ts';
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
 * (`top`); nearest first, by sorting the matches or by walking county by county outwards
 * (search.service.ts). Both ways give the same pages; 'cheaper' picks by the expected work, and
 * tests force each way.
 */
export const searchTuning: { pages: Way; nearest: Way } = { pages: 'cheaper', nearest: 'cheaper' };
export type Way = 'cheaper' | 'walk' | 'sort';

/** The whole state's place among the counties' codes (FIPS less 29000) in `nearestKeys`. */
export const STATEWIDE = 511;

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
  /** The words of the documents' text, and searched words' documents (search-words.ts). */
  private words: WordIndex;
  private orders: Record<IndexOrder, number[]> = { relevance: [], name: [] };
  private positions: Record<IndexOrder, Int32Array | null> = { relevance: null, name: null };
  /** Bit sets a search works in, handed back when it is done (see `take` and `give`). */
  private spare: Uint32Array[] = [];
  private sortSpace = new Int32Array(0);
  /** Each document's result as JSON (see `resultJson`), one entry per document so reads stay fast. */
  private cardTexts: (string | undefined)[] = [];
  /** The counties each document serves (FIPS less 29000, STATEWIDE for the whole state), flat. */
  private served: number[] = [];
  private servedFrom: number[] = [0];

  constructor(profiles: Iterable<IndexedProfile> = []) {
    const all = [...profiles];
    this.capacity = Math.ceil(all.length * 1.25) + 1024;
    this.words = new WordIndex(this.capacity);
    for (const p of all) this.append(p);
    for (const order of ['relevance', 'name'] as const)
      this.orders[order] = this.docs.map((_, d) => d).sort((a, b) => this.compare(order, a, b));
  }

  get size(): number {
    return this.byId.size;
  }

  /** Puts a profile in (replacing the one with its id), or takes it out when `profile` is null. */
  upsert(id: string, profile: IndexedProfile | null): void {
    const old = this.byId.get(id);
    if (old !== undefined) {
      for (const token of this.tokensOf(this.docs[old]!)) {
        const bits = this.facets.get(token);
        if (bits) bits[old >>> 5]! &= ~(1 << (old & 31));
      }
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

  /** Hands back bit sets from `take`. */
  give(...sets: Uint32Array[]): void {
    for (const bits of sets) if (bits.length === this.width && this.spare.length < 32) this.spare.push(bits);
  }

  /**
   * The documents a search starts from (the published ones, or for nearest first those serving
   * some place, all of them published) holding, for each group, at least one of its tokens: a
   * set from `take`, made in one pass that also counts them (`count`).
   */
  filtered(nearest: boolean, groups: readonly (readonly string[])[]): { bits: Uint32Array; count: number } {
    const target = this.take();
    let from = this.bitsOf(nearest ? SERVES_A_PLACE : PUBLISHED);
    if (groups.length === 0) return { bits: target, count: keepAny(target, from, [from], true) };
    // The first group is kept from the starting set into the target, the last counted as it is kept.
    let count = 0;
    groups.forEach((group, g) => {
      count = keepAny(
        target,
        from,
        group.map((t) => this.bitsOf(t)),
        g === groups.length - 1,
      );
      from = target;
    });
    return { bits: target, count };
  }

  /**
   * Each match's nearest rank, for nearest first: `rankOf` gives each county's rank by its FIPS
   * code less 29000, and the whole state's at STATEWIDE. Writes rank × span + place in the name
   * order for the matches at or past `from` into `keys`, counts them by rank into `perRank`, and
   * answers how many it wrote (matches serving no ranked county are left out).
   */
  nearestKeys(
    matches: Uint32Array,
    rankOf: Int16Array,
    span: number,
    from: number,
    keys: Float64Array,
    perRank: Int32Array,
  ): number {
    const pos = this.positionsOf('name');
    return nearestRanks(
      { matches, pos, starts: this.servedFrom, served: this.served, rankOf },
      span,
      from,
      keys,
      perRank,
    );
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
   * Keeps, for a searched word, in `exactly` the documents with a word that is it or starts with
   * it, and in `matches` those and the documents with a word within its typo budget. Both hold
   * only published documents already, so documents gone from the index (still in the word lists)
   * drop out by themselves. Answers how many each then holds.
   */
  keepTerm(term: string, matches: Uint32Array, exactly: Uint32Array): { matches: number; exactly: number } {
    const { exact, any } = this.words.termSets(term);
    return keepTermSets(matches, exactly, exact, any);
  }

  /**
   * One step of nearest first, outwards: the matches in `here` that hold one of the tokens and
   * were not placed at a nearer step (`placed`, which gains them). Answers how many there are.
   */
  ringStep(tokens: readonly string[], matches: Uint32Array, placed: Uint32Array, here: Uint32Array): number {
    return keepNew(
      tokens.map((t) => this.bitsOf(t)),
      matches,
      placed,
      here,
    );
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
    if (p.statewide) this.served.push(STATEWIDE);
    for (const c of p.counties) this.served.push(c);
    this.servedFrom.push(this.served.length);
    for (const token of this.tokensOf(p)) {
      let bits = this.facets.get(token);
      if (!bits) {
        bits = new Uint32Array(words32(this.capacity));
        this.facets.set(token, bits);
      }
      bits[doc >>> 5]! |= 1 << (doc & 31);
    }
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
    this.words.widen(this.capacity);
    this.spare = [];
  }

  /** Builds the index again from the live profiles, dropping gone documents. */
  private compact() {
    const fresh = new SearchIndex([...this.byId.values()].map((d) => this.docs[d]!));
    Object.assign(this, fresh);
  }

  private bitsOf(token: string): Uint32Array {
    return this.facets.get(token) ?? new Uint32Array(words32(this.capacity));
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

  private positionsOf(order: IndexOrder): Int32Array {
    let pos = this.positions[order];
    if (!pos) {
      pos = new Int32Array(this.docs.length);
      const list = this.orders[order];
      for (let i = 0; i < list.length; i++) pos[list[i]!] = i;
      this.positions[order] = pos;
    }
    return pos;
  }
}
