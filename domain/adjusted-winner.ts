import type { Side } from './attendance.ts';
import { Fraction, type Ratio } from './fraction.ts';

/**
 * Adjusted Winner: two parties divide a list of items (a home, a car, savings, debts) by each
 * spreading 100 points over them in private. Steven J. Brams and Alan D. Taylor, Fair Division:
 * From Cake-Cutting to Dispute Resolution (Cambridge University Press, 1996), ch. 4, and The
 * Win-Win Solution: Guaranteeing Fair Shares to Everybody (W. W. Norton, 1999).
 *
 * The procedure:
 *  1. Each item goes first to whoever gave it more points.
 *  2. If one party (the one "ahead") now has more points than the other, items move from the
 *     party ahead to the other, one at a time, in order of the ratio (ahead's points for the item
 *     ÷ the other's points for it), smallest first: the items the party ahead gives up at least
 *     cost per point the other gains. When moving a whole item would put the party ahead behind,
 *     only the part of it that makes the two totals equal moves; that is the one split item.
 *
 * The result is equitable (both end with the same points, by their own counts), envy-free
 * (neither values the other's share more than their own) and efficient (no other division, split
 * items included, gives both at least as much and one more). Why, whatever the tie rules:
 *  - Efficient: the party ahead keeps the items of highest ratio and gives up lower ones, and the
 *    other's items from step 1 have a ratio of at most 1. So there is a ratio t (the split item's,
 *    or any between the two sides' items) with every item the requester holds, in whole or in
 *    part, at least t (requester's points ÷ respondent's) and every item the respondent holds at
 *    most t. In any other division the requester's gain is then at most t times the respondent's
 *    loss: neither can gain unless the other loses.
 *  - Envy-free: half of every item gives both 50 points, so an efficient division with equal
 *    points gives both at least 50; of 100 points, then, one's own share is worth at least the
 *    other's.
 * The tie rules only pick among equally good answers; Parley fixes them so the same points always
 * give the same division:
 *  - Tie in points (both gave an item the same points, zero included): after the items someone
 *    valued more are given, tied items are given in list order, each to whoever has fewer points
 *    at that moment, or to the requesting party (the one who asked for mediation) when the two are
 *    even. This often balances the totals without any split.
 *  - Tie in ratio (two items the party ahead would give up at the same rate): the item higher on
 *    the list moves first, so it is the one split if a split falls there.
 *  - Items neither party gave any points stay where step 1 put them: moving them changes nothing.
 *
 * Everything is computed with exact fractions; the split item's part is a fraction such as 2/15.
 */

export const AW_SIDES = ['requester', 'respondent'] as const satisfies readonly Side[];
export type AwItem = { id: string; name: string };
/** One party's points: item id → whole points from 0 to 100, adding up to 100. */
export type AwPoints = Readonly<Record<string, number>>;
export type AwInput = { items: readonly AwItem[]; points: Readonly<Record<Side, AwPoints>> };

/** Why an item went first where it did. */
export type AwFirstReason = 'valued_more' | 'tie_to_behind' | 'tie_when_even';

export type AwItemResult = {
  itemId: string;
  name: string;
  /** The points each party gave the item. */
  points: Record<Side, number>;
  firstTo: Side;
  firstReason: AwFirstReason;
  /** Who ends with it, or 'split' for the one item shared. */
  owner: Side | 'split';
  /** The part of the item each party ends with: 1 and 0, or the split (2/15 and 13/15). */
  share: Record<Side, Ratio>;
};

/** One move in step 2: the part of an item (1 for the whole) given by the party ahead. */
export type AwMove = { itemId: string; from: Side; to: Side; part: Ratio };

export type AwResult = {
  items: AwItemResult[];
  /** Each party's points after step 1 (whole numbers). */
  firstPoints: Record<Side, number>;
  moves: AwMove[];
  /** Each party's final points by their own counts: always equal. */
  points: Record<Side, Ratio>;
  splitItemId: string | null;
};

export const AW_TOTAL_POINTS = 100;
export const AW_MIN_ITEMS = 2;
export const AW_MAX_ITEMS = 30;
export const AW_MAX_NAME_LENGTH = 120;

/** Field → message, the shape of the error envelope's `fields`. */
export type FieldProblems = Record<string, string>;

export class InvalidAdjustedWinnerInput extends Error {
  readonly fields: FieldProblems;
  constructor(fields: FieldProblems) {
    super(Object.values(fields)[0] ?? 'The items or points are not complete.');
    this.name = 'InvalidAdjustedWinnerInput';
    this.fields = fields;
  }
}

