import { DEFAULT_LANGUAGE, type Language } from './languages.ts';
import { formatMoney } from './money.ts';
/**
 * Blind bidding for one amount of money (a civil claim, maintenance, a buy-out). Each round, the
 * side asking for money (the claimant) sends a demand and the side paying (the payer) an offer,
 * each in private. If the offer reaches the demand, or the two come within a gap the parties
 * agreed before starting, Parley suggests settling at the midpoint; otherwise both learn only that
 * there is no overlap yet. The technique is the one Cybersettle and Smartsettle made known for
 * claims; the midpoint split is the "split the difference" rule.
 *
 * The claimant and the payer are roles in the bidding, set when the aid is started; either side
 * of the case may be the claimant (a requesting spouse may be the one who pays maintenance).
 *
 * Privacy is in the shape of the data. A service stores each figure sealed (encrypted) under the
 * case's key, one per round and role, and keeps beside it only a RoundRecord: who has bid, and
 * the round's outcome once both have. An outcome of "no overlap" carries no figure at all, so
 * nothing stored in the clear, shown, logged or e-mailed can carry one. A figure is unsealed
 * for two reasons only: to evaluate a round once both have bid, and to show a viewer the
 * figures `visibleFigures` allows (a party its own; the mediator both, only if the parties so
 * chose before starting). Once a round settles, each side can work out the other's last figure
 * from the midpoint and its own; the explanation says so before anyone bids.
 */

export const BID_ROLES = ['claimant', 'payer'] as const;
export type BidRole = (typeof BID_ROLES)[number];

/**
 * How close the figures must come to settle without crossing, agreed before the first round: a
 * percentage of the demand (up to two decimal places), a fixed amount in cents, or none (settle
 * only when the offer reaches the demand).
 */
export type BiddingGap =
  | { kind: 'none' }
  | { kind: 'percent'; percent: number }
  | { kind: 'amount'; cents: number };
/** Who may see the figures of each round: the mediator only, or no one (not even the mediator). */
export const HISTORY_VISIBILITY = ['mediator', 'no_one'] as const;
export type HistoryVisibility = (typeof HISTORY_VISIBILITY)[number];
export type BlindBiddingTerms = { gap: BiddingGap; roundLimit: number; history: HistoryVisibility };

export const MAX_ROUNDS = 10;
export const MAX_GAP_PERCENT = 50;
/** The largest figure: $1,000,000,000.00, far above any claim mediated, and exact in a double. */
export const MAX_FIGURE_CENTS = 100_000_000_000;

/** Field → message, the shape of the error envelope's `fields`. */
export type FieldProblems = Record<string, string>;

/** "$1,250.00": whole cents, in the reader's language. */
export const formatCents = (cents: number, language: Language = DEFAULT_LANGUAGE): string =>
  formatMoney(cents, language);

const wholeCentsInRange = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

/** The terms, checked before the first round. Field keys: gap.kind, gap.percent, gap.cents, roundLimit, history. */
export function validateTerms(terms: {
  gap: { kind: unknown; percent?: unknown; cents?: unknown };
  roundLimit: unknown;
  history: unknown;
}): FieldProblems {
  const problems: FieldProblems = {};
  const { gap } = terms;
  if (gap.kind === 'percent') {
    const p = gap.percent;
    const twoPlaces = typeof p === 'number' && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9;
    if (!(twoPlaces && p >= 0 && p <= MAX_GAP_PERCENT)) {
      problems['gap.percent'] =
        `The agreed gap must be a percentage from 0 to ${MAX_GAP_PERCENT}, with at most two decimal places.`;
    }
  } else if (gap.kind === 'amount') {
    if (!wholeCentsInRange(gap.cents, MAX_FIGURE_CENTS)) {
      problems['gap.cents'] =
        `The agreed gap must be an amount from $0.00 to ${formatCents(MAX_FIGURE_CENTS)}, in whole cents.`;
    }
  } else if (gap.kind !== 'none') {
    problems['gap.kind'] =
      'Choose how close the figures must come: a percentage, an amount, or only when they cross.';
  }
  const r = terms.roundLimit;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > MAX_ROUNDS) {
    problems.roundLimit = `The number of rounds must be a whole number from 1 to ${MAX_ROUNDS}.`;
  }
  if (!HISTORY_VISIBILITY.includes(terms.history as HistoryVisibility)) {
    problems.history = 'Choose who may see the figures from each round: the mediator only, or no one.';
  }
  return problems;
}

