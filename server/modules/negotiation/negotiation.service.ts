import type {
  Aid,
  AidList,
  BidBody,
  ItemsBody,
  PointsBody,
  StartAidBody,
} from '../../../contracts/negotiation.ts';
import { type FieldProblems, validateItems, validatePoints } from '../../../domain/adjusted-winner.ts';
import {
  type BiddingGap,
  type BlindBiddingTerms,
  evaluateRound,
  placeBid,
  validateFigure,
  validateTerms,
} from '../../../domain/blind-bidding.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, type CaseAt, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { addSharedOption, issueOnBoard } from '../issues/issues.service.ts';
import { caseKey } from '../keys/keys.service.ts';
import {
  type AidState,
  allAgreed,
  allows,
  bothSent,
  present,
  type Row,
  readState,
  recordsOf,
  roleOf,
  sideNames,
  sidePeople,
  writeState,
} from './aid-state.ts';
import type { NegotiationAuditKind } from './negotiation.audit.ts';
import {
  requireAidKeeper,
  requireAnsweringParty,
  requireAtTable,
  requireItemsEditor,
} from './negotiation.policy.ts';
import * as repo from './negotiation.repository.ts';
import { suggestionText } from './suggestion.ts';

/**
 * Negotiation aids on the issues board (domain/adjusted-winner.ts, domain/blind-bidding.ts).
 * Everything the parties put in — the items, each side's points, each demand and offer, each
 * round's result — is one sealed text per aid under the case's key, unsealed only here, and each
 * answer is made for its viewer: a side sees its own points and figures, never the other's; the
 * mediator sees the points, and the figures only if the parties chose so before starting. The
 * audit trail records who did what (sides, rounds), never an item, a point or a figure.
 */

/** A domain rule's field problems as a 400 naming the fields. */
function refuse(problems: FieldProblems) {
  const first = Object.values(problems)[0];
  if (first !== undefined) throw new AppError('VALIDATION_FAILED', first, { fields: problems });
}
const conflict = (message: string) => new AppError('CONFLICT', message);

async function aidContext(tx: Tx, deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  requireAtTable(ctx);
  return { ctx, key: await caseKey(tx, deps, caseId) };
}

const audit = (
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  kind: NegotiationAuditKind,
  aidId: string,
  data: Record<string, unknown>,
) =>
  recordCaseAudit(tx, ctx, {
    kind,
    at: deps.clock.now(),
    subjectType: 'negotiation_aid',
    subjectId: aidId,
    data,
  });

async function loadAid(tx: Tx, key: Buffer, caseId: string, aidId: string) {
  const row = await repo.findAid(tx, caseId, aidId);
  if (!row) throw notFound('That negotiation aid');
  return { row, state: readState(key, row) };
}

/** One aid of one case, as a viewer reaches it: who asks, which aid, in what language to answer. */
export type AidAt = CaseAt & { aidId: string };

/** Loads an aid, lets `change` act on it, stores the new state and answers with the viewer's view. */
async function changeAid(
  { deps, actor, caseId, aidId, language }: AidAt,
  change: (ctx: CaseAccess, row: Row, state: AidState, tx: Tx) => Promise<Partial<Row> | undefined>,
): Promise<Aid> {
  return inTransaction(deps.db, async (tx) => {
    const { ctx, key } = await aidContext(tx, deps, actor, caseId);
    const { row, state } = await loadAid(tx, key, caseId, aidId);
    const patch = (await change(ctx, row, state, tx)) ?? {};
    const updated: Row = {
      ...row,
      ...patch,
      state_enc: writeState(key, state),
      updated_at: iso(deps.clock.now()),
    };
    await repo.updateAid(tx, aidId, {
      state_enc: updated.state_enc,
      points_revealed: updated.points_revealed,
      option_id: updated.option_id,
      updated_at: updated.updated_at,
    });
    return present(ctx, updated, state, language);
  });
}

