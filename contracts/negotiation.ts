import { z } from 'zod';
import { AW_SIDES } from '../domain/adjusted-winner.ts';
import { BID_ROLES, HISTORY_VISIBILITY } from '../domain/blind-bidding.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * Negotiation aids on the issues board: the mediator turns one on for an issue, the parties use it
 * in private, and its result comes back to the table as a suggestion. Adjusted Winner divides a
 * list of items by each side's 100 points; blind bidding settles one amount by rounds of private
 * demands and offers. No answer carries one side's points or figures to the other side.
 */

const tags = ['negotiation aids'];
const IssueParams = CaseParams.extend({ issueId: Id });
const AidParams = CaseParams.extend({ aidId: Id });
const SideName = z.enum(AW_SIDES, 'Choose the side that asked for mediation or the other side');
const Ratio = z.object({ numerator: z.number(), denominator: z.number() });
const BySide = <T extends z.ZodType>(t: T) => z.object({ requester: t, respondent: t });

const ItemName = z.object({
  name: z
    .string('Name the item')
    .trim()
    .min(1, 'Name the item')
    .max(120, 'Keep the name to 120 characters or fewer'),
});
const Items = z.array(ItemName, 'List the items to divide').max(30, 'List at most 30 items');

export const Gap = z.object({
  kind: z.enum(['none', 'percent', 'amount'], 'Choose a percentage, an amount, or only when they cross'),
  percent: z.number('Give the gap as a percentage, like 5').optional(),
  cents: z.number('Give the gap as an amount in dollars').optional(),
});
export type Gap = z.infer<typeof Gap>;

/** Turning an aid on: Adjusted Winner with its items, or blind bidding with the terms to agree. */
export const StartAidBody = z.object({
  kind: z.enum(['adjusted_winner', 'blind_bidding'], 'Choose Adjusted Winner or blind bidding'),
  items: Items.optional(),
  claimantSide: SideName.optional(),
  gap: Gap.optional(),
  roundLimit: z.number('Give the number of rounds').optional(),
  history: z.enum(HISTORY_VISIBILITY, 'Choose the mediator only, or no one').optional(),
});
export type StartAidBody = z.infer<typeof StartAidBody>;

export const ItemsBody = z.object({ items: Items });
export type ItemsBody = z.infer<typeof ItemsBody>;

export const PointsBody = z.object({
  points: z.record(
    z.string(),
    z.number('Points must be a whole number, like 0, 15 or 40'),
    'Give your points',
  ),
});
export type PointsBody = z.infer<typeof PointsBody>;

export const RevealBody = z.object({ revealed: z.boolean('Choose whether both sides see the points') });
export type RevealBody = z.infer<typeof RevealBody>;

export const BidBody = z.object({ amountCents: z.number('Give your figure in dollars, like 42500') });
export type BidBody = z.infer<typeof BidBody>;

const AwResult = z.object({
  items: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      owner: z.enum([...AW_SIDES, 'split']),
      share: BySide(Ratio),
      /** Only the sides whose points the viewer may see. */
      points: z.object({ requester: z.number().optional(), respondent: z.number().optional() }),
    }),
  ),
  points: BySide(Ratio),
  splitItemId: z.string().nullable(),
  /** The steps, which would give the points away: null until the mediator reveals them. */
  howReached: z
    .object({
      first: z.array(
        z.object({
          itemId: z.string(),
          to: SideName,
          reason: z.enum(['valued_more', 'tie_to_behind', 'tie_when_even']),
        }),
      ),
      firstPoints: BySide(z.number()),
      moves: z.array(z.object({ itemId: z.string(), from: SideName, to: SideName, part: Ratio })),
    })
    .nullable(),
});

