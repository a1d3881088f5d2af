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

const PUBLISHED = '*published';
const SERVES_A_PLACE = '*place';
const SMALL = 2048;

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

export class SearchIndex {
  private docs: IndexedProfile[] = [];
  private byId = new Map<string, number>();
  private capacity = 1024;
  private alive = new Uint32Array(words32(1024));
  private gone = 0;
  private facets = new Map<string, Uint32Array>();
  private postings = new Map<string, number[]>();
  private vocabulary: string[] | null = null;
  private misspelt = new Map<string, string[]>();
  private orders: Record<IndexOrder, number[]> = { relevance: [], name: [] };
  private positions: Record<IndexOrder, Int32Array | null> = { relevance: null, name: null };

  constructor(profiles: Iterable<IndexedProfile> = []) {
    const all = [...profiles];
    this.capacity = Math.ceil(all.length * 1.25) + 1024;
    this.alive = new Uint32Array(words32(this.capacity));
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
      this.alive[old >>> 5]! &= ~(1 << (old & 31));
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

  keyOf(order: IndexOrder, doc: number): [string, string, string] | [string, string] {
    const p = this.docs[doc]!;
    return order === 'relevance' ? [p.sortScore, p.nameKey, p.id] : [p.nameKey, p.id];
  }

  /** The published documents: every search starts from them. */
  published(): Uint32Array {
    return Uint32Array.from(this.bitsOf(PUBLISHED));
  }

  /** Documents holding at least one of the tokens (a copy to work on, or written over `into`). */
  anyOf(tokens: readonly string[], into?: Uint32Array): Uint32Array {
    const out = into ? into.fill(0) : new Uint32Array(words32(this.capacity));
    for (const token of tokens) orInto(out, this.bitsOf(token));
    return out;
  }

  /** Keeps in `target` the documents holding at least one of the tokens. */
  keepAnyOf(target: Uint32Array, tokens: readonly string[]): Uint32Array {
    if (tokens.length === 1) return andInto(target, this.bitsOf(tokens[0]!));
    return andInto(target, this.anyOf(tokens));
  }

  /** The documents set in `bits`, ascending. */
  members(bits: Uint32Array): number[] {
    return membersOf(bits);
  }

  /** A document's profile as indexed. */
  profile(doc: number): IndexedProfile {
    return this.docs[doc]!;
  }

  /** A document's place in the name order. */
  namePosition(doc: number): number {
    return this.positionsOf('name')[doc]!;
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
   * A searched word's documents: `exact` where a word of the profile is it or starts with it,
   * `near` where a word lies within the word's typo budget (and does not start with it).
   */
  term(term: string): { exact: Uint32Array; near: Uint32Array } {
    const exact = new Uint32Array(words32(this.capacity));
    const near = new Uint32Array(words32(this.capacity));
    const vocabulary = this.sortedVocabulary();
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(term); i++)
      for (const doc of this.postings.get(vocabulary[i]!)!) exact[doc >>> 5]! |= 1 << (doc & 31);
    for (const word of this.misspellings(term))
      for (const doc of this.postings.get(word) ?? []) near[doc >>> 5]! |= 1 << (doc & 31);
    andInto(exact, this.alive);
    andNotInto(andInto(near, this.alive), exact);
    return { exact, near };
  }

  /**
   * Up to `want` documents of `level` in its order, after `after` (a key of that order) when
   * given: a walk of the kept order when many match, a sort of the matches when few do.
   */
  top(level: Level, count: number, after: readonly string[] | null, want: number): number[] {
    const order = level.order;
    const beyond = (doc: number) => !after || this.compareKey(order, doc, after) > 0;
    if (count <= SMALL) {
      const pos = this.positionsOf(order);
      return membersOf(level.bits)
        .filter(beyond)
        .sort((a, b) => pos[a]! - pos[b]!)
        .slice(0, want);
    }
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
    const out: number[] = [];
    for (let i = start; i < list.length && out.length < want; i++) {
      const doc = list[i]!;
      if (has(level.bits, doc)) out.push(doc);
    }
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
    this.byId.set(p.id, doc);
    this.alive[doc >>> 5]! |= 1 << (doc & 31);
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
    this.alive = widen(this.alive);
    for (const [token, bits] of this.facets) this.facets.set(token, widen(bits));
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
