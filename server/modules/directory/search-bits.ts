// Bit sets of documents, as Uint32Array words: the operations Find a Mediator's index
// (search-index.ts) and its searches are made of, and picking a page's first rows.

export const words32 = (capacity: number) => Math.ceil(capacity / 32);

/** The bits set in a 32-bit word. */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
 * Sets `target` to the words of `from` kept where at least one of `sets` holds them (in place
 * when `from` is `target`), one tight pass for the usual one or two sets; counts what it kept
 * when `count` is set (answering 0 otherwise).
 */
export function keepAny(
  target: Uint32Array,
  from: Uint32Array,
  sets: readonly Uint32Array[],
  count: boolean,
): number {
  let n = 0;
  const a = sets[0]!;
  if (sets.length === 1 && count)
    for (let i = 0; i < target.length; i++) {
      const v = from[i]! & a[i]!;
      target[i] = v;
      n += bitCount(v);
    }
  else if (sets.length === 1) for (let i = 0; i < target.length; i++) target[i] = from[i]! & a[i]!;
  else if (sets.length === 2) {
    const b = sets[1]!;
    for (let i = 0; i < target.length; i++) {
      const v = from[i]! & (a[i]! | b[i]!);
      target[i] = v;
      if (count) n += bitCount(v);
    }
  } else
    for (let i = 0; i < target.length; i++) {
      let any = 0;
      for (let k = 0; k < sets.length; k++) any |= sets[k]![i]!;
      const v = from[i]! & any;
      target[i] = v;
      if (count) n += bitCount(v);
    }
  return n;
}

/**
 * Keeps in `exactly` its documents in `exact`, in `matches` its documents in `any`, and counts
 * both, in one pass.
 */
export function keepTermSets(
  matches: Uint32Array,
  exactly: Uint32Array,
  exact: Uint32Array,
  any: Uint32Array,
): { matches: number; exactly: number } {
  let inMatches = 0;
  let inExactly = 0;
  for (let i = 0; i < matches.length; i++) {
    const x = exactly[i]! & exact[i]!;
    const m = matches[i]! & any[i]!;
    exactly[i] = x;
    matches[i] = m;
    inExactly += bitCount(x);
    inMatches += bitCount(m);
  }
  return { matches: inMatches, exactly: inExactly };
}

/**
 * Keeps in `here` the documents of `matches` in at least one of `sets` and not yet in `placed`
 * (which gains them); answers how many there are. One step of nearest first, outwards.
 */
export function keepNew(
  sets: readonly Uint32Array[],
  matches: Uint32Array,
  placed: Uint32Array,
  here: Uint32Array,
): number {
  let count = 0;
  for (let i = 0; i < here.length; i++) {
    let any = 0;
    for (let k = 0; k < sets.length; k++) any |= sets[k]![i]!;
    const v = any & matches[i]! & ~placed[i]!;
    placed[i]! |= v;
    here[i] = v;
    count += bitCount(v);
  }
  return count;
}

/**
 * Each match's nearest rank (see SearchIndex.nearestKeys): the documents serving each county,
 * flat (`served` from `starts[doc]` to `starts[doc + 1]`), their place in the name order (`pos`),
 * and each county's rank (`rankOf`, its length meaning none).
 */
export function nearestRanks(
  at: { matches: Uint32Array; pos: Int32Array; starts: number[]; served: number[]; rankOf: Int16Array },
  span: number,
  from: number,
  keys: Float64Array,
  perRank: Int32Array,
): number {
  const { matches, pos, starts, served, rankOf } = at;
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