/** The list of items to divide: 2 to 30, each named, no two with the same name. */
export function validateItems(items: readonly { name: string }[], field = 'items'): FieldProblems {
  const problems: FieldProblems = {};
  if (items.length < AW_MIN_ITEMS) {
    problems[field] = `List at least ${AW_MIN_ITEMS} items to divide.`;
  } else if (items.length > AW_MAX_ITEMS) {
    problems[field] =
      `List at most ${AW_MAX_ITEMS} items. Group small things together (for example, "Kitchen things").`;
  }
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const name = item.name.trim();
    const key = `${field}.${i}.name`;
    if (name === '') problems[key] = `Item ${i + 1} needs a name.`;
    else if (name.length > AW_MAX_NAME_LENGTH)
      problems[key] =
        `The name of item ${i + 1} is too long. Keep it to ${AW_MAX_NAME_LENGTH} characters or fewer.`;
    else {
      const earlier = seen.get(name.toLowerCase());
      if (earlier !== undefined)
        problems[key] =
          `Item ${i + 1} has the same name as item ${earlier + 1} ("${name}"). Give each item its own name.`;
      else seen.set(name.toLowerCase(), i);
    }
  });
  return problems;
}

/**
 * One party's points: a whole number from 0 to 100 for every item on the list and no other, adding
 * up to exactly 100. Messages name the item; the field keys are `<field>.<item id>` and, for the
 * total, `<field>`.
 */
export function validatePoints(
  items: readonly AwItem[],
  points: Readonly<Record<string, unknown>>,
  field = 'points',
): FieldProblems {
  const problems: FieldProblems = {};
  const known = new Set(items.map((i) => i.id));
  for (const id of Object.keys(points)) {
    if (!known.has(id))
      problems[`${field}.${id}`] =
        'This item is no longer on the list. Reload the page to see the current items.';
  }
  let total = 0;
  for (const item of items) {
    const value = points[item.id];
    const key = `${field}.${item.id}`;
    const name = `"${item.name}"`;
    if (value === undefined || value === null) problems[key] = `Give ${name} a number of points (0 is fine).`;
    else if (typeof value !== 'number' || !Number.isInteger(value))
      problems[key] = `Points for ${name} must be a whole number, like 0, 15 or 40.`;
    else if (value < 0) problems[key] = `Points for ${name} cannot be less than 0.`;
    else if (value > AW_TOTAL_POINTS)
      problems[key] = `Points for ${name} cannot be more than ${AW_TOTAL_POINTS}.`;
    else total += value;
  }
  if (Object.keys(problems).length === 0 && total !== AW_TOTAL_POINTS) {
    problems[field] =
      total < AW_TOTAL_POINTS
        ? `Your points add up to ${total}. They must add up to exactly ${AW_TOTAL_POINTS}: you have ${AW_TOTAL_POINTS - total} left to give.`
        : `Your points add up to ${total}. They must add up to exactly ${AW_TOTAL_POINTS}: take away ${total - AW_TOTAL_POINTS}.`;
  }
  return problems;
}

const other = (side: Side): Side => (side === 'requester' ? 'respondent' : 'requester');

/**
 * Divides the items by Adjusted Winner (see the rules above). Throws InvalidAdjustedWinnerInput,
 * with field keys `items…`, `points.requester…` and `points.respondent…`, when the input breaks a
 * rule of validateItems or validatePoints.
 */
