import type { SearchResult } from '../../../contracts/directory.ts';
import { has, keepAll, orInto, smallestSorted, words32 } from './search-bits.ts';
import { cmp, type IndexOrder, IndexStore, type Level, PUBLISHED, SERVES_A_PLACE } from './search-store.ts';

// Find a Mediator's index answering a query (the index itself is SearchIndex, search-index.ts; its
// building and updating search-store.ts's): all filter groups kept and counted in one pass over bit
// sets, then each word's exact, prefix and misspelt forms, kept and counted in one more; then a
// walk of a kept order (relevance, name) until a page is full, or, when few documents match, their
// sort; the bit sets a search works in, reused; each result's JSON, written once.

const NULL_END = 'null}';
/** Distances as JSON writes them, made once (Missouri is about 300 miles across). */
const MILES = Array.from({ length: 1000 }, (_, m) => String(m));

/**
 * How a page is found: by walking a kept order until the page is full, or by sorting the matches
 * (`top`); nearest first, by walking the counties' lists outwards, or by sorting the matches each
 * placed at its rank from its own row ('sort') or by reading the counties rank by rank ('ranks')
 * (search-nearest.ts; search.service.ts picks the way). Every way gives the same pages; 'cheaper'
 * picks by the expected work, and tests force each way.
 */
export const searchTuning: { pages: Way; nearest: Way | 'ranks' } = { pages: 'cheaper', nearest: 'cheaper' };
export type Way = 'cheaper' | 'walk' | 'sort';

export class QueryIndex extends IndexStore {
  /** The empty set, for a facet no document holds (never written to). */
  private none = new Uint32Array(0);
  private every = new Uint32Array(0);
  private sortSpace = new Int32Array(0);

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

  private compareKey(order: IndexOrder, doc: number, key: readonly string[]): number {
    const k = this.keyOf(order, doc);
    for (let i = 0; i < k.length; i++) {
      const c = cmp(k[i]!, key[i]!);
      if (c !== 0) return c;
    }
    return 0;
  }
}
