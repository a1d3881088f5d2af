import { z } from 'zod';
import type { Aid } from '../../../contracts/negotiation.ts';
import { type AwResult, adjustedWinner, viewAdjustedWinner } from '../../../domain/adjusted-winner.ts';
import { SIDES, type Side } from '../../../domain/attendance.ts';
import {
  BID_ROLES,
  type BidRole,
  biddingStatus,
  describeOutcome,
  describeTerms,
  HISTORY_VISIBILITY,
  placeBid,
  type RoundRecord,
  visibleFigures,
} from '../../../domain/blind-bidding.ts';
import type { Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { NegotiationAidsTable } from '../../db/tables/negotiation.ts';
import { refusalOf } from '../../http/errors.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { seal, unseal } from '../keys/keys.service.ts';
import { requireAidKeeper, requireAnsweringParty, requireItemsEditor, sideOf } from './negotiation.policy.ts';

/**
 * A negotiation aid's state, sealed under the case's key as one text (what the parties put in:
 * the items and points, the terms, each round's figures and result), and the aid as each viewer
 * sees it, with what they may do next.
 */

const Figures = z.object({ claimant: z.number().nullable(), payer: z.number().nullable() });
const Outcome = z.union([
  z.object({
    result: z.literal('settle'),
    basis: z.enum(['crossed', 'within_gap']),
    amountCents: z.number(),
  }),
  z.object({ result: z.literal('no_overlap') }),
]);
const StoredGap = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('percent'), percent: z.number() }),
  z.object({ kind: z.literal('amount'), cents: z.number() }),
]);
export const AidState = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('adjusted_winner'),
    items: z.array(z.object({ id: z.string(), name: z.string() })),
    points: z.object({
      requester: z.record(z.string(), z.number()).nullable(),
      respondent: z.record(z.string(), z.number()).nullable(),
    }),
    /** Each side's people when the suggestion went on the issue (its option names them). */
    optionNames: z.object({ requester: z.array(z.string()), respondent: z.array(z.string()) }).optional(),
  }),
  z.object({
    kind: z.literal('blind_bidding'),
    claimantSide: z.enum(SIDES),
    terms: z.object({ gap: StoredGap, roundLimit: z.number(), history: z.enum(HISTORY_VISIBILITY) }),
    agreed: z.object({ requester: z.boolean(), respondent: z.boolean() }),
    rounds: z.array(z.object({ round: z.number(), figures: Figures, outcome: Outcome.nullable() })),
  }),
]);
export type AidState = z.infer<typeof AidState>;
export type AwState = Extract<AidState, { kind: 'adjusted_winner' }>;
export type BbState = Extract<AidState, { kind: 'blind_bidding' }>;
export type Row = NegotiationAidsTable;

export const readState = (key: Buffer, row: Row): AidState =>
  AidState.parse(JSON.parse(unseal(key, row.state_enc)));
export const writeState = (key: Buffer, state: AidState) => seal(key, JSON.stringify(state));

/** Whether the rule `check` lets this viewer act (it throws a refusal when not). */
export const allows = (check: () => unknown) => refusalOf(check) === null;

// ---- Adjusted Winner ----

export const bothSent = (s: AwState) => s.points.requester !== null && s.points.respondent !== null;
export const awResult = (s: AwState): AwResult | null =>
  bothSent(s)
    ? adjustedWinner({
        items: s.items,
        points: { requester: s.points.requester!, respondent: s.points.respondent! },
      })
    : null;

// ---- Blind bidding ----

export const roleOf = (s: BbState, side: Side): BidRole => (s.claimantSide === side ? 'claimant' : 'payer');
export const recordsOf = (s: BbState): RoundRecord[] =>
  s.rounds.map((r) => ({
    round: r.round,
    bidBy: BID_ROLES.filter((b) => r.figures[b] !== null),
    outcome: r.outcome,
  }));
export const allAgreed = (s: BbState) => s.agreed.requester && s.agreed.respondent;

// ---- What each viewer sees, and may do ----

