import type { SearchResult } from '../../../contracts/directory.ts';
import { ROW, ROW_COUNTIES, words32 } from './search-bits.ts';
import { WordIndex } from './search-words.ts';

// Find a Mediator's in-memory index, its building and updating (the index itself is SearchIndex,
// search-index.ts). Each profile gets a document number; a filter token (facet) holds a bit set of
// the documents carrying it, a word the list of documents whose text holds it (search-words.ts);
// the documents are kept in two orders (relevance, name) and each county's published documents in
// the name order. A changed profile gets a new number (the old one is marked gone and skipped);
// the index compacts itself when gone documents pile up. Answering a query is search-query.ts's,
// nearest first search-index.ts's.

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

export const PUBLISHED = '*published';
export const SERVES_A_PLACE = '*place';

/** The whole state's place among the counties' codes (FIPS less 29000) in `nearestKeys`. */
export const STATEWIDE = 511;

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class IndexStore {
  protected docs: IndexedProfile[] = [];
  protected byId = new Map<string, number>();
  protected capacity = 1024;
  /**
   * The words of a bit set that hold documents: the sets a search works in (`take`) are this long,
   * so its passes stop there rather than at the capacity kept for documents to come.
   */
  protected width = 0;
  protected gone = 0;
  protected facets = new Map<string, Uint32Array>();
  /** How many documents each facet holds (to read the sparsest first). */
  protected facetSizes = new Map<string, number>();
  /** Facets read together (see `unionOf`), forgotten whenever the index changes. */
  protected unions = new Map<string, { bits: Uint32Array; size: number }>();
  /** The words of the documents' text, and searched words' documents (search-words.ts). */
  protected words: WordIndex;
  protected orders: Record<IndexOrder, number[]> = { relevance: [], name: [] };
  protected positions: Record<IndexOrder, Int32Array | null> = { relevance: null, name: null };
  /** Bit sets a search works in, handed back when it is done (see `take` and `give`). */
  protected spare: Uint32Array[] = [];
  /** Each document's result as JSON (see `resultJson`), one entry per document so reads stay fast. */
  protected cardTexts: (string | undefined)[] = [];
  /** The counties each document serves (FIPS less 29000, STATEWIDE for the whole state), flat. */
  protected served: number[] = [];
  protected servedFrom: number[] = [0];
  /** Each document's row: its place in the name order and the counties it serves (search-bits.ts). */
  protected rows = new Int32Array(0);
  /**
   * Each county's published documents in the name order, by its FIPS code less 29000 (the whole
   * state's at STATEWIDE): nearest first reads the counties outwards and stops once its page is full.
   * A document gone from the index stays listed until the index compacts, and is never a match.
   */
  protected countyDocs: number[][] = Array.from({ length: STATEWIDE + 1 }, () => []);
  protected listedCount = 0;

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

  protected tokensOf(p: IndexedProfile): string[] {
    if (!p.published) return [];
    const served = p.facets.some((f) => f.startsWith('cty'));
    return [PUBLISHED, ...p.facets, ...(served ? [SERVES_A_PLACE] : [])];
  }

  protected append(p: IndexedProfile): number {
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

  protected grow() {
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
  protected compact() {
    const fresh = new (this.constructor as new (profiles: IndexedProfile[]) => IndexStore)(
      [...this.byId.values()].map((d) => this.docs[d]!),
    );
    Object.assign(this, fresh);
  }

  protected compare(order: IndexOrder, a: number, b: number): number {
    const x = this.docs[a]!;
    const y = this.docs[b]!;
    if (order === 'relevance')
      return cmp(x.sortScore, y.sortScore) || cmp(x.nameKey, y.nameKey) || cmp(x.id, y.id);
    return cmp(x.nameKey, y.nameKey) || cmp(x.id, y.id);
  }

  /** Where `doc` goes in a list kept in the name order. */
  protected nameIndexIn(list: readonly number[], doc: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare('name', list[mid]!, doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  protected positionsOf(order: IndexOrder): Int32Array {
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
