import { typoBudget, withinEdits } from '../../../domain/directory-search.ts';
import { bitCount, orInto, words32 } from './search-bits.ts';

// The words of Find a Mediator's index (search-index.ts): each word's documents (a list, and for
// a word in many profiles a bit set too), the sorted vocabulary that prefixes and misspellings
// are looked up in, and the documents of words searched since the index last changed.

/** A searched word's documents: matching it exactly or as a prefix, and those or misspelt. */
export type TermSets = { exact: Uint32Array; any: Uint32Array; anySize: number };
/** At most this many searched words' sets are kept (each as wide as the directory). */
const TERMS_KEPT = 256;

export class WordIndex {
  private postings = new Map<string, number[]>();
  private vocabulary: string[] | null = null;
  private misspelt = new Map<string, string[]>();
  /** Searched words' documents (see `termSets`), forgotten whenever a document is added. */
  private terms = new Map<string, TermSets>();
  /** Words found in many profiles, as bit sets (made when first searched, kept up to date). */
  private wordBits = new Map<string, Uint32Array>();

  /** How many documents a bit set holds (see `widen`). */
  private capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Adds a document's words (documents are added in number order). */
  add(doc: number, words: readonly string[]): void {
    this.terms.clear();
    for (const word of new Set(words)) {
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
  }

  /** Makes room for `capacity` documents in the bit sets. */
  widen(capacity: number): void {
    this.capacity = capacity;
    const n = words32(capacity);
    for (const [word, bits] of this.wordBits) {
      const wider = new Uint32Array(n);
      wider.set(bits);
      this.wordBits.set(word, wider);
    }
    this.terms.clear();
  }

  /**
   * A searched word's documents: those with a word that is it or starts with it (`exact`), and
   * those and the ones with a word within its typo budget (`any`). Gathered from the word lists
   * once and kept until the index next changes (a few hundred words at most), so a word searched
   * again is read as two bit sets instead of gathered from every word it matches.
   */
  termSets(term: string): TermSets {
    const kept = this.terms.get(term);
    if (kept) return kept;
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
    const exact = only ?? new Uint32Array(words32(this.capacity));
    if (!only) for (let i = lo; i < end; i++) this.addWord(exact, vocabulary[i]!);
    const misspelt = this.misspellings(term);
    let any = exact;
    if (misspelt.length > 0) {
      any = Uint32Array.from(exact);
      for (const word of misspelt) this.addWord(any, word);
    }
    if (this.terms.size >= TERMS_KEPT) this.terms.clear();
    let anySize = 0;
    for (let i = 0; i < any.length; i++) if (any[i] !== 0) anySize += bitCount(any[i]!);
    const sets = { exact, any, anySize };
    this.terms.set(term, sets);
    return sets;
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

  /** Sets in `bits` the documents whose text holds `word`. */
  private addWord(bits: Uint32Array, word: string) {
    const dense = this.denseBits(word);
    if (dense) orInto(bits, dense);
    else for (const doc of this.postings.get(word) ?? []) bits[doc >>> 5]! |= 1 << (doc & 31);
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
}