/** The people of each side at the table now (its active parties). */
export function sidePeople(ctx: CaseAccess): Record<Side, string[]> {
  const names = (side: Side) =>
    ctx.participants
      .filter((p) => p.side === side && p.role === 'party' && p.status === 'active')
      .map((p) => p.name);
  return { requester: names('requester'), respondent: names('respondent') };
}

/** Each side's people as one name ("Ana Ruiz y Luis Ruiz"), or the side's own name when it has none. */
export function joinedNames(names: Record<Side, string[]>, language: Language): Record<Side, string> {
  const t = translator(language, 'workspace');
  const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const side = (s: Side) => (names[s].length ? list.format(names[s]) : t('aids.sideUnnamed', { side: s }));
  return { requester: side('requester'), respondent: side('respondent') };
}

/** Each side's name in `language` (the page's), as the aids show it. */
export const sideNames = (ctx: CaseAccess, language: Language) => joinedNames(sidePeople(ctx), language);

export function present(ctx: CaseAccess, row: Row, state: AidState, language: Language): Aid {
  const side = sideOf(ctx);
  const keeper = allows(() => requireAidKeeper(ctx, ''));
  const answering = allows(() => requireAnsweringParty(ctx, ''));
  const base = {
    id: row.id,
    issueId: row.issue_id,
    kind: row.kind,
    sides: sideNames(ctx, language),
    mySide: side,
    optionId: row.option_id,
  };
  const none = { editItems: false, sendPoints: false, revealPoints: false, agreeTerms: false, bid: false };
  if (state.kind === 'adjusted_winner') {
    const result = awResult(state);
    const revealed = row.points_revealed === 1;
    const frozen = state.points.requester !== null || state.points.respondent !== null;
    return {
      ...base,
      adjustedWinner: {
        items: state.items,
        frozen,
        sent: { requester: state.points.requester !== null, respondent: state.points.respondent !== null },
        myPoints: side ? state.points[side] : null,
        pointsRevealed: revealed,
        result: result
          ? viewAdjustedWinner(result, side ? { kind: 'party', side } : { kind: 'mediator' }, revealed)
          : null,
      },
      blindBidding: null,
      can: {
        ...none,
        editItems: !frozen && allows(() => requireItemsEditor(ctx)),
        sendPoints: answering && side !== null && state.points[side] === null,
        revealPoints: keeper && result !== null,
        makeOption: keeper && result !== null && row.option_id === null,
      },
    };
  }
  const myRole = side ? roleOf(state, side) : null;
  const seen = visibleFigures(
    state.terms,
    myRole ? { kind: 'party', role: myRole } : ctx.isMediator ? { kind: 'mediator' } : { kind: 'other' },
  );
  const status = biddingStatus(state.terms, recordsOf(state));
  const agreeing = !allAgreed(state);
  return {
    ...base,
    adjustedWinner: null,
    blindBidding: {
      claimantSide: state.claimantSide,
      myRole,
      terms: state.terms,
      termsText: describeTerms(state.terms),
      agreed: state.agreed,
      state: agreeing ? 'agreeing' : status.state,
      round: agreeing || status.state === 'no_agreement' ? null : status.round,
      waitingFor: !agreeing && status.state === 'bidding' ? status.waitingFor : [],
      roundsLeft: !agreeing && status.state === 'bidding' ? status.roundsLeft : null,
      settlement:
        status.state === 'settled' ? { amountCents: status.amountCents, basis: status.basis } : null,
      rounds: state.rounds.map((r) => ({
        round: r.round,
        result: r.outcome?.result ?? null,
        text: r.outcome ? describeOutcome(r.outcome) : 'Waiting for both figures.',
        figures: {
          claimant: seen.includes('claimant') ? r.figures.claimant : null,
          payer: seen.includes('payer') ? r.figures.payer : null,
        },
      })),
    },
    can: {
      ...none,
      agreeTerms: answering && side !== null && !state.agreed[side],
      bid: answering && myRole !== null && !agreeing && placeBid(state.terms, recordsOf(state), myRole).ok,
      makeOption: keeper && status.state === 'settled' && row.option_id === null,
    },
  };
}
