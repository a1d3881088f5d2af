/**
 * Who sees a document: the uploader widens it to everyone, or the mediator asks them to and they
 * answer (a party on a safeguarded case shows files to the mediator only).
 */
import type { CaseDocument } from '../../../contracts/documents.ts';
import type { Visibility } from '../../../domain/case-talk.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { caseKey, unseal } from '../keys/keys.service.ts';
import * as repo from './documents.repository.ts';
import {
  audit,
  type Doc,
  documentFor,
  folderContext,
  ONLY_UPLOADER,
  requireVisibilityAllowed,
  visibleDocument,
} from './folder.ts';
import { announceDocument, tell } from './notify.ts';
import { refuseProtectedContact, requireTalkWritable } from './talk-access.ts';

/** The uploader chooses who sees their document (a party on a safeguarded case: the mediator only). */
export async function setDocumentVisibility(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  visibility: Visibility,
): Promise<CaseDocument> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    const doc = await visibleDocument(tx, ctx, documentId);
    requireTalkWritable(ctx);
    if (doc.uploader_id !== ctx.viewer.userId)
      throw forbidden(
        ctx.isMediator
          ? 'Only the person who uploaded this document can choose who sees it. Ask them to share it with everyone.'
          : ONLY_UPLOADER,
      );
    requireVisibilityAllowed(ctx, visibility);
    await widen(tx, deps, ctx, doc, visibility);
    return documentFor(tx, deps, ctx, doc.id);
  });
}

async function widen(tx: Tx, deps: Deps, ctx: CaseAccess, doc: Doc, visibility: Visibility) {
  if (doc.visibility === visibility) return;
  if (visibility === 'everyone') {
    const key = await caseKey(tx, deps, ctx.c.id);
    for (const v of await repo.listVersions(tx, [doc.id]))
      await refuseProtectedContact(tx, ctx, 'visibility', unseal(key, v.name_enc), null);
  }
  await repo.updateDocument(tx, doc.id, { visibility, updated_at: iso(deps.clock.now()) });
  await audit(tx, deps, ctx, 'case_document.visibility_changed', doc.id, {
    from: doc.visibility,
    to: visibility,
  });
  if (visibility === 'everyone')
    await announceDocument(tx, deps, ctx, { uploaderId: doc.uploader_id, visibility });
}

/** The mediator asks the uploader to share their "mediator only" document with everyone. */
export async function askToShareDocument(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  documentId: string,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    const doc = await visibleDocument(tx, ctx, documentId);
    requireTalkWritable(ctx);
    if (!ctx.isMediator) throw forbidden('Only the mediator can ask to share a document more widely.');
    if (doc.uploader_id === ctx.viewer.userId || doc.visibility === 'everyone')
      throw new AppError('CONFLICT', 'This document is yours to share, or already shared with everyone.');
    if (doc.share_asked_at !== null && doc.share_answer === null)
      throw new AppError('CONFLICT', 'You already asked; the uploader has not answered yet.');
    const now = iso(deps.clock.now());
    await repo.updateDocument(tx, doc.id, {
      share_asked_by: ctx.viewer.userId,
      share_asked_at: now,
      share_answer: null,
      updated_at: now,
    });
    await audit(tx, deps, ctx, 'case_document.share_asked', doc.id);
    const uploader = ctx.participants.find((p) => p.user_id === doc.uploader_id && p.status === 'active');
    if (uploader) await tell(tx, deps, ctx, 'share-asked', [{ userId: uploader.user_id }]);
    return documentFor(tx, deps, ctx, doc.id);
  });
}

/** The uploader agrees (the document is then shared with everyone) or refuses (nothing changes). */
export async function answerShareRequest(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  agree: boolean,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    const doc = await visibleDocument(tx, ctx, documentId);
    requireTalkWritable(ctx);
    if (doc.uploader_id !== ctx.viewer.userId) throw forbidden(ONLY_UPLOADER);
    if (doc.share_asked_at === null || doc.share_answer !== null)
      throw new AppError('CONFLICT', 'Nobody is waiting for your answer on this document.');
    if (agree) await widen(tx, deps, ctx, doc, 'everyone');
    await repo.updateDocument(tx, doc.id, {
      share_answer: agree ? 'agreed' : 'refused',
      updated_at: iso(deps.clock.now()),
    });
    await audit(tx, deps, ctx, 'case_document.share_answered', doc.id, { agreed: agree });
    return documentFor(tx, deps, ctx, doc.id);
  });
}