/**
 * One figure, checked before it is sealed: whole cents, more than $0, at most the maximum, and
 * never a step back from the same side's figure in an earlier round (a demand may go down or
 * stay, an offer may go up or stay). `previous` is that side's own last figure, never the other's.
 */
export function validateFigure(
  role: BidRole,
  cents: unknown,
  previous: number | null,
  field = 'amountCents',
): FieldProblems {
  // Each message is written out whole for each side, so the errors catalog finds it by its words.
  const say = (demand: string, offer: string) => ({ [field]: role === 'claimant' ? demand : offer });
  if (typeof cents !== 'number' || !Number.isFinite(cents))
    return say('Your demand must be an amount in dollars.', 'Your offer must be an amount in dollars.');
  if (!Number.isInteger(cents))
    return say(
      'Your demand can have at most two digits after the decimal point.',
      'Your offer can have at most two digits after the decimal point.',
    );
  if (cents < 0) return say('Your demand cannot be less than $0.', 'Your offer cannot be less than $0.');
  if (cents === 0) return say('Your demand must be more than $0.', 'Your offer must be more than $0.');
  const most = formatCents(MAX_FIGURE_CENTS);
  if (cents > MAX_FIGURE_CENTS)
    return say(`Your demand cannot be more than ${most}.`, `Your offer cannot be more than ${most}.`);
  if (previous !== null && role === 'claimant' && cents > previous)
    return {
      [field]: `Your demand cannot be higher than your last one (${formatCents(previous)}). You can lower it or keep it.`,
    };
  if (previous !== null && role === 'payer' && cents < previous)
    return {
      [field]: `Your offer cannot be lower than your last one (${formatCents(previous)}). You can raise it or keep it.`,
    };
  return {};
}

/** A round's result. "No overlap" carries no figure: it is the same object whatever was bid. */
export type RoundOutcome =
  | { result: 'settle'; basis: 'crossed' | 'within_gap'; amountCents: number }
  | { result: 'no_overlap' };

/** Whether the demand and the offer are within the agreed gap (exact, in BigInt). */
export function withinGap(gap: BiddingGap, demandCents: number, offerCents: number): boolean {
  const apart = BigInt(demandCents) - BigInt(offerCents);
  if (apart <= 0n) return true;
  switch (gap.kind) {
    case 'none':
      return false;
    case 'amount':
      return apart <= BigInt(gap.cents);
    case 'percent':
      // apart ≤ demand × percent / 100, in hundredths of a percent to stay in whole numbers.
      return apart * 10_000n <= BigInt(Math.round(gap.percent * 100)) * BigInt(demandCents);
  }
}

/**
 * Halfway between two amounts, to the cent. When the halfway point falls on a half cent, it goes
 * to the even cent (round half to even), so neither the claimant nor the payer always gets it:
 * $100.005 → $100.00, $100.015 → $100.02.
 */
export function midpointCents(a: number, b: number): number {
  const sum = a + b;
  const down = Math.floor(sum / 2);
  if (sum % 2 === 0) return down;
  return down % 2 === 0 ? down : down + 1;
}

/**
 * The outcome of a round from the two figures and the agreed gap, and nothing else: not the
 * round number, not earlier rounds, not who bid first. Settles at the midpoint when the offer
 * reaches the demand ("crossed") or comes within the gap ("within_gap").
 */
export function evaluateRound(gap: BiddingGap, demandCents: number, offerCents: number): RoundOutcome {
  if (!withinGap(gap, demandCents, offerCents)) return { result: 'no_overlap' };
  return {
    result: 'settle',
    basis: offerCents >= demandCents ? 'crossed' : 'within_gap',
    amountCents: midpointCents(demandCents, offerCents),
  };
}

/** What a service keeps about a round besides the two sealed figures. */
export type RoundRecord = { round: number; bidBy: readonly BidRole[]; outcome: RoundOutcome | null };

export type BiddingStatus =
  | { state: 'bidding'; round: number; waitingFor: BidRole[]; roundsLeft: number }
  | { state: 'settled'; round: number; amountCents: number; basis: 'crossed' | 'within_gap' }
  | { state: 'no_agreement'; rounds: number };

