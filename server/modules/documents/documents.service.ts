import type {
  AddVersionBody,
  CaseDocument,
  DocumentFolder,
  UploadDocumentBody,
} from '../../../contracts/documents.ts';
import { seesDocument, type Visibility } from '../../../domain/case-talk.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { forbidden, notFound, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { checkUpload, readFile, removeFile, storeFile } from '../files/files.service.ts';
import { caseKey, openUnderCaseKeys, seal, unseal } from '../keys/keys.service.ts';
import * as repo from './documents.repository.ts';
import {
  audit,
  documentFor,
  folderContext,
  ONLY_UPLOADER,
  present,
  requireVisibilityAllowed,
  safeguardRefusal,
  visibilitiesFor,
  visibleDocument,
} from './folder.ts';
import { announceDocument } from './notify.ts';
import { refuseProtectedContact, requireTalkWritable, talkViewer } from './talk-access.ts';

/**
 * A case's document folder. Each person at the table uploads files (checked by the files area:
 * type by content, size by kind, pictures written again) and chooses who sees each: the
 * mediators only, or everyone at the table. The mediator shares a file more widely only when its
 * uploader agrees. A new version keeps the old ones. The bytes and the names are sealed under the
 * case's key; downloads are recorded in the audit trail. On a case with a screening safeguard,
 * a party's files go to the mediator only (the mediator shares them with the uploader's consent),
 * and no file's name may carry the protected person's contact details. Who sees what is
 * folder.ts's; sharing a file more widely, sharing.service.ts's.
 */

/** The purpose of a case document's stored file: its bytes are sealed under the case's key. */
export const CASE_DOCUMENT_PURPOSE = 'case-document';

export async function listDocuments(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
): Promise<DocumentFolder> {
  const ctx = await folderContext(deps.db, actor, caseId);
  const viewer = talkViewer(ctx);
  const docs = (await repo.listDocuments(deps.db, caseId)).filter((d) =>
    seesDocument(viewer, { uploaderId: d.uploader_id, visibility: d.visibility }),
  );
  const key = await caseKey(deps.db, deps, caseId);
  const versions = await repo.listVersions(
    deps.db,
    docs.map((d) => d.id),
  );
  return {
    documents: docs.map((d) => present(ctx, key, d, versions)),
    visibilities: visibilitiesFor(ctx),
    everyoneRefused: visibilitiesFor(ctx).includes('everyone') ? null : safeguardRefusal(ctx),
    can: { upload: refusalOf(() => requireTalkWritable(ctx)) === null },
  };
}

/** Checks and keeps one version's file, its bytes and name sealed; returns the version's row. */
async function storeVersion(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  documentId: string,
  version: number,
  upload: UploadDocumentBody['file'],
  visibility: Visibility,
) {
  const file = await checkUpload('file', upload, 'caseDocument');
  // A name the other side may read never carries the protected person's whereabouts.
  await refuseProtectedContact(
    tx,
    ctx,
    'file',
    file.filename,
    visibility === 'mediator' ? ctx.viewer.side : null,
  );
  const key = await caseKey(tx, deps, ctx.c.id);
  const fileId = await storeFile(tx, deps, {
    purpose: CASE_DOCUMENT_PURPOSE,
    filename: 'sealed',
    contentType: 'application/octet-stream',
    bytes: Buffer.from(seal(key, file.bytes.toString('base64')), 'utf8'),
    ownerId: null,
    programId: ctx.c.program_id,
    caseId: ctx.c.id,
  });
  await repo.insertVersion(tx, {
    id: newId(),
    document_id: documentId,
    version,
    file_id: fileId,
    name_enc: seal(key, file.filename),
    content_type: file.contentType,
    size: file.bytes.length,
    uploaded_by: ctx.viewer.userId,
    created_at: iso(deps.clock.now()),
  });
}

export async function uploadDocument(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: UploadDocumentBody,
): Promise<CaseDocument> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    requireTalkWritable(ctx);
    requireVisibilityAllowed(ctx, input.visibility);
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertDocument(tx, {
      id,
      case_id: caseId,
      uploader_id: ctx.viewer.userId,
      visibility: input.visibility,
      share_asked_by: null,
      share_asked_at: null,
      share_answer: null,
      created_at: now,
      updated_at: now,
    });
    await storeVersion(tx, deps, ctx, id, 1, input.file, input.visibility);
    await audit(tx, deps, ctx, 'case_document.uploaded', id, { visibility: input.visibility, version: 1 });
    await announceDocument(tx, deps, ctx, { uploaderId: ctx.viewer.userId, visibility: input.visibility });
    return documentFor(tx, deps, ctx, id);
  });
}

export async function addDocumentVersion(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  input: AddVersionBody,
): Promise<CaseDocument> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    const doc = await visibleDocument(tx, ctx, documentId);
    requireTalkWritable(ctx);
    if (doc.uploader_id !== ctx.viewer.userId) throw forbidden(ONLY_UPLOADER);
    const latest = (await repo.listVersions(tx, [doc.id]))[0]?.version ?? 0;
    await storeVersion(tx, deps, ctx, doc.id, latest + 1, input.file, doc.visibility);
    await repo.updateDocument(tx, doc.id, { updated_at: iso(deps.clock.now()) });
    await audit(tx, deps, ctx, 'case_document.version_added', doc.id, { version: latest + 1 });
    await announceDocument(tx, deps, ctx, { uploaderId: ctx.viewer.userId, visibility: doc.visibility });
    return documentFor(tx, deps, ctx, doc.id);
  });
}

export async function downloadDocument(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  documentId: string,
  version: number,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await folderContext(tx, actor, caseId);
    const doc = await visibleDocument(tx, ctx, documentId);
    const row = (await repo.listVersions(tx, [doc.id])).find((v) => v.version === version);
    const file = row && (await readFile(tx, row.file_id));
    if (!row || !file) throw notFound('That version');
    const key = await caseKey(tx, deps, caseId);
    const bytes = Buffer.from(unseal(key, file.data.toString('utf8')), 'base64');
    await audit(tx, deps, ctx, 'case_document.downloaded', doc.id, { version });
    return {
      data: bytes,
      contentType: row.content_type,
      filename: `case-${ctx.c.reference}-document-${doc.id.slice(-6)}-v${version}`,
    };
  });
}

// ---- For other areas ----

/** The document versions a person uploaded, their names and bytes opened (their data export). */
export async function documentsUploadedBy(
  db: Executor,
  deps: Pick<Deps, 'config' | 'clock'>,
  userId: string,
) {
  return openUnderCaseKeys(db, deps, await repo.versionsUploadedBy(db, userId), async (r, open) => {
    const file = await readFile(db, r.file_id);
    if (!file) return null;
    return {
      caseId: r.case_id,
      documentId: r.document_id,
      version: Number(r.version),
      name: open(r.name_enc),
      visibility: r.visibility,
      contentType: r.content_type,
      size: Number(r.size),
      uploadedAt: r.created_at,
      data: Buffer.from(open(file.data.toString('utf8')), 'base64'),
    };
  });
}

/** Removes a case's documents and their files (retention); returns how many documents went. */
export async function purgeCaseDocuments(db: Executor, caseId: string) {
  const files = await repo.caseVersionFileIds(db, caseId);
  const removed = await repo.deleteCaseDocuments(db, caseId);
  for (const id of files) await removeFile(db, id);
  return removed;
}
