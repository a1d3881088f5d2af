import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BiddingGap,
  type BidRole,
  type BlindBiddingTerms,
  biddingStatus,
  describeOutcome,
  describeTerms,
  evaluateRound,
  formatCents,
  MAX_FIGURE_CENTS,
  midpointCents,
  placeBid,
  type RoundRecord,
  validateFigure,
  validateTerms,
  visibleFigures,
} from './blind-bidding.ts';

const terms = (over: Partial<BlindBiddingTerms> = {}): BlindBiddingTerms => ({
  gap: { kind: 'none' },
  roundLimit: 3,
  history: 'mediator',
  ...over,
});

/**
 * What a service does, without the sealing: each round the claimant and then the payer bid; when
 * the round is complete its outcome is stored. Figures stay in `sealed`, apart from the records.
 */
function run(t: BlindBiddingTerms, rounds: readonly [demand: number, offer: number][]) {
  const records: RoundRecord[] = [];
  const sealed: { round: number; role: BidRole; cents: number }[] = [];
  for (const [demand, offer] of rounds) {
    for (const [role, cents] of [
      ['claimant', demand],
      ['payer', offer],
    ] as const) {
      const bid = placeBid(t, records, role);
      if (!bid.ok) return { records, sealed, refused: bid.reason };
      sealed.push({ round: bid.round, role, cents });
      const current = records.find((r) => r.round === bid.round);
      if (current) records[records.length - 1] = { ...current, bidBy: [...current.bidBy, role] };
      else records.push({ round: bid.round, bidBy: [role], outcome: null });
      if (bid.completesRound) {
        const figure = (r: BidRole) => sealed.find((s) => s.round === bid.round && s.role === r)!.cents;
        const outcome = evaluateRound(t.gap, figure('claimant'), figure('payer'));
        records[records.length - 1] = { ...records.at(-1)!, outcome };
      }
    }
  }
  return { records, sealed, refused: null };
}

/** The offer settles within the gap, on `amountCents` (halfway); an offer a cent lower does not settle. */
function expectSettlesWithin(gap: BiddingGap, demand: number, offer: number, amountCents: number) {
  expect(evaluateRound(gap, demand, offer)).toEqual({ result: 'settle', basis: 'within_gap', amountCents });
  expect(evaluateRound(gap, demand, offer - 1)).toEqual({ result: 'no_overlap' });
}

describe('blind bidding, a round', () => {
  it('settles crossing figures at the midpoint', () => {
    // Demand $40,000.00, offer $45,000.00: halfway is $42,500.00.
    expect(evaluateRound({ kind: 'none' }, 4_000_000, 4_500_000)).toEqual({
      result: 'settle',
      basis: 'crossed',
      amountCents: 4_250_000,
    });
    // Figures that meet exactly settle on that figure.
    expect(evaluateRound({ kind: 'none' }, 1_234_567, 1_234_567)).toEqual({
      result: 'settle',
      basis: 'crossed',
      amountCents: 1_234_567,
    });
  });

  it('settles within an agreed percentage of the demand, and not a cent outside it', () => {
    // 5% of a $10,000.00 demand is $500.00: an offer of $9,500.00 settles at $9,750.00.
    expectSettlesWithin({ kind: 'percent', percent: 5 }, 1_000_000, 950_000, 975_000);
    // 2.5% of $1,000.00 is $25.00 exactly, with no floating-point slip.
    expectSettlesWithin({ kind: 'percent', percent: 2.5 }, 100_000, 97_500, 98_750);
    // 0.29% of $1,000.00 is $2.90 exactly, though 100000 × 0.29 / 100 is 289.99999999999994 in
    // floating point: an offer exactly $2.90 below the demand settles.
    expectSettlesWithin({ kind: 'percent', percent: 0.29 }, 100_000, 99_710, 99_855);
  });

  it('settles within an agreed amount, and not a cent outside it', () => {
    expectSettlesWithin({ kind: 'amount', cents: 50_000 }, 2_000_000, 1_950_000, 1_975_000);
  });

  it('with no gap agreed, settles only when the figures cross', () => {
    expect(evaluateRound({ kind: 'none' }, 100_000, 99_999)).toEqual({ result: 'no_overlap' });
  });

  it('rounds a half cent to the even cent', () => {
    // $10.00 and $10.01: halfway is $10.005, to the even cent $10.00; $10.01 and $10.02 → $10.02.
    expect(midpointCents(1000, 1001)).toBe(1000);
    expect(midpointCents(1001, 1002)).toBe(1002);
    expect(midpointCents(1001, 1003)).toBe(1002);
    expect(evaluateRound({ kind: 'none' }, 1001, 1002)).toMatchObject({ amountCents: 1002 });
  });
});