/** Where the bidding stands, from the round records alone (rounds in order, 1, 2, …). */
export function biddingStatus(terms: BlindBiddingTerms, rounds: readonly RoundRecord[]): BiddingStatus {
  const last = rounds.at(-1);
  if (!last) return { state: 'bidding', round: 1, waitingFor: [...BID_ROLES], roundsLeft: terms.roundLimit };
  if (last.outcome?.result === 'settle') {
    return {
      state: 'settled',
      round: last.round,
      amountCents: last.outcome.amountCents,
      basis: last.outcome.basis,
    };
  }
  if (last.outcome === null) {
    return {
      state: 'bidding',
      round: last.round,
      waitingFor: BID_ROLES.filter((r) => !last.bidBy.includes(r)),
      roundsLeft: terms.roundLimit - last.round + 1,
    };
  }
  if (last.round >= terms.roundLimit) return { state: 'no_agreement', rounds: last.round };
  return {
    state: 'bidding',
    round: last.round + 1,
    waitingFor: [...BID_ROLES],
    roundsLeft: terms.roundLimit - last.round,
  };
}

/**
 * Whether `role` may bid now, and in which round. When `completesRound` is true the service
 * unseals the round's two figures, calls evaluateRound, and stores the outcome with the record.
 */
export function placeBid(
  terms: BlindBiddingTerms,
  rounds: readonly RoundRecord[],
  role: BidRole,
): { ok: true; round: number; completesRound: boolean } | { ok: false; reason: string } {
  const status = biddingStatus(terms, rounds);
  if (status.state === 'settled')
    return { ok: false, reason: 'The figures have met, so bidding is over. Talk it through at the table.' };
  if (status.state === 'no_agreement')
    return {
      ok: false,
      reason: `All ${status.rounds} rounds have been used without an overlap. The mediator can help you decide what to do next.`,
    };
  if (!status.waitingFor.includes(role))
    return {
      ok: false,
      reason:
        role === 'claimant'
          ? `You have already sent your demand for round ${status.round}. Parley is waiting for the other side.`
          : `You have already sent your offer for round ${status.round}. Parley is waiting for the other side.`,
    };
  return { ok: true, round: status.round, completesRound: status.waitingFor.length === 1 };
}

export type BiddingViewer = { kind: 'party'; role: BidRole } | { kind: 'mediator' } | { kind: 'other' };

/**
 * Whose figures a viewer may see, in any round: a party (or the person beside them) only its
 * own; the mediator both, if the parties chose 'mediator' before starting; anyone else none.
 * A service unseals only these.
 */
export function visibleFigures(terms: BlindBiddingTerms, viewer: BiddingViewer): readonly BidRole[] {
  if (viewer.kind === 'party') return [viewer.role];
  if (viewer.kind === 'mediator' && terms.history === 'mediator') return BID_ROLES;
  return [];
}

/** One round's result in plain words, the same for both sides. */
export function describeOutcome(outcome: RoundOutcome): string {
  if (outcome.result === 'no_overlap') return 'No overlap yet.';
  const how =
    outcome.basis === 'crossed'
      ? 'The offer reached the demand.'
      : 'The figures came within the gap you agreed.';
  return `${how} Parley suggests settling at ${formatCents(outcome.amountCents)}, halfway between them. ${SUGGESTION}`;
}

/** The terms in plain words, shown before anyone bids. */
export function describeTerms(terms: BlindBiddingTerms): string[] {
  const gap =
    terms.gap.kind === 'none'
      ? 'Parley suggests a settlement only when the offer reaches the demand.'
      : terms.gap.kind === 'percent'
        ? `Parley suggests a settlement when the offer reaches the demand or comes within ${terms.gap.percent}% of it.`
        : `Parley suggests a settlement when the offer reaches the demand or comes within ${formatCents(terms.gap.cents)} of it.`;
  return [
    gap,
    terms.roundLimit === 1 ? 'There is one round.' : `There are at most ${terms.roundLimit} rounds.`,
    terms.history === 'mediator'
      ? 'The mediator can see the figures from each round. Neither side ever sees the other’s.'
      : 'No one can see the figures from each round, not even the mediator. You can see your own.',
  ];
}

const SUGGESTION = 'This is a suggestion for discussion, not a decision.';
