import type {
  AddVersionBody,
  CaseDocument,
  DocumentFolder,
  UploadDocumentBody,
} from '../../../contracts/documents.ts';
import {
  type Contact,
  carriesContact,
  everyoneThreadRefusal,
  seesDocument,
  type TalkViewer,
  talkReadable,
  talkWritable,
  type Visibility,
} from '../../../domain/case-talk.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { findUsers } from '../accounts/accounts.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { coMediatorIds } from '../cases/co-mediators.service.ts';
import { joined } from '../cases/notify.ts';
import { checkUpload, readFile, removeFile, storeFile } from '../files/files.service.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import { notifyEach } from '../notifications/notifications.service.ts';
import type { CaseDocumentAuditKind } from './documents.audit.ts';
import * as repo from './documents.repository.ts';

/**
 * A case's document folder. Each person at the table uploads files (checked by the files area:
 * type by content, size by kind, pictures written again) and chooses who sees each: the
 * mediators only, or everyone at the table. The mediator shares a file more widely only when its
 * uploader agrees. A new version keeps the old ones. The bytes and the names are sealed under the
 * case's key; downloads are recorded in the audit trail. On a case with a screening safeguard,
 * a party's files go to the mediator only (the mediator shares them with the uploader's consent),
 * and no file's name may carry the protected person's contact details.
 */

/** The purpose of a case document's stored file: its bytes are sealed under the case's key. */
export const CASE_DOCUMENT_PURPOSE = 'case-document';

// ---- Talking and sharing on a case: the viewer and the safeguards (the messages area asks too) ----

export function talkViewer(ctx: CaseAccess): TalkViewer & { userId: string } {
  // The court reads its cases on the court's pages only (loadCourtCase): never the talk on a case.
  if (ctx.viewer.kind === 'court') throw forbidden('Messages and documents are for the people on the case.');
  return {
    place: ctx.viewer.kind,
    side: ctx.viewer.side,
    mediator: ctx.isMediator,
    userId: ctx.viewer.userId,
  };
}

/** Messages and documents start once everyone signed the Agreement to Mediate. */
export function requireTalkReadable(ctx: CaseAccess) {
  if (!talkReadable(ctx.c.state))
    throw new AppError(
      'INVALID_TRANSITION',
      'Messages and documents open once everyone has signed the Agreement to Mediate.',
    );
}

export function requireTalkWritable(ctx: CaseAccess) {
  requireTalkReadable(ctx);
  if (!talkWritable(ctx.c.state))
    throw new AppError(
      'INVALID_TRANSITION',
      'This case is closed: its messages and documents are kept to read.',
    );
}

/** The people a screening safeguard protects, each with their side and contact details. */
export async function protectedPeople(
  db: Executor,
  ctx: CaseAccess,
): Promise<{ side: string; participantId: string; contact: Contact }[]> {
  const ids = new Set(ctx.c.safeguards.map((s) => s.participantId));
  const people = ctx.participants.filter((p) => p.hide_contact === 1 || ids.has(p.id));
  if (people.length === 0) return [];
  const users = await findUsers(
    db,
    people.flatMap((p) => (p.user_id ? [p.user_id] : [])),
  );
  return people.map((p) => ({
    side: p.side,
    participantId: p.id,
    contact: {
      emails: [p.email, users.find((u) => u.id === p.user_id)?.email].filter((e): e is string => Boolean(e)),
      phone: p.phone,
      address: p.address,
    },
  }));
}

/**
 * Refuses words that would carry a protected person's contact details to anyone beyond their own
 * side and the mediators (`seenBySide`: the one side that alone reads them with the mediators, or
 * null when others may).
 */
export async function refuseProtectedContact(
  db: Executor,
  ctx: CaseAccess,
  field: string,
  text: string,
  seenBySide: string | null,
) {
  const others = (await protectedPeople(db, ctx)).filter((p) => p.side !== seenBySide);
  if (
    carriesContact(
      text,
      others.map((p) => p.contact),
    )
  )
    throw invalid(
      field,
      'carries contact details that screening keeps hidden on this case; please take them out',
    );
}

/** The case's mediators as people to write to: the accepted mediator and the co-mediators. */
export async function mediatorsOf(db: Executor, ctx: CaseAccess) {
  const ids = [
    ...(ctx.c.mediator_id && ctx.c.mediator_status === 'accepted' ? [ctx.c.mediator_id] : []),
    ...(await coMediatorIds(db, ctx.c.id)),
  ];
  return (await findUsers(db, ids)).map((u) => ({ email: u.email, userId: u.id, name: u.name }));
}

// ---- The folder ----

const ONLY_UPLOADER = 'Only the person who uploaded this document can do that.';

async function folderContext(tx: Executor, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  const v = ctx.viewer.kind;
  if (!ctx.isMediator && v !== 'party' && v !== 'companion')
    throw forbidden('The case’s documents are for the people at the table and the mediator.');
  requireTalkReadable(ctx);
  return ctx;
}

const safeguardRefusal = (ctx: CaseAccess) => everyoneThreadRefusal(ctx.c.safeguards);

