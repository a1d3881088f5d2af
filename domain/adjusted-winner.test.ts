import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AwInput, type AwResult, adjustedWinner, viewAdjustedWinner } from './adjusted-winner.ts';
import type { Side } from './attendance.ts';
import { Fraction, formatMixed, fromRatio } from './fraction.ts';

/** Items as [name, requester's points, respondent's points], ids i0, i1, … in list order. */
function division(rows: readonly (readonly [string, number, number])[]): AwInput {
  const id = (i: number) => `i${i}`;
  return {
    items: rows.map(([name], i) => ({ id: id(i), name })),
    points: {
      requester: Object.fromEntries(rows.map(([, r], i) => [id(i), r])),
      respondent: Object.fromEntries(rows.map(([, , s], i) => [id(i), s])),
    },
  };
}

const item = (result: AwResult, name: string) => result.items.find((i) => i.name === name)!;
const shares = (result: AwResult, name: string) => {
  const s = item(result, name).share;
  return { requester: fromRatio(s.requester).toString(), respondent: fromRatio(s.respondent).toString() };
};
const finalPoints = (result: AwResult) => fromRatio(result.points.requester).toString();

/** Brams and Taylor's hypothetical points for Donald (requester) and Ivana (respondent), as commonly reproduced. */
const TRUMPS = division([
  ['Connecticut estate', 10, 38],
  ['Palm Beach mansion', 40, 20],
  ['Trump Plaza apartment', 10, 30],
  ['Trump Tower triplex', 38, 10],
  ['Cash and jewelry', 2, 2],
]);

