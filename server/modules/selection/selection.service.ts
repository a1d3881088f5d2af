import { missingBeforeSigning } from '../../../domain/agreement-to-mediate.ts';
import { nextInRotation, overlap } from '../../../domain/mediator-selection.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { createAgreementToMediate } from '../agreements-to-mediate/atm.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CaseAccess, loadCase, moveCase, recordCaseAudit, updateCase } from '../cases/case-access.ts';
import { mayAnswerOffer, mayAppointMediator, mayPickMediators } from '../cases/cases.policy.ts';
import { lastOffered } from '../cases/cases.service.ts';
import { notifyCase, notifyCoordinators, notifyMediator } from '../cases/notify.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { caseRoster, type RosterEntry } from './roster.ts';
import { SELECTION_EMAILS } from './selection.emails.ts';
import * as repo from './selection.repository.ts';

type CaseContext = CaseAccess;

function requireChoosing(ctx: CaseContext) {
  if (ctx.c.state !== 'choosing_mediator') {
    throw new AppError(
      'INVALID_TRANSITION',
      'A mediator is chosen after screening, before the Agreement to Mediate.',
    );
  }
}

/** Each party marks the mediators it would accept, where the pack chooses jointly, while no offer is open. */
export function requirePicker(ctx: CaseContext) {
  if (!mayPickMediators(ctx.viewer)) throw forbidden('Each party picks the mediators they would accept.');
  if (!ctx.pack.selection.value.includes('joint_choice')) {
    throw new AppError(
      'RULE_VIOLATION',
      `In this program the mediator is assigned (${ctx.pack.selection.cite}).`,
    );
  }
  requireChoosing(ctx);
  if (ctx.c.mediator_status === 'offered')
    throw new AppError('CONFLICT', 'A mediator is considering this case now.');
}

/** The program offers the case by appointment or rotation, where the pack chooses that way. */
export function requireAppointer(ctx: CaseContext, method: 'rotation' | 'appointment') {
  if (!mayAppointMediator(ctx.viewer)) throw forbidden('The program assigns mediators.');
  requireChoosing(ctx);
  if (!ctx.pack.selection.value.includes(method)) {
    throw new AppError(
      'RULE_VIOLATION',
      `This program does not choose mediators by ${method} (${ctx.pack.selection.cite}).`,
    );
  }
}

/** Only the mediator asked answers an open offer. */
export function requireOfferee(ctx: CaseContext) {
  if (!mayAnswerOffer(ctx.viewer, ctx.c)) throw forbidden('Only the mediator asked can answer this offer.');
}

/** The roster, my side's picks, and (once every side has picked) the overlap. */
export async function mediatorOptions(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCase(deps.db, actor, caseId);
  const { c, viewer, pack } = ctx;
  if (viewer.kind === 'mediator') throw forbidden('Mediators do not see the parties’ choices.');
  const roster = await caseRoster(deps.db, c, pack);
  const picks = await repo.listPicks(deps.db, c.id);
  const mine = picks.find((p) => p.side === viewer.side);
  const bothPicked = ['requester', 'respondent'].every((s) => picks.some((p) => p.side === s));
  const shared = bothPicked
    ? overlap(
        roster.map((r) => r.userId),
        picks.map((p) => p.mediator_ids),
      )
    : [];
  const name = (id: string) => roster.find((r) => r.userId === id)?.name ?? '';
  return {
    methods: pack.selection.value,
    cite: pack.selection.cite,
    roster,
    myPicks: mine?.mediator_ids ?? null,
    sidesPicked: picks.map((p) => p.side),
    overlap: shared.map((id) => ({ userId: id, name: name(id) })),
    declined: c.declined_mediators,
  };
}

async function offer(
  tx: Tx,
  deps: Deps,
  ctx: CaseContext,
  mediator: RosterEntry,
  method: 'joint_choice' | 'rotation' | 'appointment',
  actorId: string,
) {
  const { c } = ctx;
  const now = deps.clock.now();
  await updateCase(tx, deps, c, {
    mediator_id: mediator.userId,
    mediator_status: 'offered',
    mediator_offered_at: iso(now),
    selection_method: method,
  });
  await recordAudit(tx, {
    kind: 'case.mediator_offered',
    at: now,
    actorId,
    programId: c.program_id,
    caseId: c.id,
    subjectType: 'user',
    subjectId: mediator.userId,
    data: { method },
  });
  await notifyMediator(
    tx,
    deps,
    c,
    mediator.userId,
    SELECTION_EMAILS.offerToMediator({
      reference: c.reference,
      title: c.title,
      programName: ctx.programName,
    }),
  );
  await notifyCase(tx, deps, ctx, SELECTION_EMAILS.mediatorAsked(c.reference));
}

