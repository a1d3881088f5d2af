import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import { loadMediation, type MediationContext, requireMediator } from '../sessions/mediation-context.ts';

/**
 * The mediator's private notes (caucus, session, general). The mediator's and co-mediators' alone:
 * never parties, coordinators, reports, exports, e-mail or logs. Encrypted under the case's key;
 * the audit trail records that a note was written or read, never its words.
 */
export const NOTE_KINDS = ['caucus', 'session', 'general'] as const;
const ONLY = 'These notes are the mediator’s alone.';

async function audit(
  tx: Tx,
  deps: Deps,
  ctx: MediationContext,
  kind: `${string}.${string}`,
  noteId: string | null,
) {
  await recordAudit(tx, {
    kind,
    at: deps.clock.now(),
    actorId: ctx.actor.userId,
    programId: ctx.c.program_id,
    caseId: ctx.c.id,
    subjectType: 'case_note',
    subjectId: noteId,
    data: {},
  });
}

async function mediatorContext(tx: Tx, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  requireMediator(ctx, ONLY);
  return ctx;
}

export async function listNotes(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    const key = await caseKey(tx, deps, caseId);
    const rows = await tx
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    const ids = [...new Set(rows.map((r) => r.author_id))];
    const authors = ids.length
      ? await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
      : [];
    await audit(tx, deps, ctx, 'note.read', null);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      sessionId: r.session_id,
      body: unseal(key, r.body_enc),
      author: authors.find((a) => a.id === r.author_id)?.name ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  });
}

export async function writeNote(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { kind: (typeof NOTE_KINDS)[number]; sessionId?: string | undefined; body: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    if (input.sessionId) {
      const s = await tx
        .selectFrom('case_sessions')
        .select('id')
        .where('case_id', '=', caseId)
        .where('id', '=', input.sessionId)
        .executeTakeFirst();
      if (!s) throw invalid('sessionId', 'no such session on this case');
    }
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    const id = newId();
    await tx
      .insertInto('case_notes')
      .values({
        id,
        case_id: caseId,
        session_id: input.sessionId ?? null,
        kind: input.kind,
        author_id: ctx.actor.userId,
        body_enc: seal(key, input.body),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, deps, ctx, 'note.written', id);
    return {
      id,
      kind: input.kind,
      sessionId: input.sessionId ?? null,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    };
  });
}

export async function updateNote(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  noteId: string,
  body: string,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    const row = await tx
      .selectFrom('case_notes')
      .select('id')
      .where('case_id', '=', caseId)
      .where('id', '=', noteId)
      .executeTakeFirst();
    if (!row) throw notFound('That note');
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    await tx
      .updateTable('case_notes')
      .set({ body_enc: seal(key, body), updated_at: now })
      .where('id', '=', noteId)
      .execute();
    await audit(tx, deps, ctx, 'note.updated', noteId);
    return { id: noteId, body, updatedAt: now };
  });
}

/** The case's mediator brings in a co-mediator from the program's mediators. */
export async function addCoMediator(deps: Deps, actor: Actor | null, caseId: string, userId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    if (ctx.c.mediator_id !== ctx.actor.userId)
      throw forbidden('Only the case’s mediator adds a co-mediator.');
    const grants = await tx
      .selectFrom('role_grants')
      .select(['role', 'scope'])
      .where('user_id', '=', userId)
      .execute();
    const isMediator = grants.some((g) => g.role === 'mediator' && g.scope === ctx.c.program_id);
    if (!isMediator) throw invalid('userId', 'not a mediator in this program');
    if (userId === ctx.c.mediator_id) throw new AppError('CONFLICT', 'That person is already the mediator.');
    await tx
      .insertInto('case_co_mediators')
      .values({
        case_id: caseId,
        user_id: userId,
        added_by: ctx.actor.userId,
        added_at: iso(deps.clock.now()),
      })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .execute();
    await recordAudit(tx, {
      kind: 'case.co_mediator_added',
      at: deps.clock.now(),
      actorId: ctx.actor.userId,
      programId: ctx.c.program_id,
      caseId,
      subjectType: 'user',
      subjectId: userId,
      data: {},
    });
    return { caseId, userId };
  });
}

/**
 * The case's co-mediators, and (for the case's mediator) the program's other mediators who could
 * join. Co-mediators see the list too; nobody else does.
 */
export async function listCoMediators(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireMediator(ctx, 'Only the mediators of this case see who co-mediates it.');
  const current = await deps.db
    .selectFrom('case_co_mediators')
    .innerJoin('users', 'users.id', 'case_co_mediators.user_id')
    .select(['users.id as userId', 'users.name as name'])
    .where('case_co_mediators.case_id', '=', caseId)
    .orderBy('users.name')
    .execute();
  const isLead = ctx.c.mediator_id === ctx.actor.userId;
  const taken = new Set([ctx.c.mediator_id, ...current.map((m) => m.userId)]);
  const candidates = isLead
    ? (
        await deps.db
          .selectFrom('role_grants')
          .innerJoin('users', 'users.id', 'role_grants.user_id')
          .select(['users.id as userId', 'users.name as name'])
          .where('role_grants.role', '=', 'mediator')
          .where('role_grants.scope', '=', ctx.c.program_id)
          .where('users.disabled_at', 'is', null)
          .orderBy('users.name')
          .execute()
      ).filter((m) => !taken.has(m.userId))
    : [];
  return { coMediators: current, candidates, canAdd: isLead };
}