describe('Adjusted Winner, worked by hand', () => {
  it('divides the Trumps’ property as in The Win-Win Solution', () => {
    // Brams and Taylor's hypothetical points for Donald (requester) and Ivana (respondent), as the
    // example is commonly reproduced. By hand:
    //   Step 1. Donald values more: the Palm Beach mansion (40 v 20) and the Trump Tower triplex
    //   (38 v 10): 78. Ivana values more: the Connecticut estate (38 v 10) and the Trump Plaza
    //   apartment (30 v 10): 68. Cash and jewelry is tied (2 v 2): Ivana is behind, so it goes to
    //   her: 70. Donald is ahead by 8.
    //   Step 2. Donald's ratios: mansion 40/20 = 2, triplex 38/10 = 3.8. The mansion moves first;
    //   moving all of it (40 + 20 = 60 points of gap) overshoots 8, so a part p moves:
    //   78 − 40p = 70 + 20p ⇒ p = 8/60 = 2/15. Donald keeps 13/15 of the mansion.
    //   Points: Donald 38 + 40·13/15 = 38 + 104/3 = 218/3; Ivana 70 + 20·2/15 = 70 + 8/3 = 218/3,
    //   that is 72 2/3 each (Brams and Taylor's "about 72.7").
    const result = adjustedWinner(TRUMPS);
    expect(result.firstPoints).toEqual({ requester: 78, respondent: 70 });
    expect(item(result, 'Cash and jewelry')).toMatchObject({
      firstTo: 'respondent',
      firstReason: 'tie_to_behind',
    });
    expect(result.moves).toEqual([
      { itemId: 'i1', from: 'requester', to: 'respondent', part: { numerator: 2, denominator: 15 } },
    ]);
    expect(result.splitItemId).toBe('i1');
    expect(shares(result, 'Palm Beach mansion')).toEqual({ requester: '13/15', respondent: '2/15' });
    expect(result.items.map((i) => i.owner)).toEqual([
      'respondent',
      'split',
      'respondent',
      'requester',
      'respondent',
    ]);
    expect(result.points).toEqual({
      requester: { numerator: 218, denominator: 3 },
      respondent: { numerator: 218, denominator: 3 },
    });
    expect(formatMixed(result.points.requester)).toBe('72 2/3');
  });

  it('gives a tied item to whoever is behind, which can balance the totals with no split', () => {
    // Step 1: piano (50 v 40) and dishes (10 v 0) to the requester: 60; art (30 v 50) to the
    // respondent: 50. Books are tied (10 v 10): the respondent is behind, takes them: 60. Equal,
    // nothing moves, nothing is split.
    const result = adjustedWinner(
      division([
        ['Piano', 50, 40],
        ['Art', 30, 50],
        ['Books', 10, 10],
        ['Dishes', 10, 0],
      ]),
    );
    expect(item(result, 'Books')).toMatchObject({ firstTo: 'respondent', owner: 'respondent' });
    expect(result.moves).toEqual([]);
    expect(result.splitItemId).toBeNull();
    expect(finalPoints(result)).toBe('60');
  });

  it('gives a tie to the requester when the two are even, then moves by ratio', () => {
    // Both give 60 and 40. No one values anything more, so the ties go in list order: the first
    // at 0 v 0 to the requester (even), the second to the respondent (behind): 60 v 40. The
    // requester is ahead by 20 and holds only the first item (ratio 60/60 = 1): moving all of it
    // would close 120, so 20/120 = 1/6 moves. Points: 60·5/6 = 50 and 40 + 60·1/6 = 50.
    const result = adjustedWinner(
      division([
        ['House', 60, 60],
        ['Savings', 40, 40],
      ]),
    );
    expect(item(result, 'House')).toMatchObject({ firstTo: 'requester', firstReason: 'tie_when_even' });
    expect(item(result, 'Savings')).toMatchObject({ firstTo: 'respondent', firstReason: 'tie_to_behind' });
    expect(shares(result, 'House')).toEqual({ requester: '5/6', respondent: '1/6' });
    expect(finalPoints(result)).toBe('50');
  });

  it('moves the item higher on the list first when two ratios tie', () => {
    // Step 1: the house (10 v 50) to the respondent: 50; boat (30 v 15), car (40 v 20) and
    // savings (20 v 15) to the requester: 90. Gap 40.
    // Step 2, ratios: savings 20/15 = 4/3, boat 30/15 = 2, car 40/20 = 2. Savings moves whole
    // (closes 35; gap 5). Boat and car tie at 2: the boat is higher on the list and moves first;
    // all of it would close 45, so 5/45 = 1/9 moves. Points: 70 − 30/9 = 200/3 and
    // 65 + 15/9 = 200/3, 66 2/3 each.
    const rows = [
      ['House', 10, 50],
      ['Boat', 30, 15],
      ['Car', 40, 20],
      ['Savings', 20, 15],
    ] as const;
    const result = adjustedWinner(division(rows));
    expect(result.moves.map((m) => [m.itemId, fromRatio(m.part).toString()])).toEqual([
      ['i3', '1'],
      ['i1', '1/9'],
    ]);
    expect(shares(result, 'Boat')).toEqual({ requester: '8/9', respondent: '1/9' });
    expect(item(result, 'Car').owner).toBe('requester');
    expect(finalPoints(result)).toBe('200/3');

    // With the car above the boat, the car is split instead (5/60 = 1/12), for the same points.
    const swapped = adjustedWinner(division([rows[0], rows[2], rows[1], rows[3]]));
    expect(shares(swapped, 'Car')).toEqual({ requester: '11/12', respondent: '1/12' });
    expect(item(swapped, 'Boat').owner).toBe('requester');
    expect(finalPoints(swapped)).toBe('200/3');
  });

  it('never moves an item nobody gave points, and moves the lowest ratio first', () => {
    // Step 1: the car (70 v 20) to the requester: 70; the piano (0 v 50) to the respondent: 50.
    // Then the ties in list order: the boat (30 v 30) to the respondent, who is behind (50 < 70):
    // 80; the old sofa (0 v 0) to the requester, now behind (70 < 80). Respondent ahead by 10.
    // Step 2, ratios (respondent ÷ requester): boat 30/30 = 1, piano 50/0 = ∞; the sofa is worth
    // nothing to either and never moves. All of the boat would close 60, so 10/60 = 1/6 moves:
    // 70 + 30/6 = 75 and 80 − 30/6 = 75.
    const result = adjustedWinner(
      division([
        ['Car', 70, 20],
        ['Boat', 30, 30],
        ['Old sofa', 0, 0],
        ['Piano', 0, 50],
      ]),
    );
    expect(result.firstPoints).toEqual({ requester: 70, respondent: 80 });
    expect(item(result, 'Old sofa')).toMatchObject({ firstTo: 'requester', owner: 'requester' });
    expect(shares(result, 'Boat')).toEqual({ requester: '1/6', respondent: '5/6' });
    expect(finalPoints(result)).toBe('75');
  });
});

// ---- The defining properties, checked over random points ----

const F = (n: number) => Fraction.of(n);
const SIDES: readonly Side[] = ['requester', 'respondent'];
const otherSide = (s: Side): Side => (s === 'requester' ? 'respondent' : 'requester');

