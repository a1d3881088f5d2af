import type { Side } from '../../../domain/attendance.ts';
import {
  type Safeguard,
  safeguardsFor,
  scoreScreening,
  screeningQuestions,
} from '../../../domain/screening.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import {
  type CaseAccess,
  hideContact,
  loadCase,
  moveCase,
  parties,
  recordCaseAudit,
  type StoredSafeguard,
  updateCase,
} from '../cases/case-access.ts';
import {
  mayAnswerScreening,
  mayDecideScreening,
  mayReadScreeningAnswers,
  maySeeScreening,
} from '../cases/cases.policy.ts';
import { notifyCase, notifyCoordinators, notifyMediator } from '../cases/notify.ts';
import { SCREENING_EMAILS } from './screening.emails.ts';
import * as repo from './screening.repository.ts';

/**
 * Private screening. Answers are confidential: they are read only by the party who gave them, the
 * case's mediator and the screening coordinator; every read is audited; no answer reaches an
 * e-mail, the audit data, a log or the other side.
 */
type Screened = Pick<CaseAccess, 'c' | 'viewer' | 'actor' | 'participants'>;

/** The questions and the safeguards that fit a party of this case: the pack's screening, their side. */
function screeningOf(ctx: Pick<CaseAccess, 'pack'>, side: Side) {
  const kind = ctx.pack.screening.value;
  return { questions: screeningQuestions(kind, side), safeguards: safeguardsFor(kind, side) };
}

/** The viewer's own side on the case (a party's). */
const sideOf = (ctx: Pick<CaseAccess, 'viewer' | 'participants'>): Side =>
  ctx.participants.find((p) => p.id === ctx.viewer.participantId)?.side ?? 'requester';

/** A party reads their own screening questions. */
function requireScreeningParty(ctx: Pick<CaseAccess, 'viewer'>) {
  if (ctx.viewer.kind !== 'party') throw forbidden('Only a party answers the screening questions.');
}

/** A party answers once both sides take part, until the case closes. */
export function requireScreeningAnswerer(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  requireScreeningParty(ctx);
  if (!mayAnswerScreening(ctx.viewer, ctx.c.state))
    throw new AppError('INVALID_TRANSITION', 'Screening opens once both sides are taking part.');
}

/** The answers are read by the mediator and the screening coordinator only. */
export function requireScreeningReader(ctx: Screened) {
  if (!mayReadScreeningAnswers(ctx))
    throw forbidden('Only the mediator or the screening coordinator can read screening answers.');
}

/** The decision is the mediator's (or, before one is chosen, the screening coordinator's). */
export function requireScreeningDecider(ctx: Screened) {
  if (!mayDecideScreening(ctx.actor, ctx.viewer, ctx.c))
    throw forbidden('Only the mediator or the screening coordinator decides after screening.');
}

export async function getMyScreening(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCase(deps.db, actor, caseId);
  requireScreeningParty(ctx);
  const mine = await repo.findScreening(deps.db, ctx.viewer.participantId!);
  return {
    questions: screeningOf(ctx, sideOf(ctx)).questions.map((q) => ({ id: q.id, text: q.text })),
    answers: mine?.answers ?? null,
    note: mine?.note ?? '',
    submittedAt: mine?.submitted_at ?? null,
  };
}

export async function submitScreening(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { answers: Record<string, boolean>; note: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    requireScreeningAnswerer(ctx);
    const { questions, safeguards } = screeningOf(ctx, sideOf(ctx));
    const missing = questions.find((q) => typeof input.answers[q.id] !== 'boolean');
    if (missing) throw invalid(`answers.${missing.id}`, `please answer “${missing.text}”`);
    const unknown = Object.keys(input.answers).find((k) => !questions.some((q) => q.id === k));
    if (unknown) throw invalid(`answers.${unknown}`, 'is not one of your screening questions');
    const result = scoreScreening(input.answers, questions, safeguards);
    const now = deps.clock.now();
    await repo.upsertScreening(tx, {
      id: newId(),
      case_id: c.id,
      participant_id: viewer.participantId!,
      answers: input.answers,
      note: input.note,
      score: result.score,
      flags: result.flags,
      submitted_at: iso(now),
    });
    // Asking to keep one's address private takes effect at once, before anyone decides anything.
    if (input.answers.hide_address) await hideContact(tx, viewer.participantId!);
    await recordCaseAudit(tx, ctx, {
      kind: 'screening.submitted',
      at: now,
      subjectType: 'screening_response',
      subjectId: viewer.participantId,
    });
    const notice = SCREENING_EMAILS.answered(c.reference, ctx.actor.name);
    if (c.mediator_id && c.mediator_status === 'accepted')
      await notifyMediator(tx, deps, c, c.mediator_id, notice);
    else await notifyCoordinators(tx, deps, c, notice);
    return { submittedAt: iso(now) };
  });
}

