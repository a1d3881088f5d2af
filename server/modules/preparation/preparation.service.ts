import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parties } from '../cases/case-context.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import {
  loadMediation,
  type MediationContext,
  requireInMediation,
  requireMediator,
} from '../sessions/mediation-context.ts';

/**
 * Preparation for mediation (the pre-mediation meeting): each party writes down their view, their
 * goals, their worries and ideas for solutions, and the mediator adds a note. Seen by that party
 * and the mediator only; stored encrypted under the case's key.
 */
export type PreparationAnswers = { perspective: string; goals: string; concerns: string; solutions: string };
export const EMPTY: PreparationAnswers = { perspective: '', goals: '', concerns: '', solutions: '' };

const findPrep = (ctx: MediationContext, db: Executor, participantId: string) =>
  db
    .selectFrom('case_preparations')
    .selectAll()
    .where('case_id', '=', ctx.c.id)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

async function audit(
  tx: Tx,
  deps: Deps,
  ctx: MediationContext,
  kind: `${string}.${string}`,
  participantId: string,
) {
  await recordAudit(tx, {
    kind,
    at: deps.clock.now(),
    actorId: ctx.actor.userId,
    programId: ctx.c.program_id,
    caseId: ctx.c.id,
    subjectType: 'case_participant',
    subjectId: participantId,
    data: { participantId },
  });
}

export async function getPreparation(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const key = await caseKey(tx, deps, caseId);
    if (ctx.isMediator) {
      const out = [];
      for (const p of parties(ctx)) {
        const row = await findPrep(ctx, tx, p.id);
        out.push({
          participantId: p.id,
          name: p.name,
          side: p.side,
          answers: row?.answers_enc ? (JSON.parse(unseal(key, row.answers_enc)) as PreparationAnswers) : null,
          submittedAt: row?.submitted_at ?? null,
          mediatorNote: row?.mediator_note_enc ? unseal(key, row.mediator_note_enc) : '',
        });
        await audit(tx, deps, ctx, 'preparation.read', p.id);
      }
      return { role: 'mediator' as const, parties: out };
    }
    if (ctx.viewer.kind !== 'party')
      throw forbidden('Preparation answers are seen only by the party who wrote them and the mediator.');
    const row = await findPrep(ctx, tx, ctx.viewer.participantId!);
    return {
      role: 'party' as const,
      answers: row?.answers_enc ? (JSON.parse(unseal(key, row.answers_enc)) as PreparationAnswers) : EMPTY,
      submittedAt: row?.submitted_at ?? null,
    };
  });
}

async function upsert(
  tx: Tx,
  deps: Deps,
  ctx: MediationContext,
  participantId: string,
  patch: { answers_enc?: string; mediator_note_enc?: string; submitted_at?: string },
) {
  const now = iso(deps.clock.now());
  const existing = await findPrep(ctx, tx, participantId);
  if (existing) {
    await tx
      .updateTable('case_preparations')
      .set({ ...patch, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await tx
      .insertInto('case_preparations')
      .values({
        id: newId(),
        case_id: ctx.c.id,
        participant_id: participantId,
        answers_enc: null,
        mediator_note_enc: null,
        submitted_at: null,
        ...patch,
        updated_at: now,
      })
      .execute();
  }
}

export async function savePreparation(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  answers: PreparationAnswers,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    if (ctx.viewer.kind !== 'party') throw forbidden('Each party fills in their own preparation.');
    requireInMediation(ctx);
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    await upsert(tx, deps, ctx, ctx.viewer.participantId!, {
      answers_enc: seal(key, JSON.stringify(answers)),
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
  note: string,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireMediator(ctx, 'Only the mediator adds notes to a preparation.');
    if (!parties(ctx).some((p) => p.id === participantId))
      throw invalid('participantId', 'not a party on this case');
    const key = await caseKey(tx, deps, caseId);
    await upsert(tx, deps, ctx, participantId, { mediator_note_enc: seal(key, note) });
    await audit(tx, deps, ctx, 'preparation.mediator_note_saved', participantId);
    return { participantId, saved: true };
  });
}