describe('blind bidding, rounds', () => {
  it('ends without agreement after the round limit, and refuses a further figure', () => {
    const { records, refused } = run(terms({ roundLimit: 3 }), [
      [5_000_000, 3_000_000],
      [4_800_000, 3_500_000],
      [4_600_000, 3_900_000],
      [4_400_000, 4_400_000],
    ]);
    expect(records.map((r) => r.outcome)).toEqual([
      { result: 'no_overlap' },
      { result: 'no_overlap' },
      { result: 'no_overlap' },
    ]);
    expect(biddingStatus(terms({ roundLimit: 3 }), records)).toEqual({ state: 'no_agreement', rounds: 3 });
    expect(refused).toBe(
      'All 3 rounds have been used without an overlap. The mediator can help you decide what to do next.',
    );
  });

  it('settles in the third round and takes no more figures', () => {
    const t = terms({ gap: { kind: 'percent', percent: 5 }, roundLimit: 5 });
    const { records, refused } = run(t, [
      [5_000_000, 3_000_000],
      [4_500_000, 3_800_000],
      [4_200_000, 4_000_000], // $2,000 apart, within 5% of $42,000 ($2,100)
      [4_100_000, 4_100_000],
    ]);
    expect(records).toHaveLength(3);
    expect(biddingStatus(t, records)).toEqual({
      state: 'settled',
      round: 3,
      amountCents: 4_100_000,
      basis: 'within_gap',
    });
    expect(refused).toMatch(/bidding is over/);
  });

  it('waits for the other side, and takes one figure a side a round', () => {
    const t = terms();
    const first = placeBid(t, [], 'payer');
    expect(first).toEqual({ ok: true, round: 1, completesRound: false });
    const records: RoundRecord[] = [{ round: 1, bidBy: ['payer'], outcome: null }];
    expect(biddingStatus(t, records)).toEqual({
      state: 'bidding',
      round: 1,
      waitingFor: ['claimant'],
      roundsLeft: 3,
    });
    expect(placeBid(t, records, 'payer')).toEqual({
      ok: false,
      reason: 'You have already sent your offer for round 1. Parley is waiting for the other side.',
    });
    expect(placeBid(t, records, 'claimant')).toEqual({ ok: true, round: 1, completesRound: true });
    const next: RoundRecord[] = [
      { round: 1, bidBy: ['payer', 'claimant'], outcome: { result: 'no_overlap' } },
    ];
    expect(biddingStatus(t, next)).toMatchObject({ state: 'bidding', round: 2, roundsLeft: 2 });
  });

  it('shows a party only its own figures, and the mediator both only if the parties chose so', () => {
    expect(visibleFigures(terms(), { kind: 'party', role: 'claimant' })).toEqual(['claimant']);
    expect(visibleFigures(terms(), { kind: 'party', role: 'payer' })).toEqual(['payer']);
    expect(visibleFigures(terms({ history: 'mediator' }), { kind: 'mediator' })).toEqual([
      'claimant',
      'payer',
    ]);
    expect(visibleFigures(terms({ history: 'no_one' }), { kind: 'mediator' })).toEqual([]);
    expect(visibleFigures(terms(), { kind: 'other' })).toEqual([]);
  });
});

