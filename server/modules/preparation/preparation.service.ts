import { z } from 'zod';
import type {
  MediatorPreparation,
  PartyPreparation,
  PreparationAnswers,
} from '../../../contracts/preparation.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import { forbidden, invalid, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import {
  type CaseAccess,
  loadMediation,
  parties,
  recordCaseAudit,
  requireInMediation,
  requireMediator,
} from '../cases/case-access.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import type { PreparationAuditKind } from './preparation.audit.ts';
import * as repo from './preparation.repository.ts';

/**
 * Preparation for mediation (the pre-mediation meeting): each party writes down their view, their
 * goals, their worries and ideas for solutions, and the mediator adds a note. Seen by that party
 * and the mediator only; stored encrypted under the case's key.
 */
const StoredAnswers = z.object({
  perspective: z.string(),
  goals: z.string(),
  concerns: z.string(),
  solutions: z.string(),
});
const EMPTY: PreparationAnswers = { perspective: '', goals: '', concerns: '', solutions: '' };
/** The answers are JSON sealed under the case's key: opened, then read through this schema. */
const answersText = jsonColumn('case_preparations', 'answers_enc', StoredAnswers);
const openAnswers = (key: Buffer, sealed: string | null | undefined) =>
  sealed ? answersText.read(unseal(key, sealed)) : null;

async function audit(tx: Tx, deps: Deps, ctx: CaseAccess, kind: PreparationAuditKind, participantId: string) {
  await recordCaseAudit(tx, ctx, {
    kind,
    at: deps.clock.now(),
    subjectType: 'case_participant',
    subjectId: participantId,
    data: { participantId },
  });
}

/** A party writes their own preparation, while the mediation is on. */
function requireOwnPreparation(ctx: CaseAccess) {
  if (ctx.viewer.kind !== 'party') throw forbidden('Each party fills in their own preparation.');
  requireInMediation(ctx);
}

export async function getPreparation(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
): Promise<PartyPreparation | MediatorPreparation> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const key = await caseKey(tx, deps, caseId);
    if (ctx.isMediator) {
      const out = [];
      for (const p of parties(ctx)) {
        const row = await repo.findPreparation(tx, ctx.c.id, p.id);
        out.push({
          participantId: p.id,
          name: p.name,
          side: p.side,
          answers: openAnswers(key, row?.answers_enc),
          submittedAt: row?.submitted_at ?? null,
          mediatorNote: row?.mediator_note_enc ? unseal(key, row.mediator_note_enc) : '',
          can: { note: true },
        });
        await audit(tx, deps, ctx, 'preparation.read', p.id);
      }
      return { role: 'mediator' as const, parties: out };
    }
    if (ctx.viewer.kind !== 'party')
      throw forbidden('Preparation answers are seen only by the party who wrote them and the mediator.');
    const row = await repo.findPreparation(tx, ctx.c.id, ctx.viewer.participantId!);
    return {
      role: 'party' as const,
      answers: openAnswers(key, row?.answers_enc) ?? EMPTY,
      submittedAt: row?.submitted_at ?? null,
      can: { save: refusalOf(() => requireOwnPreparation(ctx)) === null },
    };
  });
}

const upsert = (tx: Tx, deps: Deps, ctx: CaseAccess, participantId: string, patch: repo.PreparationPatch) =>
  repo.upsertPreparation(tx, { id: newId(), caseId: ctx.c.id, participantId }, patch, iso(deps.clock.now()));

export async function savePreparation(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  answers: PreparationAnswers,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireOwnPreparation(ctx);
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    await upsert(tx, deps, ctx, ctx.viewer.participantId!, {
      answers_enc: seal(key, answersText.write(answers)),
      submitted_at: now,
    });
    await audit(tx, deps, ctx, 'preparation.saved', ctx.viewer.participantId!);
    return { answers, submittedAt: now };
  });
}

export async function saveMediatorNote(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  participantId: string,
  { note }: { note: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireMediator(ctx, 'Only the mediator adds notes to a preparation.');
    if (!parties(ctx).some((p) => p.id === participantId))
      throw invalid('participantId', 'not a party on this case');
    const key = await caseKey(tx, deps, caseId);
    await upsert(tx, deps, ctx, participantId, { mediator_note_enc: seal(key, note) });
    await audit(tx, deps, ctx, 'preparation.mediator_note_saved', participantId);
    return { participantId, saved: true as const };
  });
}

// For other areas: retention purges a closed case's preparation.

/** Removes every party's preparation on a case; returns how many went. */
export const purgeCasePreparations = (db: Executor, caseId: string) =>
  repo.deleteCasePreparations(db, caseId);

/**
 * A party's own preparation answers on their cases (their data export). The mediator's note on
 * them is the mediator's words, not theirs, and is left out.
 */
export async function preparationsOf(
  db: Executor,
  deps: Deps,
  places: readonly { caseId: string; participantId: string }[],
) {
  const out = [];
  for (const p of places) {
    const row = await repo.findPreparation(db, p.caseId, p.participantId);
    if (!row?.answers_enc) continue;
    out.push({
      caseId: p.caseId,
      answers: openAnswers(await caseKey(db, deps, p.caseId), row.answers_enc),
      submittedAt: row.submitted_at,
    });
  }
  return out;
}

/** Removes a person's own preparation on their cases (their account's deletion); returns how many went. */
export async function forgetPreparationsOf(
  db: Executor,
  places: readonly { caseId: string; participantId: string }[],
) {
  let n = 0;
  for (const p of places) n += await repo.deletePreparationOf(db, p.caseId, p.participantId);
  return n;
}
