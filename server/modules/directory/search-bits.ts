// Bit sets of documents, as Uint32Array words: the operations Find a Mediator's index
// (search-index.ts) and its searches are made of, and picking a page's first rows.

export const words32 = (capacity: number) => Math.ceil(capacity / 32);

/** The bits set in a 32-bit word (Math.imul keeps the last step in 32-bit integers). */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export const has = (bits: Uint32Array, doc: number) => (bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;

export function andNotInto(target: Uint32Array, other: Uint32Array): Uint32Array {
  for (let i = 0; i < target.length; i++) target[i]! &= ~(other[i] ?? 0);
  return target;
}
export function orInto(target: Uint32Array, other: Uint32Array): Uint32Array {
  for (let i = 0; i < target.length; i++) target[i]! |= other[i] ?? 0;
  return target;
}

/**
 * Writes into `matches` the documents in every set of `all`, and into `exactly` (when given) those
 * of them also in every set of `exact`, counting both: the one pass over the bit sets a search
 * makes. Up to four sets of `all` and two of `exact` are read in that pass (any more are first
 * kept together in `matches` and `exactly`, each word read there before it is written); a
 * missing one is read as `ones`, a set holding every document.
 */
export function keepAll(
  sets: { all: readonly Uint32Array[]; exact: readonly Uint32Array[]; ones: Uint32Array },
  matches: Uint32Array,
  exactly: Uint32Array | null,
): { matches: number; exactly: number } {
  const ones = sets.ones;
  const all = folded(sets.all, 4, matches);
  const [a = ones, b = ones, c = ones, d = ones] = all;
  let inMatches = 0;
  if (!exactly) {
    // One loop for each number of sets: a set of every document is not read for nothing.
    const n = matches.length;
    if (all.length <= 1)
      for (let i = 0; i < n; i++) {
        const v = a[i]!;
        matches[i] = v;
        if (v !== 0) inMatches += bitCount(v);
      }
    else if (all.length === 2)
      for (let i = 0; i < n; i++) {
        const v = a[i]! & b[i]!;
        matches[i] = v;
        if (v !== 0) inMatches += bitCount(v);
      }
    else if (all.length === 3)
      for (let i = 0; i < n; i++) {
        const v = a[i]! & b[i]! & c[i]!;
        matches[i] = v;
        if (v !== 0) inMatches += bitCount(v);
      }
    else
      for (let i = 0; i < n; i++) {
        const v = a[i]! & b[i]! & c[i]! & d[i]!;
        matches[i] = v;
        if (v !== 0) inMatches += bitCount(v);
      }
    return { matches: inMatches, exactly: inMatches };
  }
  const [e = ones, f = ones] = folded(sets.exact, 2, exactly);
  let inExactly = 0;
  for (let i = 0; i < matches.length; i++) {
    const v = a[i]! & b[i]! & c[i]! & d[i]!;
    matches[i] = v;
    if (v === 0) {
      exactly[i] = 0;
      continue;
    }
    inMatches += bitCount(v);
    const x = v & e[i]! & f[i]!;
    exactly[i] = x;
    if (x !== 0) inExactly += bitCount(x);
  }
  return { matches: inMatches, exactly: inExactly };
}

/** The sets, at most `most` of them: the last ones kept together in `into` when there are more. */
function folded(sets: readonly Uint32Array[], most: number, into: Uint32Array): readonly Uint32Array[] {
  if (sets.length <= most) return sets;
  const rest = sets.slice(most - 1);
  const first = rest[0]!;
  for (let i = 0; i < into.length; i++) into[i] = first[i]!;
  for (const set of rest.slice(1)) for (let i = 0; i < into.length; i++) into[i]! &= set[i]!;
  return [...sets.slice(0, most - 1), into];
}

/**
 * Each document's row (see SearchIndex): its place in the name order, how many counties it serves
 * and, when at most ROW_COUNTIES, those counties two to a word (FIPS less 29000, the whole state
 * at STATEWIDE), so what nearest first reads of a document lies in one piece of memory. A
 * document serving more is read from the flat list (`served` from `starts[doc]`).
 */
export type Rows = { rows: Int32Array; starts: readonly number[]; served: readonly number[] };
export const ROW = 8;
export const ROW_COUNTIES = 12;

/** The nearest rank among the counties a document serves, `rankOf.length` when none is ranked. */
export function nearestOf(at: Rows, doc: number, rankOf: Int16Array): number {
  const { rows } = at;
  const base = doc * ROW;
  const n = rows[base + 1]!;
  let best = rankOf.length;
  if (n <= ROW_COUNTIES)
    for (let j = 0; j < n; j++) {
      const w = rows[base + 2 + (j >> 1)]!;
      const r = rankOf[(j & 1) === 0 ? w & 0xffff : w >>> 16]!;
      if (r < best) best = r;
    }
  else
    for (let i = at.starts[doc]!, end = at.starts[doc + 1]!; i < end; i++) {
      const r = rankOf[at.served[i]!]!;
      if (r < best) best = r;
    }
  return best;
}

/**
 * Each match's nearest rank from its own row (see SearchIndex.nearestKeys), with each county's
 * rank (`rankOf`, its length meaning none): writes rank × span + place in the name order for the
 * matches at or past `from` into `keys`, counts them by rank into `perRank`, and answers how many
 * it wrote.
 */
export function nearestRanks(
  at: Rows & { matches: Uint32Array; rankOf: Int16Array },
  span: number,
  from: number,
  keys: Float64Array,
  perRank: Int32Array,
): number {
  const { matches, rows, rankOf } = at;
  const nowhere = rankOf.length;
  let n = 0;
  for (let w = 0; w < matches.length; w++) {
    let v = matches[w]!;
    while (v !== 0) {
      const low = v & -v;
      const doc = w * 32 + 31 - Math.clz32(low);
      v ^= low;
      const best = nearestOf(at, doc, rankOf);
      if (best === nowhere) continue;
      const key = best * span + rows[doc * ROW]!;
      if (key < from) continue;
      keys[n++] = key;
      perRank[best]!++;
    }
  }
  return n;
}

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