// Figures from $1,000.00 up: never equal to a round number, a count or a limit in the records.
const figure = fc.integer({ min: 100_000, max: MAX_FIGURE_CENTS });
const gaps: fc.Arbitrary<BiddingGap> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.integer({ min: 0, max: 5000 }).map((h) => ({ kind: 'percent' as const, percent: h / 100 })),
  fc.integer({ min: 0, max: 10_000_000 }).map((cents) => ({ kind: 'amount' as const, cents })),
);

describe('blind bidding, properties', () => {
  it('settles exactly when the offer reaches the demand or the gap, at the midpoint', () => {
    fc.assert(
      fc.property(gaps, figure, figure, (gap, demand, offer) => {
        const outcome = evaluateRound(gap, demand, offer);
        // The gap in whole cents, rounded down: a gap of $25.004 lets figures $25.00 apart settle.
        const allowed =
          gap.kind === 'none'
            ? 0
            : gap.kind === 'amount'
              ? gap.cents
              : Number((BigInt(demand) * BigInt(Math.round(gap.percent * 100))) / 10_000n);
        const settles = offer >= demand || demand - offer <= allowed;
        expect(outcome.result).toBe(settles ? 'settle' : 'no_overlap');
        if (outcome.result === 'settle') {
          const low = Math.min(demand, offer);
          const high = Math.max(demand, offer);
          expect(outcome.amountCents).toBeGreaterThanOrEqual(low);
          expect(outcome.amountCents).toBeLessThanOrEqual(high);
          expect(Math.abs(2 * outcome.amountCents - (demand + offer))).toBeLessThanOrEqual(1);
          expect(outcome.basis).toBe(offer >= demand ? 'crossed' : 'within_gap');
        }
      }),
    );
  });

  it('decides a round by the two figures and the gap alone, and "no overlap" carries no figure', () => {
    const before = fc.record({
      gap: gaps,
      history: fc.constantFrom('mediator' as const, 'no_one' as const),
      // Earlier rounds far apart (the offer under a third of the demand), whatever they were.
      earlier: fc.array(
        fc
          .tuple(figure, figure)
          .map(([d, o]) => [Math.max(d, o), Math.floor(Math.min(d, o) / 3)] as [number, number]),
        { maxLength: 9 },
      ),
      spare: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(before, figure, figure, (b, demand, offer) => {
        const roundLimit = Math.min(10, b.earlier.length + 1 + b.spare);
        const t: BlindBiddingTerms = { gap: b.gap, roundLimit, history: b.history };
        fc.pre(biddingStatus(t, run(t, b.earlier).records).state === 'bidding');
        const alone = evaluateRound(b.gap, demand, offer);
        // In round n of a bidding with any limit and any history setting, the outcome is the same
        // as the two figures and the gap give on their own.
        const last = run(t, [...b.earlier, [demand, offer]]).records.at(-1)!;
        expect(last.round).toBe(b.earlier.length + 1);
        expect(last.outcome).toEqual(alone);
        // Every "no overlap" is the same object, whatever the figures: nothing to read a figure from.
        if (alone.result === 'no_overlap') expect(JSON.stringify(alone)).toBe('{"result":"no_overlap"}');
      }),
    );
  });

  it('keeps every figure out of the round records and the status until a round settles', () => {
    fc.assert(
      fc.property(
        gaps,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(figure, figure), { minLength: 1, maxLength: 6 }),
        (gap, roundLimit, rounds) => {
          const t = terms({ gap, roundLimit });
          const { records, sealed } = run(t, rounds);
          const shown = JSON.stringify({ records, status: biddingStatus(t, records) });
          const settled = records.find((r) => r.outcome?.result === 'settle');
          for (const s of sealed) {
            // A settled round shows only its midpoint, which may equal a figure when they meet.
            const isMidpoint =
              settled?.outcome?.result === 'settle' && settled.outcome.amountCents === s.cents;
            if (!isMidpoint) expect(shown).not.toMatch(new RegExp(`(?<![0-9])${s.cents}(?![0-9])`));
          }
        },
      ),
    );
  });
});

