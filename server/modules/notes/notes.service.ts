import type { Note, WriteNoteBody } from '../../../contracts/notes.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { findUsers } from '../accounts/accounts.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit, requireMediator } from '../cases/case-access.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import { sessionOnCase } from '../sessions/sessions.service.ts';
import type { NoteAuditKind } from './notes.audit.ts';
import * as repo from './notes.repository.ts';

/**
 * The mediator's private notes (caucus, session, general). The mediator's and co-mediators' alone:
 * never parties, coordinators, reports, exports, e-mail or logs. Encrypted under the case's key;
 * the audit trail records that a note was written or read, never its words.
 */
const ONLY = 'These notes are the mediator’s alone.';

async function audit(tx: Tx, deps: Deps, ctx: CaseAccess, kind: NoteAuditKind, noteId: string | null) {
  await recordCaseAudit(tx, ctx, {
    kind,
    at: deps.clock.now(),
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

export async function listNotes(deps: Deps, actor: Actor | null, caseId: string): Promise<Note[]> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    const key = await caseKey(tx, deps, caseId);
    const rows = await repo.listNotes(tx, caseId);
    const authors = await findUsers(tx, [...new Set(rows.map((r) => r.author_id))]);
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
  input: WriteNoteBody,
): Promise<Note> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    if (input.sessionId) {
      if (!(await sessionOnCase(tx, caseId, input.sessionId)))
        throw invalid('sessionId', 'no such session on this case');
    }
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    const id = newId();
    await repo.insertNote(tx, {
      id,
      case_id: caseId,
      session_id: input.sessionId ?? null,
      kind: input.kind,
      author_id: ctx.actor.userId,
      body_enc: seal(key, input.body),
      created_at: now,
      updated_at: now,
    });
    await audit(tx, deps, ctx, 'note.written', id);
    return {
      id,
      kind: input.kind,
      sessionId: input.sessionId ?? null,
      body: input.body,
      author: ctx.actor.name,
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
  { body }: { body: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await mediatorContext(tx, actor, caseId);
    if (!(await repo.findNote(tx, caseId, noteId))) throw notFound('That note');
    const key = await caseKey(tx, deps, caseId);
    const now = iso(deps.clock.now());
    await repo.updateNoteBody(tx, noteId, seal(key, body), now);
    await audit(tx, deps, ctx, 'note.updated', noteId);
    return { id: noteId, body, updatedAt: now };
  });
}

// For other areas: retention purges a closed case's notes.

/** Removes every note of a case; returns how many went. */
export const purgeCaseNotes = (db: Executor, caseId: string) => repo.deleteCaseNotes(db, caseId);