/** What `judge` thinks the share of `holder` is worth, from the shares alone. */
function worth(input: AwInput, result: AwResult, judge: Side, holder: Side): Fraction {
  return result.items.reduce(
    (sum, i) => sum.plus(F(input.points[judge][i.itemId]!).times(fromRatio(i.share[holder]))),
    Fraction.ZERO,
  );
}

/**
 * The most points `gain` can get while `keep` gets at least `floor`, over every division with
 * items split in any proportion: maximise Σ gainᵢ·xᵢ subject to Σ keepᵢ·(1 − xᵢ) ≥ floor and
 * 0 ≤ xᵢ ≤ 1. That is a linear programme over a polytope, so its maximum is at a vertex; a vertex
 * makes n of the 2n + 1 constraints tight, so at most one xᵢ is strictly between 0 and 1, and if
 * one is, the floor constraint is tight and fixes it. Enumerating every whole division, and every
 * division with one item j set by the tight floor, therefore covers every vertex: the answer is
 * exact, and independent of the ratio order Adjusted Winner uses.
 */
function bestWithFloor(gain: readonly number[], keep: readonly number[], floor: Fraction): Fraction {
  const n = gain.length;
  let best: Fraction | null = null;
  const consider = (value: Fraction) => {
    if (best === null || value.compare(best) > 0) best = value;
  };
  for (let mask = 0; mask < 1 << n; mask++) {
    let gained = 0;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) gained += gain[i]!;
      else kept += keep[i]!;
    }
    if (F(kept).compare(floor) >= 0) consider(F(gained));
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j) || keep[j] === 0) continue;
      // Item j is the one split: the part x to `gain` leaves keep[j]·(1 − x) to make the floor.
      const keptWithout = kept - keep[j]!;
      const x = Fraction.ONE.minus(floor.minus(F(keptWithout)).dividedBy(F(keep[j]!)));
      if (x.compare(Fraction.ZERO) >= 0 && x.compare(Fraction.ONE) <= 0) {
        consider(F(gained).plus(F(gain[j]!).times(x)));
      }
    }
  }
  if (best === null) throw new Error('No division meets the floor.');
  return best;
}

/** No division gives one side more while the other keeps at least its points. */
function isEfficient(input: AwInput, points: Record<Side, Fraction>): boolean {
  const values = (s: Side) => input.items.map((i) => input.points[s][i.id]!);
  return SIDES.every((s) => {
    const best = bestWithFloor(values(s), values(otherSide(s)), points[otherSide(s)]);
    return best.equals(points[s]);
  });
}

/** n whole numbers from 0 to 100 adding up to 100, in steps of `grain` (coarse steps make ties). */
const hundredOver = (n: number, grain: number) =>
  fc.array(fc.integer({ min: 0, max: 100 / grain }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const edges = [0, ...cuts.map((c) => c * grain).sort((a, b) => a - b), 100];
    return edges.slice(1).map((e, i) => e - edges[i]!);
  });

/** Two parties' points over 2–7 items: independent, identical, or one's with two items swapped. */
const divisions = fc
  .record({ n: fc.integer({ min: 2, max: 7 }), grain: fc.constantFrom(1, 5, 10, 20, 25) })
  .chain(({ n, grain }) =>
    fc.record({
      requester: hundredOver(n, grain),
      respondent: hundredOver(n, grain),
      mode: fc.constantFrom('independent', 'independent', 'same', 'swapped'),
      i: fc.nat({ max: n - 1 }),
      j: fc.nat({ max: n - 1 }),
    }),
  )
  .map(({ requester, respondent, mode, i, j }) => {
    let other = respondent;
    if (mode === 'same') other = [...requester];
    if (mode === 'swapped') {
      other = [...requester];
      [other[i], other[j]] = [other[j]!, other[i]!];
    }
    return division(requester.map((r, k) => [`Item ${k + 1}`, r, other[k]!] as const));
  });