/** Who this viewer may show a file to: a party on a safeguarded case, only the mediator. */
function visibilitiesFor(ctx: CaseAccess): Visibility[] {
  return ctx.isMediator || !safeguardRefusal(ctx) ? ['mediator', 'everyone'] : ['mediator'];
}

function requireVisibilityAllowed(ctx: CaseAccess, visibility: Visibility) {
  if (!visibilitiesFor(ctx).includes(visibility))
    throw invalid(
      'visibility',
      'can only be the mediator on this case: screening set a safeguard, so the mediator shares files with the other side, with your consent',
    );
}

async function audit(
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

type Doc = repo.DocumentRow;

function present(ctx: CaseAccess, key: Buffer, doc: Doc, versions: repo.VersionRow[]): CaseDocument {
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

async function documentFor(
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
async function visibleDocument(tx: Executor, ctx: CaseAccess, documentId: string) {
  const doc = await repo.findDocument(tx, ctx.c.id, documentId);
  if (!doc || !seesDocument(talkViewer(ctx), { uploaderId: doc.uploader_id, visibility: doc.visibility }))
    throw notFound('That document');
  return doc;
}

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

// ---- Telling people ----

/**
 * A notification for the folder (under the bell, and by e-mail or in the digest as each person
 * chose): that something happened and the way to it, never a file's name.
 */
async function tell(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  kind: 'shared' | 'share-asked',
  to: { userId: string | null }[],
) {
  await notifyEach(
    tx,
    deps,
    to.map((p) => p.userId).filter((id) => id !== ctx.viewer.userId),
    {
      kind: 'document',
      caseId: ctx.c.id,
      link: `/cases/${ctx.c.id}/documents`,
      title: kind === 'shared' ? 'Document shared' : 'The mediator asks to share one of your documents',
    },
  );
}

/** Tells the people who may now open a document that it was shared with them. */
async function announceDocument(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  doc: { uploaderId: string | null; visibility: Visibility },
) {
  const mediators = await mediatorsOf(tx, ctx);
  const table = doc.visibility === 'everyone' ? joined(ctx.participants) : [];
  await tell(tx, deps, ctx, 'shared', [
    ...mediators,
    ...table,
    ...ctx.participants
      .filter((p) => p.user_id === doc.uploaderId && p.status === 'active')
      .map((p) => ({ email: p.email, userId: p.user_id, name: p.name })),
  ]);
}

// ---- For other areas ----

/** The names of the attached documents this viewer may open, and how many they may not. */
export async function attachmentsFor(db: Executor, deps: Deps, ctx: CaseAccess, ids: readonly string[]) {
  if (ids.length === 0) return { visible: [], hidden: 0 };
  const viewer = talkViewer(ctx);
  const docs = (await repo.listDocuments(db, ctx.c.id)).filter((d) => ids.includes(d.id));
  const seen = docs.filter((d) =>
    seesDocument(viewer, { uploaderId: d.uploader_id, visibility: d.visibility }),
  );
  const key = await caseKey(db, deps, ctx.c.id);
  const versions = await repo.listVersions(
    db,
    seen.map((d) => d.id),
  );
  return {
    visible: seen.flatMap((d) => {
      const latest = versions.find((v) => v.document_id === d.id);
      return latest
        ? [{ documentId: d.id, name: unseal(key, latest.name_enc), version: Number(latest.version) }]
        : [];
    }),
    hidden: ids.length - seen.length,
  };
}

/** Refuses attaching a document the writer may not see (or that is not on the case). */
export async function requireAttachable(db: Executor, ctx: CaseAccess, ids: readonly string[]) {
  const viewer = talkViewer(ctx);
  const docs = await repo.listDocuments(db, ctx.c.id);
  for (const id of ids) {
    const doc = docs.find((d) => d.id === id);
    if (!doc || !seesDocument(viewer, { uploaderId: doc.uploader_id, visibility: doc.visibility }))
      throw invalid('documentIds', 'names a document that is not in this case’s folder');
  }
}

/** The document versions a person uploaded, their names and bytes opened (their data export). */
export async function documentsUploadedBy(
  db: Executor,
  deps: Pick<Deps, 'config' | 'clock'>,
  userId: string,
) {
  const rows = await repo.versionsUploadedBy(db, userId);
  const out = [];
  for (const r of rows) {
    const key = await caseKey(db, deps, r.case_id);
    const file = await readFile(db, r.file_id);
    if (!file) continue;
    out.push({
      caseId: r.case_id,
      documentId: r.document_id,
      version: Number(r.version),
      name: unseal(key, r.name_enc),
      visibility: r.visibility,
      contentType: r.content_type,
      size: Number(r.size),
      uploadedAt: r.created_at,
      data: Buffer.from(unseal(key, file.data.toString('utf8')), 'base64'),
    });
  }
  return out;
}

/** Removes a case's documents and their files (retention); returns how many documents went. */
export async function purgeCaseDocuments(db: Executor, caseId: string) {
  const files = await repo.caseVersionFileIds(db, caseId);
  const removed = await repo.deleteCaseDocuments(db, caseId);
  for (const id of files) await removeFile(db, id);
  return removed;
}
