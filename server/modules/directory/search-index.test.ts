/**
 * The in-memory index's pieces on their own: a page of the smallest sort keys, and the index kept
 * in step as profiles change (words searched before, counties served).
 */
import { describe, expect, it } from 'vitest';
import { smallestSorted } from './search-bits.ts';
import { type IndexedProfile, SearchIndex, STATEWIDE } from './search-index.ts';

describe('a page of the smallest keys', () => {
  it('is the first rows of the whole sort, for every size of page and of matches', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 400; round++) {
      const n = next() % 3000;
      const want = 1 + (next() % 60);
      const values = new Float64Array(n + 5);
      const taken = new Set<number>();
      for (let i = 0; i < n; i++) {
        let v = next() % 100_000;
        while (taken.has(v)) v = (v + 1) % 100_000;
        taken.add(v);
        values[i] = round % 3 === 0 ? i : round % 3 === 1 ? n - i : v;
      }
      const expected = [...values.subarray(0, n)].sort((a, b) => a - b).slice(0, want);
      expect([...smallestSorted(values, n, want)]).toEqual(expected);
      expect([...smallestSorted(Int32Array.from(values), n, want)]).toEqual(expected);
    }
  });
});

describe('the index kept in step', () => {
  const profile = (id: string, words: string[]): IndexedProfile => ({
    id,
    published: true,
    nameKey: id,
    sortScore: '0',
    words,
    facets: [],
    counties: [],
    statewide: false,
    card: {} as IndexedProfile['card'],
  });
  const found = (index: SearchIndex, term: string) => {
    const all = index.match(false, [], []);
    const word = index.match(false, [], [term]);
    index.give(all.matches, word.matches, ...(word.exactly ? [word.exactly] : []));
    return { all: word.total, exactly: word.exact, of: all.total };
  };

  it('finds a word searched before in a profile changed or added since', () => {
    const index = new SearchIndex([profile('a', ['okafor', 'mediator']), profile('b', ['garza'])]);
    expect(found(index, 'okaf')).toEqual({ all: 1, exactly: 1, of: 2 });
    expect(found(index, 'okafar')).toEqual({ all: 1, exactly: 0, of: 2 });
    index.upsert('b', profile('b', ['garza', 'okafors']));
    index.upsert('c', profile('c', ['okafar']));
    // "okafors" is two edits from "okafar": too far for a 6-letter word.
    expect(found(index, 'okaf')).toEqual({ all: 3, exactly: 3, of: 3 });
    expect(found(index, 'okafar')).toEqual({ all: 2, exactly: 1, of: 3 });
    index.upsert('a', null);
    expect(found(index, 'okaf')).toEqual({ all: 2, exactly: 2, of: 2 });
    expect(found(index, 'okafar')).toEqual({ all: 1, exactly: 1, of: 2 });
  });

  it('places a profile whose counties changed, or a new one, at its nearest county', () => {
    const serving = (id: string, counties: number[]): IndexedProfile => ({
      ...profile(id, []),
      counties,
      facets: counties.map((c) => `cty${29000 + c}`),
    });
    // Nearest first from county 77: the whole state and 77 at rank 0, then 5, then 1.
    const ranks = [[STATEWIDE, 77], [5], [1]];
    const rankOf = new Int16Array(STATEWIDE + 1).fill(STATEWIDE + 1);
    ranks.forEach((counties, rank) => {
      for (const c of counties) rankOf[c] = rank;
    });
    const nearest = (index: SearchIndex) => {
      const { matches, total } = index.match(true, [], []);
      const walked = index.outwards({ matches, rankOf, ranks }, 0, 0, 10, Number.POSITIVE_INFINITY)!;
      const keys = new Float64Array(total);
      const n = index.nearestKeys(matches, ranks, 1000, 0, 10, keys);
      const byRank = [...keys.subarray(0, n).sort()].map((k) => ({
        doc: index.atNamePosition(k % 1000),
        rank: Math.floor(k / 1000),
      }));
      index.give(matches);
      expect(byRank).toEqual(walked);
      return walked.map(({ doc, rank }) => [index.keyOf('name', doc)[1], rank]);
    };
    const index = new SearchIndex([serving('a', [77]), serving('b', [5]), serving('d', [1, 5])]);
    expect(nearest(index)).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 1],
    ]);
    index.upsert('b', serving('b', [1]));
    index.upsert('c', serving('c', [77, 1]));
    index.upsert('d', null);
    expect(nearest(index)).toEqual([
      ['a', 0],
      ['c', 0],
      ['b', 2],
    ]);
  });
});