describe('blind bidding, checking figures and terms', () => {
  it('names the figure and says what is wrong', () => {
    expect(validateFigure('claimant', -100, null)).toEqual({
      amountCents: 'Your demand cannot be less than $0.',
    });
    expect(validateFigure('payer', 0, null)).toEqual({ amountCents: 'Your offer must be more than $0.' });
    expect(validateFigure('payer', 100.5, null)).toEqual({
      amountCents: 'Your offer can have at most two digits after the decimal point.',
    });
    expect(validateFigure('claimant', MAX_FIGURE_CENTS + 1, null)).toEqual({
      amountCents: 'Your demand cannot be more than $1,000,000,000.00.',
    });
    expect(validateFigure('claimant', '500', null)).toEqual({
      amountCents: 'Your demand must be an amount in dollars.',
    });
    expect(validateFigure('payer', 250_000, null, 'offer')).toEqual({});
  });

  it('keeps each side from going back on its own last figure', () => {
    expect(validateFigure('claimant', 500_001, 500_000)).toEqual({
      amountCents:
        'Your demand cannot be higher than your last one ($5,000.00). You can lower it or keep it.',
    });
    expect(validateFigure('claimant', 500_000, 500_000)).toEqual({});
    expect(validateFigure('payer', 299_999, 300_000).amountCents).toMatch(
      /cannot be lower than your last one/,
    );
    expect(validateFigure('payer', 310_000, 300_000)).toEqual({});
  });

  it('checks the terms before the first round', () => {
    expect(validateTerms({ gap: { kind: 'percent', percent: 5 }, roundLimit: 3, history: 'no_one' })).toEqual(
      {},
    );
    expect(
      validateTerms({ gap: { kind: 'percent', percent: 0.29 }, roundLimit: 1, history: 'mediator' }),
    ).toEqual({});
    expect(
      validateTerms({ gap: { kind: 'percent', percent: 2.555 }, roundLimit: 0, history: 'everyone' }),
    ).toEqual({
      'gap.percent': 'The agreed gap must be a percentage from 0 to 50, with at most two decimal places.',
      roundLimit: 'The number of rounds must be a whole number from 1 to 10.',
      history: 'Choose who may see the figures from each round: the mediator only, or no one.',
    });
    expect(
      validateTerms({ gap: { kind: 'percent', percent: 51 }, roundLimit: 3, history: 'mediator' }),
    ).toHaveProperty('gap.percent');
    expect(
      validateTerms({ gap: { kind: 'amount', cents: -1 }, roundLimit: 11, history: 'mediator' }),
    ).toEqual({
      'gap.cents': 'The agreed gap must be an amount from $0.00 to $1,000,000,000.00, in whole cents.',
      roundLimit: 'The number of rounds must be a whole number from 1 to 10.',
    });
    expect(validateTerms({ gap: { kind: 'guess' }, roundLimit: 2.5, history: 'mediator' })).toEqual({
      'gap.kind': 'Choose how close the figures must come: a percentage, an amount, or only when they cross.',
      roundLimit: 'The number of rounds must be a whole number from 1 to 10.',
    });
  });

  it('speaks in plain words and says a settlement figure is a suggestion', () => {
    expect(formatCents(123_456_789)).toBe('$1,234,567.89');
    expect(formatCents(5)).toBe('$0.05');
    expect(describeOutcome({ result: 'no_overlap' })).toBe('No overlap yet.');
    expect(describeOutcome({ result: 'settle', basis: 'crossed', amountCents: 4_250_000 })).toBe(
      'The offer reached the demand. Parley suggests settling at $42,500.00, halfway between them. This is a suggestion for discussion, not a decision.',
    );
    expect(describeTerms(terms({ gap: { kind: 'percent', percent: 2.5 }, history: 'no_one' }))).toEqual([
      'Parley suggests a settlement when the offer reaches the demand or comes within 2.5% of it.',
      'There are at most 3 rounds.',
      'No one can see the figures from each round, not even the mediator. You can see your own.',
    ]);
  });
});