function itemsFrom(input: ItemsBody['items']) {
  const problems = validateItems(input);
  refuse(problems);
  return input.map((i) => ({ id: newId(), name: i.name.trim() }));
}

// ---- Routes' services ----

export async function listAids({ deps, actor, caseId, language }: CaseAt): Promise<AidList> {
  return inTransaction(deps.db, async (tx) => {
    const { ctx, key } = await aidContext(tx, deps, actor, caseId);
    const rows = await repo.listAids(tx, caseId);
    return {
      aids: rows.map((row) => present(ctx, row, readState(key, row), language)),
      sides: sideNames(ctx, language),
      can: { start: allows(() => requireAidKeeper(ctx, '')) },
    };
  });
}

export async function startAid(
  { deps, actor, caseId, language }: CaseAt,
  issueId: string,
  input: StartAidBody,
): Promise<Aid> {
  return inTransaction(deps.db, async (tx) => {
    const { ctx, key } = await aidContext(tx, deps, actor, caseId);
    requireAidKeeper(ctx, 'The mediator turns on a negotiation aid.');
    if (!(await issueOnBoard(tx, caseId, issueId))) throw notFound('That issue');
    if (await repo.findAidOnIssue(tx, caseId, issueId))
      throw conflict('This issue already has a negotiation aid.');
    let state: AidState;
    if (input.kind === 'adjusted_winner') {
      const items = input.items?.length ? itemsFrom(input.items) : [];
      state = { kind: 'adjusted_winner', items, points: { requester: null, respondent: null } };
    } else {
      const gap = input.gap ?? { kind: undefined };
      const problems: FieldProblems = {
        ...(input.claimantSide ? {} : { claimantSide: 'Choose which side asks for money.' }),
        ...validateTerms({ gap, roundLimit: input.roundLimit, history: input.history }),
      };
      refuse(problems);
      const terms: BlindBiddingTerms = {
        gap: storedGap(input.gap!),
        roundLimit: input.roundLimit!,
        history: input.history!,
      };
      state = {
        kind: 'blind_bidding',
        claimantSide: input.claimantSide!,
        terms,
        agreed: { requester: false, respondent: false },
        rounds: [],
      };
    }
    const now = iso(deps.clock.now());
    const row: Row = {
      id: newId(),
      case_id: caseId,
      issue_id: issueId,
      kind: input.kind,
      state_enc: writeState(key, state),
      points_revealed: 0,
      option_id: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertAid(tx, row);
    await audit(tx, deps, ctx, 'aid.started', row.id, { issueId, kind: input.kind });
    return present(ctx, row, state, language);
  });
}

const storedGap = (gap: NonNullable<StartAidBody['gap']>): BiddingGap =>
  gap.kind === 'percent'
    ? { kind: 'percent', percent: gap.percent! }
    : gap.kind === 'amount'
      ? { kind: 'amount', cents: gap.cents! }
      : { kind: 'none' };

const adjustedWinnerOf = (state: AidState) => {
  if (state.kind !== 'adjusted_winner') throw conflict('This aid is blind bidding, not Adjusted Winner.');
  return state;
};
const blindBiddingOf = (state: AidState) => {
  if (state.kind !== 'blind_bidding') throw conflict('This aid is Adjusted Winner, not blind bidding.');
  return state;
};

export const setItems = (at: AidAt, input: ItemsBody) =>
  changeAid(at, async (ctx, row, state, tx) => {
    requireItemsEditor(ctx);
    const aw = adjustedWinnerOf(state);
    if (aw.points.requester !== null || aw.points.respondent !== null)
      throw conflict('Points have been sent, so the list of items can no longer change.');
    aw.items = itemsFrom(input.items);
    await audit(tx, at.deps, ctx, 'aid.items_changed', row.id, { items: aw.items.length });
    return undefined;
  });

export const sendPoints = (at: AidAt, input: PointsBody) =>
  changeAid(at, async (ctx, row, state, tx) => {
    const side = requireAnsweringParty(ctx, 'Each party sends their own points.');
    const aw = adjustedWinnerOf(state);
    if (aw.points[side] !== null) throw conflict('Your side has already sent its points.');
    refuse(validateItems(aw.items));
    refuse(validatePoints(aw.items, input.points, 'points'));
    aw.points[side] = Object.fromEntries(aw.items.map((i) => [i.id, input.points[i.id]!]));
    await audit(tx, at.deps, ctx, 'aid.points_sent', row.id, { side, bothSent: bothSent(aw) });
    return undefined;
  });

export const revealPoints = (at: AidAt, revealed: boolean) =>
  changeAid(at, async (ctx, row, state, tx) => {
    requireAidKeeper(ctx, 'The mediator decides whether the points are shown.');
    if (!bothSent(adjustedWinnerOf(state))) throw conflict('Both sides must send their points first.');
    await audit(tx, at.deps, ctx, 'aid.points_revealed', row.id, { revealed });
    return { points_revealed: revealed ? 1 : 0 };
  });

export const agreeTerms = (at: AidAt) =>
  changeAid(at, async (ctx, row, state, tx) => {
    const side = requireAnsweringParty(ctx, 'Each party agrees to the terms for their own side.');
    const bb = blindBiddingOf(state);
    if (!bb.agreed[side]) {
      bb.agreed[side] = true;
      await audit(tx, at.deps, ctx, 'aid.terms_agreed', row.id, { side });
    }
    return undefined;
  });

export const sendBid = (at: AidAt, input: BidBody) =>
  changeAid(at, async (ctx, row, state, tx) => {
    const side = requireAnsweringParty(ctx, 'Each party sends their own figure.');
    const bb = blindBiddingOf(state);
    if (!allAgreed(bb)) throw conflict('Both sides must agree to the terms before the first round.');
    const role = roleOf(bb, side);
    const previous = bb.rounds.findLast((r) => r.figures[role] !== null)?.figures[role] ?? null;
    const placed = placeBid(bb.terms, recordsOf(bb), role);
    if (!placed.ok) throw conflict(placed.reason);
    refuse(validateFigure(role, input.amountCents, previous, 'amountCents'));
    let round = bb.rounds.find((r) => r.round === placed.round);
    if (!round) {
      round = { round: placed.round, figures: { claimant: null, payer: null }, outcome: null };
      bb.rounds.push(round);
    }
    round.figures[role] = input.amountCents;
    if (placed.completesRound)
      round.outcome = evaluateRound(bb.terms.gap, round.figures.claimant!, round.figures.payer!);
    await audit(tx, at.deps, ctx, 'aid.bid_sent', row.id, {
      round: placed.round,
      role,
      result: round.outcome?.result ?? null,
    });
    return undefined;
  });

/**
 * Puts the aid's suggestion on its issue as a shared option. The words are stored as the mediator
 * reads them; the issues board writes them again from the aid in each reader's language, with
 * each side's people as they are now, kept with the aid.
 */
export const makeOption = (at: AidAt) =>
  changeAid(at, async (ctx, row, state, tx) => {
    requireAidKeeper(ctx, 'The mediator brings the suggestion to the table.');
    if (row.option_id !== null) throw conflict('This suggestion is already an option on the issue.');
    const names = sidePeople(ctx);
    const text = suggestionText(state, names, at.language);
    if (text === null) throw conflict('There is no suggestion yet.');
    if (state.kind === 'adjusted_winner') state.optionNames = names;
    const optionId = await addSharedOption(tx, at.deps, ctx, row.issue_id, text);
    await audit(tx, at.deps, ctx, 'aid.option_made', row.id, { optionId });
    return { option_id: optionId };
  });

// For other areas: retention purges a closed case's aids with its other confidential words.

/** Removes every negotiation aid of a case; returns how many went. */
export const purgeCaseAids = (db: Executor, caseId: string) => repo.deleteCaseAids(db, caseId);