async function offerFromOverlap(tx: Tx, deps: Deps, ctx: CaseContext, actorId: string) {
  const roster = await caseRoster(tx, ctx.c, ctx.pack);
  const picks = await repo.listPicks(tx, ctx.c.id);
  if (!['requester', 'respondent'].every((s) => picks.some((p) => p.side === s))) return null;
  const shared = overlap(
    roster.map((r) => r.userId),
    picks.map((p) => p.mediator_ids),
  ).filter((id) => !ctx.c.declined_mediators.includes(id));
  const first = roster.find((r) => r.userId === shared[0]);
  if (!first) {
    await notifyCase(tx, deps, ctx, SELECTION_EMAILS.noOverlap(ctx.c.reference));
    await notifyCoordinators(tx, deps, ctx.c, SELECTION_EMAILS.noOverlapToProgram(ctx.c.reference));
    return null;
  }
  await offer(tx, deps, ctx, first, 'joint_choice', actorId);
  return first;
}

/** Joint choice: each side marks the mediators it would accept; the overlap is offered. */
export async function pickMediators(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { mediatorIds: string[] },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    requirePicker(ctx);
    const rosterIds = new Set((await caseRoster(tx, c, pack)).map((r) => r.userId));
    const badIndex = input.mediatorIds.findIndex((id) => !rosterIds.has(id));
    if (badIndex >= 0) throw invalid(`mediatorIds.${badIndex}`, 'is not on this case’s list of mediators');
    const now = deps.clock.now();
    await repo.replacePicks(tx, {
      id: newId(),
      case_id: c.id,
      side: viewer.side!,
      mediator_ids: [...new Set(input.mediatorIds)],
      picked_by: viewer.userId,
      picked_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.mediators_picked',
      at: now,
      subjectType: 'case',
      subjectId: c.id,
      data: { side: viewer.side, count: input.mediatorIds.length },
    });
    const offered = await offerFromOverlap(tx, deps, ctx, viewer.userId);
    return { offered: offered ? { userId: offered.userId, name: offered.name } : null };
  });
}

/** Appointment by the coordinator (or court), or the next mediator in rotation. */
export async function appointMediator(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { mediatorId?: string | undefined; rotation?: boolean | undefined },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    const method = input.rotation ? 'rotation' : 'appointment';
    requireAppointer(ctx, method);
    const roster = await caseRoster(tx, c, pack);
    let chosen: RosterEntry | undefined;
    if (input.rotation) {
      const id = nextInRotation(
        roster.map((r) => r.userId),
        await lastOffered(tx, c.program_id),
        c.declined_mediators,
      );
      chosen = roster.find((r) => r.userId === id);
      if (!chosen)
        throw new AppError('RULE_VIOLATION', 'No mediator on the roster is free to take this case.');
    } else {
      chosen = roster.find((r) => r.userId === input.mediatorId);
      if (!chosen) throw invalid('mediatorId', 'choose a mediator on this case’s list');
    }
    await offer(tx, deps, ctx, chosen, method, viewer.userId);
    return { offered: { userId: chosen.userId, name: chosen.name } };
  });
}

/** The offered mediator accepts, disclosing any conflict, or declines. */
export async function respondToOffer(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { accept: boolean; conflict: 'none' | 'disclosed'; disclosure?: string | undefined },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    requireOfferee(ctx);
    const now = deps.clock.now();
    if (!input.accept) {
      await updateCase(tx, deps, c, {
        mediator_id: null,
        mediator_status: null,
        declined_mediators: [...c.declined_mediators, viewer.userId],
      });
      await recordCaseAudit(tx, ctx, {
        kind: 'case.mediator_declined',
        at: now,
        subjectType: 'user',
        subjectId: viewer.userId,
      });
      const next =
        c.selection_method === 'joint_choice' ? await offerFromOverlap(tx, deps, ctx, viewer.userId) : null;
      if (!next) {
        await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.mediatorDeclined(c.reference));
      }
      return { state: c.state, accepted: false };
    }
    if (input.conflict === 'disclosed' && !input.disclosure?.trim()) {
      throw invalid('disclosure', 'describe the relationship or conflict');
    }
    const disclosure = input.conflict === 'none' ? null : input.disclosure!.trim();
    await moveCase(tx, deps, c, 'mediator_accepts', viewer.userId, {
      mediator_status: 'accepted',
      mediator_chosen_at: iso(now),
      mediator_disclosure: disclosure,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.mediator_accepted',
      at: now,
      subjectType: 'user',
      subjectId: viewer.userId,
      data: { conflictDisclosed: disclosure !== null },
    });
    await createAgreementToMediate(tx, deps, ctx, ctx.actor.name);
    await notifyCase(
      tx,
      deps,
      ctx,
      SELECTION_EMAILS.mediatorAccepted({
        reference: c.reference,
        mediator: ctx.actor.name,
        disclosure,
        mayDisqualify: Boolean(pack.disqualification.value.denyWithinDays),
      }),
      undefined,
      // The Agreement to Mediate is there to sign now, unless the mediator writes disclosures first.
      missingBeforeSigning(pack, c.details.mediatorDisclosure).length === 0
        ? { kind: 'signature', link: `/cases/${c.id}`, title: titled('signAgreementToMediate') }
        : undefined,
    );
    return { state: c.state, accepted: true };
  });
}

export type { ResolvedPack };