export function adjustedWinner(input: AwInput): AwResult {
  const problems = {
    ...validateItems(input.items),
    ...validatePoints(input.items, input.points.requester, 'points.requester'),
    ...validatePoints(input.items, input.points.respondent, 'points.respondent'),
  };
  if (Object.keys(problems).length > 0) throw new InvalidAdjustedWinnerInput(problems);

  const rows = input.items.map((item, index) => ({
    item,
    index,
    v: { requester: input.points.requester[item.id]!, respondent: input.points.respondent[item.id]! },
    firstTo: 'requester' as Side,
    firstReason: 'valued_more' as AwFirstReason,
    // The part of the item the requester holds; the respondent holds the rest.
    requesterPart: Fraction.ONE,
  }));
  const totals: Record<Side, number> = { requester: 0, respondent: 0 };
  const give = (row: (typeof rows)[number], to: Side, reason: AwFirstReason) => {
    row.firstTo = to;
    row.firstReason = reason;
    row.requesterPart = to === 'requester' ? Fraction.ONE : Fraction.ZERO;
    totals[to] += row.v[to];
  };

  // Step 1: each item to whoever valued it more; then the tied items, in list order.
  for (const row of rows) {
    if (row.v.requester !== row.v.respondent)
      give(row, row.v.requester > row.v.respondent ? 'requester' : 'respondent', 'valued_more');
  }
  for (const row of rows) {
    if (row.v.requester !== row.v.respondent) continue;
    if (totals.requester === totals.respondent) give(row, 'requester', 'tie_when_even');
    else give(row, totals.requester < totals.respondent ? 'requester' : 'respondent', 'tie_to_behind');
  }
  const firstPoints = { ...totals };

  // Step 2: the party ahead gives up items, smallest ratio first, until the totals are equal.
  const moves: AwMove[] = [];
  let splitItemId: string | null = null;
  if (totals.requester !== totals.respondent) {
    const ahead: Side = totals.requester > totals.respondent ? 'requester' : 'respondent';
    const behind = other(ahead);
    // a/b < c/d ⟺ a·d < c·b for b, d ≥ 0, which also puts items the other gave 0 (ratio ∞) last.
    const candidates = rows
      .filter((r) => r.firstTo === ahead && r.v.requester + r.v.respondent > 0)
      .sort((x, y) => x.v[ahead] * y.v[behind] - y.v[ahead] * x.v[behind] || x.index - y.index);
    let gap = totals[ahead] - totals[behind];
    for (const row of candidates) {
      const worth = row.v[ahead] + row.v[behind]; // how much one whole item closes the gap
      const part = gap >= worth ? Fraction.ONE : Fraction.of(gap, worth);
      const toRequester = behind === 'requester' ? part : part.negated();
      row.requesterPart = row.requesterPart.plus(toRequester);
      moves.push({ itemId: row.item.id, from: ahead, to: behind, part: part.toRatio() });
      if (gap < worth) splitItemId = row.item.id;
      gap = Math.max(0, gap - worth);
      if (gap === 0) break;
    }
    // Moving every item of the party ahead would leave it 0 points, so the gap always closes;
    // reaching here with a gap would be a defect in this code.
    if (gap !== 0) throw new Error('Adjusted Winner did not reach equal points.');
  }

  const points = { requester: Fraction.ZERO, respondent: Fraction.ZERO };
  const items = rows.map((row): AwItemResult => {
    const part = { requester: row.requesterPart, respondent: Fraction.ONE.minus(row.requesterPart) };
    points.requester = points.requester.plus(part.requester.times(Fraction.of(row.v.requester)));
    points.respondent = points.respondent.plus(part.respondent.times(Fraction.of(row.v.respondent)));
    const whole = AW_SIDES.find((s) => part[s].equals(Fraction.ONE));
    return {
      itemId: row.item.id,
      name: row.item.name,
      points: { ...row.v },
      firstTo: row.firstTo,
      firstReason: row.firstReason,
      owner: whole ?? 'split',
      share: { requester: part.requester.toRatio(), respondent: part.respondent.toRatio() },
    };
  });
  if (!points.requester.equals(points.respondent)) throw new Error('Adjusted Winner left unequal points.');
  return {
    items,
    firstPoints,
    moves,
    points: { requester: points.requester.toRatio(), respondent: points.respondent.toRatio() },
    splitItemId,
  };
}

export type AwViewer = { kind: 'party'; side: Side } | { kind: 'mediator' };

/** What one person sees of a result; `points` per item holds only the sides they may see. */
export type AwView = {
  items: {
    itemId: string;
    name: string;
    owner: Side | 'split';
    share: Record<Side, Ratio>;
    points: Partial<Record<Side, number>>;
  }[];
  /** Equal, so showing both tells neither side anything about the other's points. */
  points: Record<Side, Ratio>;
  splitItemId: string | null;
  /** Step 1 and the moves, which would let a party work out the other's points: null unless revealed. */
  howReached: {
    first: { itemId: string; to: Side; reason: AwFirstReason }[];
    firstPoints: Record<Side, number>;
    moves: AwMove[];
  } | null;
};

/**
 * The result as `viewer` may see it. Each party sees the division and its own points; the other
 * side's points, and the steps that would give them away, only once the mediator reveals the
 * points (`pointsRevealed`). The mediator, who decides that, sees everything.
 */
export function viewAdjustedWinner(result: AwResult, viewer: AwViewer, pointsRevealed: boolean): AwView {
  const full = viewer.kind === 'mediator' || pointsRevealed;
  const sees = (side: Side) => full || (viewer.kind === 'party' && viewer.side === side);
  return {
    items: result.items.map((i) => ({
      itemId: i.itemId,
      name: i.name,
      owner: i.owner,
      share: i.share,
      points: Object.fromEntries(AW_SIDES.filter(sees).map((s) => [s, i.points[s]])),
    })),
    points: result.points,
    splitItemId: result.splitItemId,
    howReached: full
      ? {
          first: result.items.map((i) => ({ itemId: i.itemId, to: i.firstTo, reason: i.firstReason })),
          firstPoints: result.firstPoints,
          moves: result.moves,
        }
      : null,
  };
}