describe('Adjusted Winner, its defining properties over random points', () => {
  it('ends with equal points, which are what the shares are worth', () => {
    fc.assert(
      fc.property(divisions, (input) => {
        const result = adjustedWinner(input);
        const own = (s: Side) => worth(input, result, s, s);
        expect(own('requester').equals(own('respondent'))).toBe(true);
        expect(own('requester').equals(fromRatio(result.points.requester))).toBe(true);
        expect(own('respondent').equals(fromRatio(result.points.respondent))).toBe(true);
      }),
    );
  });

  it('is envy-free: each side values its own share at least as much as the other’s', () => {
    fc.assert(
      fc.property(divisions, (input) => {
        const result = adjustedWinner(input);
        for (const s of SIDES) {
          const mine = worth(input, result, s, s);
          const theirs = worth(input, result, s, otherSide(s));
          expect(mine.compare(theirs)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('is efficient: no division, split items included, gives both as much and one more', () => {
    fc.assert(
      fc.property(divisions, (input) => {
        const result = adjustedWinner(input);
        const points = {
          requester: fromRatio(result.points.requester),
          respondent: fromRatio(result.points.respondent),
        };
        expect(isEfficient(input, points)).toBe(true);
      }),
    );
  });

  it('splits at most one item, and every item is wholly shared out', () => {
    fc.assert(
      fc.property(divisions, (input) => {
        const result = adjustedWinner(input);
        const split = result.items.filter((i) => i.owner === 'split');
        expect(split.length).toBeLessThanOrEqual(1);
        expect(result.splitItemId).toBe(split[0]?.itemId ?? null);
        for (const i of result.items) {
          const r = fromRatio(i.share.requester);
          expect(r.plus(fromRatio(i.share.respondent)).equals(Fraction.ONE)).toBe(true);
          expect(r.compare(Fraction.ZERO) >= 0 && r.compare(Fraction.ONE) <= 0).toBe(true);
          const whole = r.equals(Fraction.ONE) || r.equals(Fraction.ZERO);
          expect(i.owner === 'split').toBe(!whole);
        }
      }),
    );
  });

  it('reaches the same points whichever side is which and whatever the list order', () => {
    // An equal, efficient division is worth the same to both whatever the tie rules pick.
    fc.assert(
      fc.property(divisions, fc.infiniteStream(fc.nat()), (input, seeds) => {
        const order = input.items.map((i) => ({ i, key: seeds.next().value as number }));
        order.sort((a, b) => a.key - b.key);
        const mirrored: AwInput = {
          items: order.map((o) => o.i),
          points: { requester: input.points.respondent, respondent: input.points.requester },
        };
        expect(adjustedWinner(mirrored).points.requester).toEqual(adjustedWinner(input).points.requester);
      }),
    );
  });

  it('has an efficiency check that finds a better division when there is one', () => {
    // The Trumps' points again, but with the triplex (ratio 3.8) moved before the mansion (ratio
    // 2): 40 + 38(1 − p) = 70 + 10p gives p = 1/6 and 215/3 points each, less than 218/3. The
    // check must find that Donald could have more while Ivana keeps 215/3.
    const input = TRUMPS;
    const wasteful = Fraction.of(215, 3);
    expect(isEfficient(input, { requester: wasteful, respondent: wasteful })).toBe(false);
    expect(isEfficient(input, { requester: Fraction.of(218, 3), respondent: Fraction.of(218, 3) })).toBe(
      true,
    );
  });
});

describe('Adjusted Winner, what each person sees', () => {
  const result = adjustedWinner(TRUMPS);

  it('shows a party the division and only its own points until the points are revealed', () => {
    const view = viewAdjustedWinner(result, { kind: 'party', side: 'respondent' }, false);
    expect(view.items.map((i) => i.points)).toEqual([
      { respondent: 38 },
      { respondent: 20 },
      { respondent: 30 },
      { respondent: 10 },
      { respondent: 2 },
    ]);
    expect(view.howReached).toBeNull();
    expect(view.items[1]).toMatchObject({
      owner: 'split',
      share: { respondent: { numerator: 2, denominator: 15 } },
    });
    expect(view.points).toEqual(result.points);
    // Nothing else in the view carries the requester's points for an item.
    expect(JSON.stringify(view)).not.toMatch(/requester":(10|40|38|2)\b/);
  });

  it('shows both sides’ points and the steps once revealed, and always to the mediator', () => {
    for (const view of [
      viewAdjustedWinner(result, { kind: 'party', side: 'respondent' }, true),
      viewAdjustedWinner(result, { kind: 'mediator' }, false),
    ]) {
      expect(view.items[1]!.points).toEqual({ requester: 40, respondent: 20 });
      expect(view.howReached?.moves).toEqual(result.moves);
      expect(view.howReached?.firstPoints).toEqual({ requester: 78, respondent: 70 });
    }
  });
});