export async function listScreeningResponses(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    const partyList = parties(ctx);
    requireScreeningReader(ctx);
    const visible = partyList.filter((p) => maySeeScreening(ctx.actor, viewer, c, p.id));
    const rows = await repo.listScreenings(tx, c.id);
    await recordCaseAudit(tx, ctx, {
      kind: 'screening.read',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: c.id,
      data: { responses: rows.length },
    });
    return visible.map((p) => {
      const row = rows.find((r) => r.participant_id === p.id);
      const answers = row?.answers ?? null;
      const fit = screeningOf(ctx, p.side);
      const result = answers ? scoreScreening(answers, fit.questions, fit.safeguards) : null;
      return {
        participantId: p.id,
        name: p.name,
        side: p.side,
        submittedAt: row?.submitted_at ?? null,
        answers: answers
          ? fit.questions.map((q) => ({ id: q.id, text: q.text, answer: answers[q.id] ?? null }))
          : null,
        note: row?.note ?? null,
        score: result?.score ?? null,
        flags: result?.flags ?? [],
        suggestion: result?.suggestion ?? null,
        suggestedSafeguards: result?.safeguards ?? [],
        safeguardsOffered: [...fit.safeguards],
      };
    });
  });
}

/** Proceed, proceed with safeguards, or not suitable (see requireScreeningDecider). */
export async function decideScreening(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: {
    decision: 'proceed' | 'proceed_with_safeguards' | 'not_suitable';
    safeguards: { participantId: string; kind: Safeguard }[];
  },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    requireScreeningDecider(ctx);
    const partyIds = parties(ctx).map((p) => p.id);
    const bad = input.safeguards.findIndex((s) => !ctx.participants.some((p) => p.id === s.participantId));
    if (bad >= 0) throw invalid(`safeguards.${bad}.participantId`, 'is not on this case');
    const unfit = input.safeguards.findIndex((s) => {
      const p = ctx.participants.find((q) => q.id === s.participantId)!;
      return !screeningOf(ctx, p.side).safeguards.includes(s.kind);
    });
    if (unfit >= 0)
      throw invalid(
        `safeguards.${unfit}.kind`,
        `this safeguard does not fit ${ctx.participants.find((p) => p.id === input.safeguards[unfit]!.participantId)!.name}’s place in this case`,
      );
    if (input.decision === 'proceed_with_safeguards' && input.safeguards.length === 0) {
      throw invalid('safeguards', 'choose at least one safeguard');
    }
    const now = deps.clock.now();
    const answered = await repo.listScreenings(tx, c.id);
    if (
      input.decision !== 'not_suitable' &&
      c.state === 'screening' &&
      partyIds.some((id) => !answered.some((a) => a.participant_id === id))
    ) {
      throw new AppError(
        'RULE_VIOLATION',
        'Every party must answer the screening questions before the case can go ahead.',
      );
    }
    const safeguards: StoredSafeguard[] = input.decision === 'proceed' ? [] : input.safeguards;
    for (const p of ctx.participants) {
      const hide = safeguards.some((s) => s.participantId === p.id && s.kind === 'hide_contact');
      if (hide && p.hide_contact === 0) await hideContact(tx, p.id);
    }
    const patch = { screening_decision: input.decision, safeguards };
    await recordCaseAudit(tx, ctx, {
      kind: 'screening.decided',
      at: now,
      subjectType: 'case',
      subjectId: c.id,
      data: { decision: input.decision, safeguards: safeguards.map((s) => s.kind) },
    });
    if (input.decision === 'not_suitable') {
      await moveCase(tx, deps, c, 'screening_not_suitable', viewer.userId, {
        ...patch,
        closed_at: iso(now),
        close_reason: 'not_suitable',
      });
      await notifyCase(tx, deps, ctx, SCREENING_EMAILS.notSuitable(c.reference, pack.nextSteps.value));
      return { state: c.state };
    }
    if (c.state === 'screening') {
      await moveCase(tx, deps, c, 'screening_proceed', viewer.userId, patch);
      await notifyCase(
        tx,
        deps,
        ctx,
        SCREENING_EMAILS.chooseMediator(c.reference, pack.selection.value[0] === 'joint_choice'),
      );
    } else {
      await updateCase(tx, deps, c, patch);
    }
    return { state: c.state };
  });
}

/** For the case page: whose screening answers are in (no answers). */
export const screeningAnsweredBy = (db: Executor, caseId: string) =>
  repo.listAnsweredParticipantIds(db, caseId);

/** A person's own screening answers and note, by their places on cases (their data export). */
export async function screeningsOf(db: Executor, participantIds: readonly string[]) {
  const out = [];
  for (const id of participantIds) {
    const row = await repo.findScreening(db, id);
    if (row)
      out.push({ caseId: row.case_id, answers: row.answers, note: row.note, submittedAt: row.submitted_at });
  }
  return out;
}

/** Removes a closed case's screening answers: they are confidential words (retention's early purge). */
export async function purgeCaseScreenings(db: Executor, caseId: string) {
  // What a mediator wrote of a confidentiality exception goes with them; the record that one was made stays.
  await repo.clearExceptionWords(db, caseId);
  return repo.deleteCaseScreenings(db, caseId);
}
