/**
 * Who may open a case's document folder, which documents a viewer sees and may show to whom, and
 * each document as its viewer reads it, with what they may do next.
 */
import type { CaseDocument } from '../../../contracts/documents.ts';
import { everyoneThreadRefusal, seesDocument, type Visibility } from '../../../domain/case-talk.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { forbidden, invalid, notFound, refusalOf } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { caseKey, unseal } from '../keys/keys.service.ts';
import type { CaseDocumentAuditKind } from './documents.audit.ts';
import * as repo from './documents.repository.ts';
import { requireTalkReadable, requireTalkWritable, talkViewer } from './talk-access.ts';

export const ONLY_UPLOADER = 'Only the person who uploaded this document can do that.';

export async function folderContext(tx: Executor, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  const v = ctx.viewer.kind;
  if (!ctx.isMediator && v !== 'party' && v !== 'companion')
    throw forbidden('The case’s documents are for the people at the table and the mediator.');
  requireTalkReadable(ctx);
  return ctx;
}

export const safeguardRefusal = (ctx: CaseAccess) => everyoneThreadRefusal(ctx.c.safeguards);

/** Who this viewer may show a file to: a party on a safeguarded case, only the mediator. */
export function visibilitiesFor(ctx: CaseAccess): Visibility[] {
  return ctx.isMediator || !safeguardRefusal(ctx) ? ['mediator', 'everyone'] : ['mediator'];
}

export function requireVisibilityAllowed(ctx: CaseAccess, visibility: Visibility) {
  if (!visibilitiesFor(ctx).includes(visibility))
    throw invalid(
      'visibility',
      'can only be the mediator on this case: screening set a safeguard, so the mediator shares files with the other side, with your consent',
    );
}

export async function audit(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  kind: CaseDocumentAuditKind,
  id: string,
  data = {},
) {
  await recordCaseAudit(tx, ctx, {
    kind,
    at: deps.clock.now(),
    subjectType: 'case_document',
    subjectId: id,
    data,
  });
}

export type Doc = repo.DocumentRow;

export function present(ctx: CaseAccess, key: Buffer, doc: Doc, versions: repo.VersionRow[]): CaseDocument {
  const mine = doc.uploader_id === ctx.viewer.userId;
  const writable = refusalOf(() => requireTalkWritable(ctx)) === null;
  const pending = doc.share_asked_at !== null && doc.share_answer === null;
  const own = versions.filter((v) => v.document_id === doc.id);
  return {
    id: doc.id,
    name: own[0] ? unseal(key, own[0].name_enc) : 'Document',
    uploadedBy: doc.uploader_name ?? 'Someone who has left Parley',
    mine,
    visibility: doc.visibility,
    shareAsked: pending,
    shareAnswer: doc.share_answer,
    versions: own.map((v) => ({
      version: v.version,
      name: unseal(key, v.name_enc),
      size: Number(v.size),
      contentType: v.content_type,
      uploadedBy: v.uploader_name ?? 'Someone who has left Parley',
      uploadedAt: v.created_at,
    })),
    can: {
      addVersion: writable && mine,
      shareWithEveryone:
        writable && mine && doc.visibility === 'mediator' && visibilitiesFor(ctx).includes('everyone'),
      askToShare: writable && ctx.isMediator && !mine && doc.visibility === 'mediator' && !pending,
      answerShare: writable && mine && pending,
    },
  };
}

export async function documentFor(
  tx: Executor,
  deps: Deps,
  ctx: CaseAccess,
  documentId: string,
): Promise<CaseDocument> {
  const doc = await repo.findDocument(tx, ctx.c.id, documentId);
  if (!doc) throw notFound('That document');
  const key = await caseKey(tx, deps, ctx.c.id);
  return present(ctx, key, doc, await repo.listVersions(tx, [doc.id]));
}

/** The document, if this viewer may see it; else "not found" (its existence is not revealed). */
export async function visibleDocument(tx: Executor, ctx: CaseAccess, documentId: string) {
  const doc = await repo.findDocument(tx, ctx.c.id, documentId);
  if (!doc || !seesDocument(talkViewer(ctx), { uploaderId: doc.uploader_id, visibility: doc.visibility }))
    throw notFound('That document');
  return doc;
}
