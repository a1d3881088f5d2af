import {
  type Contact,
  carriesContact,
  seesDocument,
  type TalkViewer,
  talkReadable,
  talkWritable,
} from '../../../domain/case-talk.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { findUsers } from '../accounts/accounts.service.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { coMediatorIds } from '../cases/co-mediators.service.ts';
import { caseKey, unseal } from '../keys/keys.service.ts';
import * as repo from './documents.repository.ts';

/**
 * Talking and sharing on a case, for the document folder and the case's messages alike: who the
 * viewer is at the table, when messages and documents open and close, and the screening
 * safeguards that keep a protected person's contact details from the other side; and the
 * folder's documents a message may carry.
 */

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

// ---- Documents attached to messages ----

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
