import type { SearchResult } from '../../../contracts/directory.ts';
import { typoBudget, withinEdits } from '../../../domain/directory-search.ts';

// Find a Mediator's in-memory index, one per server, kept in step with the database by
// search.service.ts. Each profile gets a document number; a filter token (facet) holds a bit set
// of the documents carrying it, a word the list of documents whose text holds it. A search is a
// few bit-set operations (every filter group, every word's exact, prefix and misspelt forms), an
// exact count, and a walk of a kept order (relevance, name) until a page is full, or, when few
// documents match, their sort. A changed profile gets a new number (the old one is marked gone
// and skipped); the index compacts itself when gone documents pile up.

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

const words32 = (capacity: number) => Math.ceil(capacity / 32);

export function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

const has = (bits: Uint32Array, doc: number) => (bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;

export function andInto(target: Uint32Array, other: Uint32Array): Uint32Array {
  for (let i = 0; i < target.length; i++) target[i]! &= other[i] ?? 0;
  return target;
}
export function andNotInto(target: Uint32Array, other: Uint32Array): Uint32Array {
  for (let i = 0; i < target.length; i++) target[i]! &= ~(other[i] ?? 0);
  return target;
}
export function orInto(target: Uint32Array, other: Uint32Array): Uint32Array {
  for (let i = 0; i < target.length; i++) target[i]! |= other[i] ?? 0;
  return target;
}

/** The document numbers set in `bits`, ascending. */
function membersOf(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    while (v !== 0) {
      const low = v & -v;
      out.push(i * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The `want` smallest of the first `n` numbers of `values`, in order: a page needs its first rows,
 * not every match sorted. Moves the smallest to the front by selection (Hoare's, on the middle
 * value), sorts only those and answers them as a view of `values`.
 */
export function smallestSorted<T extends Int32Array | Float64Array>(values: T, n: number, want: number): T {
  if (want >= n) return values.subarray(0, n).sort() as T;
  let lo = 0;
  let hi = n - 1;
  const k = want - 1;
  while (hi - lo > 16) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] holds values at most the pivot, [i, hi] at least it: keep the side holding place k.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  // Everything before `lo` is at most values[lo..hi], so sorting up to `hi` puts the first `want` in place.
  return values
    .subarray(0, Math.max(hi + 1, want))
    .sort()
    .subarray(0, want) as T;
}

export class SearchIndex {
  private docs: IndexedProfile[] = [];
  private byId = new Map<string, number>();
  private capacity = 1024;
  private gone = 0;
  private facets = new Map<string, Uint32Array>();
  private postings = new Map<string, number[]>();
  private vocabulary: string[] | null = null;
  private misspelt = new Map<string, string[]>();
  private orders: Record<IndexOrder, number[]> = { relevance: [], name: [] };
  private positions: Record<IndexOrder, Int32Array | null> = { relevance: null, name: null };
  /** Words found in many profiles, as bit sets (made when first searched, kept up to date). */
  private wordBits = new Map<string, Uint32Array>();
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
    const bits = this.spare.pop() ?? new Uint32Array(words32(this.capacity));
    if (from) bits.set(from);
    else bits.fill(0);
    return bits;
  }

  /** Hands back bit sets from `take`. */
  give(...sets: Uint32Array[]): void {
    for (const bits of sets)
      if (bits.length === words32(this.capacity) && this.spare.length < 32) this.spare.push(bits);
  }

  /** The published documents: every search starts from them (a set from `take`). */
  published(): Uint32Array {
    return this.take(this.bitsOf(PUBLISHED));
  }

  /** Keeps in `target` the documents holding at least one of the tokens, without a set in between. */
  keepAnyOf(target: Uint32Array, tokens: readonly string[]): Uint32Array {
    if (tokens.length === 1) return andInto(target, this.bitsOf(tokens[0]!));
    if (tokens.length === 2) {
      const a = this.bitsOf(tokens[0]!);
      const b = this.bitsOf(tokens[1]!);
      for (let i = 0; i < target.length; i++) target[i]! &= a[i]! | b[i]!;
      return target;
    }
    const sets = tokens.map((t) => this.bitsOf(t));
    for (let i = 0; i < target.length; i++) {
      let any = 0;
      for (let k = 0; k < sets.length; k++) any |= sets[k]![i]!;
      target[i]! &= any;
    }
    return target;
  }

  /** The documents set in `bits`, ascending. */
  members(bits: Uint32Array): number[] {
    return membersOf(bits);
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
    const starts = this.servedFrom;
    const served = this.served;
    const nowhere = rankOf.length;
    let n = 0;
    for (let w = 0; w < matches.length; w++) {
      let v = matches[w]!;
      while (v !== 0) {
        const low = v & -v;
        const doc = w * 32 + 31 - Math.clz32(low);
        v ^= low;
        let best = nowhere;
        for (let i = starts[doc]!, end = starts[doc + 1]!; i < end; i++) {
          const r = rankOf[served[i]!]!;
          if (r < best) best = r;
        }
        if (best === nowhere) continue;
        const key = best * span + pos[doc]!;
        if (key < from) continue;
        keys[n++] = key;
        perRank[best]!++;
      }
    }
    return n;
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

  /** Published documents that serve some county or the whole state: the only ones a distance walk meets. */
  servingAPlace(): Uint32Array {
    return this.bitsOf(SERVES_A_PLACE);
  }

  /**
   * Keeps, for a searched word, in `exactly` the documents with a word that is it or starts with
   * it, and in `matches` those and the documents with a word within its typo budget. Both hold
   * only published documents already, so documents gone from the index (still in the word lists)
   * drop out by themselves.
   */
  keepTerm(term: string, matches: Uint32Array, exactly: Uint32Array): void {
    const vocabulary = this.sortedVocabulary();
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < vocabulary.length && vocabulary[end]!.startsWith(term)) end++;
    // One word in many profiles is used as it is; otherwise the words' documents are gathered.
    const only = end === lo + 1 ? this.denseBits(vocabulary[lo]!) : undefined;
    const exact = only ?? this.take();
    if (!only) for (let i = lo; i < end; i++) this.addWord(exact, vocabulary[i]!);
    const misspelt = this.misspellings(term);
    andInto(exactly, exact);
    if (misspelt.length === 0) andInto(matches, exact);
    else {
      const near = this.take();
      for (const word of misspelt) this.addWord(near, word);
      for (let i = 0; i < matches.length; i++) matches[i]! &= exact[i]! | near[i]!;
      this.give(near);
    }
    if (!only) this.give(exact);
  }

  /** A word's documents as a bit set of its own when it is in many profiles (not to be written to). */
  private denseBits(word: string): Uint32Array | undefined {
    const dense = this.wordBits.get(word);
    if (dense) return dense;
    const docs = this.postings.get(word);
    if (!docs || docs.length <= words32(this.capacity)) return undefined;
    const made = new Uint32Array(words32(this.capacity));
    for (const doc of docs) made[doc >>> 5]! |= 1 << (doc & 31);
    this.wordBits.set(word, made);
    return made;
  }

  /**
   * One step of nearest first, outwards: the matches in `here` that hold one of the tokens and
   * were not placed at a nearer step (`placed`, which gains them). Answers how many there are.
   */
  ringStep(tokens: readonly string[], matches: Uint32Array, placed: Uint32Array, here: Uint32Array): number {
    const sets = tokens.map((t) => this.bitsOf(t));
    let count = 0;
    for (let i = 0; i < here.length; i++) {
      let any = 0;
      for (let k = 0; k < sets.length; k++) any |= sets[k]![i]!;
      let v = any & matches[i]! & ~placed[i]!;
      placed[i]! |= v;
      here[i] = v;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return count;
  }

  /** Sets in `bits` the documents whose text holds `word`. */
  private addWord(bits: Uint32Array, word: string) {
    const dense = this.denseBits(word);
    if (dense) orInto(bits, dense);
    else for (const doc of this.postings.get(word) ?? []) bits[doc >>> 5]! |= 1 << (doc & 31);
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
    for (const word of new Set(p.words)) {
      let list = this.postings.get(word);
      if (!list) {
        list = [];
        this.postings.set(word, list);
        this.vocabulary = null;
        this.misspelt.clear();
      }
      list.push(doc);
      const dense = this.wordBits.get(word);
      if (dense) dense[doc >>> 5]! |= 1 << (doc & 31);
    }
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
    for (const [word, bits] of this.wordBits) this.wordBits.set(word, widen(bits));
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

  private sortedVocabulary(): string[] {
    this.vocabulary ??= [...this.postings.keys()].sort();
    return this.vocabulary;
  }

  /** Words of the vocabulary within the term's typo budget that do not start with it (memoised). */
  private misspellings(term: string): string[] {
    const budget = typoBudget(term);
    if (budget === 0) return [];
    let found = this.misspelt.get(term);
    if (!found) {
      found = this.sortedVocabulary().filter((w) => !w.startsWith(term) && withinEdits(term, w, budget));
      if (this.misspelt.size > 10_000) this.misspelt.clear();
      this.misspelt.set(term, found);
    }
    return found;
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