export const AdjustedWinnerView = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Once anyone has sent points, the list cannot change. */
  frozen: z.boolean(),
  sent: BySide(z.boolean()),
  /** The viewer's own side's points, once sent. */
  myPoints: z.record(z.string(), z.number()).nullable(),
  pointsRevealed: z.boolean(),
  result: AwResult.nullable(),
});
export type AdjustedWinnerView = z.infer<typeof AdjustedWinnerView>;

const BidRole = z.enum(BID_ROLES);
export const BlindBiddingView = z.object({
  claimantSide: SideName,
  /** The viewer's role in the bidding (their side's), or null for the mediator. */
  myRole: BidRole.nullable(),
  terms: z.object({ gap: Gap, roundLimit: z.number(), history: z.enum(HISTORY_VISIBILITY) }),
  termsText: z.array(z.string()),
  agreed: BySide(z.boolean()),
  state: z.enum(['agreeing', 'bidding', 'settled', 'no_agreement']),
  round: z.number().nullable(),
  waitingFor: z.array(BidRole),
  roundsLeft: z.number().nullable(),
  settlement: z.object({ amountCents: z.number(), basis: z.enum(['crossed', 'within_gap']) }).nullable(),
  rounds: z.array(
    z.object({
      round: z.number(),
      result: z.enum(['settle', 'no_overlap']).nullable(),
      text: z.string(),
      /** Only the figures the viewer may see: their own side's; both for the mediator if so agreed. */
      figures: z.object({ claimant: z.number().nullable(), payer: z.number().nullable() }),
    }),
  ),
});
export type BlindBiddingView = z.infer<typeof BlindBiddingView>;

export const Aid = z.object({
  id: z.string(),
  issueId: z.string(),
  kind: z.enum(['adjusted_winner', 'blind_bidding']),
  /** Who is on each side, by name, for the page. */
  sides: BySide(z.string()),
  mySide: SideName.nullable(),
  adjustedWinner: AdjustedWinnerView.nullable(),
  blindBidding: BlindBiddingView.nullable(),
  optionId: z.string().nullable(),
  can: Can('editItems', 'sendPoints', 'revealPoints', 'agreeTerms', 'bid', 'makeOption'),
});
export type Aid = z.infer<typeof Aid>;

export const AidList = z.object({
  aids: z.array(Aid),
  /** Who is on each side, by name, for the form that turns an aid on. */
  sides: BySide(z.string()),
  can: Can('start'),
});
export type AidList = z.infer<typeof AidList>;

export const listAids = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/aids',
  summary: 'The negotiation aids on a case’s issues, as the caller may see them',
  tags,
  params: CaseParams,
  response: { 200: AidList },
});

export const startAid = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/issues/:issueId/aids',
  summary: 'Turn on Adjusted Winner or blind bidding for an issue',
  tags,
  params: IssueParams,
  body: StartAidBody,
  response: { 201: Aid },
});

export const setItems = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/aids/:aidId/items',
  summary: 'Change the list of items to divide, until anyone sends points',
  tags,
  params: AidParams,
  body: ItemsBody,
  response: { 200: Aid },
});

export const sendPoints = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/aids/:aidId/points',
  summary: 'Send my side’s 100 points, in private',
  tags,
  params: AidParams,
  body: PointsBody,
  response: { 200: Aid },
});

export const revealPoints = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/aids/:aidId/reveal',
  summary: 'Show both sides each other’s points, or hide them again',
  tags,
  params: AidParams,
  body: RevealBody,
  response: { 200: Aid },
});

export const agreeTerms = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/aids/:aidId/agree',
  summary: 'Agree to the terms of blind bidding for my side',
  tags,
  params: AidParams,
  response: { 200: Aid },
});

export const sendBid = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/aids/:aidId/bids',
  summary: 'Send my side’s demand or offer for this round, in private',
  tags,
  params: AidParams,
  body: BidBody,
  response: { 201: Aid },
});

export const makeOption = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/aids/:aidId/option',
  summary: 'Put the aid’s suggestion on the issue as a shared option',
  tags,
  params: AidParams,
  response: { 201: Aid },
});
