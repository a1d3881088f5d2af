import type {
  Conversations,
  Message,
  ThreadView,
  WriteMessageBody,
} from '../../../contracts/conversations.ts';
import { SIDES } from '../../../domain/attendance.ts';
import {
  everyoneThreadRefusal,
  readsThread,
  THREADS,
  type Thread,
  talkWritable,
} from '../../../domain/case-talk.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, listRoleHolders } from '../access/access.service.ts';
import { consumePersonQuota } from '../access/throttle.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { coMediatorIds } from '../cases/co-mediators.service.ts';
import { joined } from '../cases/notify.ts';
import {
  attachmentsFor,
  mediatorsOf,
  refuseProtectedContact,
  requireAttachable,
  requireTalkReadable,
  requireTalkWritable,
  talkViewer,
} from '../documents/talk-access.ts';
import { caseKey, openUnderCaseKeys, seal, unseal } from '../keys/keys.service.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { notifyEach } from '../notifications/notifications.service.ts';
import * as repo from './conversations.repository.ts';

/**
 * Secure messages in a case. Each case has fixed conversations (domain/case-talk.ts): each side
 * with the mediators, the mediators among themselves, the mediators with the program, and — once
 * the mediator opens it, and never on a case with a screening safeguard — everyone at the table.
 * A person is answered only the conversations they read: the other side never sees a private
 * one. The words are sealed under the case's key; the e-mail a message sends says only that
 * there is one. On a safeguarded case no message may carry the protected person's contact
 * details beyond their own side.
 */

type EveryoneState = { open: boolean; safeguarded: boolean };

async function everyoneState(db: Executor, ctx: CaseAccess): Promise<EveryoneState> {
  return {
    open: (await repo.openedThreads(db, ctx.c.id)).includes('everyone'),
    safeguarded: everyoneThreadRefusal(ctx.c.safeguards) !== null,
  };
}

async function talkContext(db: Executor, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(db, actor, caseId);
  const viewer = talkViewer(ctx);
  const everyone = await everyoneState(db, ctx);
  const all = { open: true, safeguarded: false };
  if (!THREADS.some((t) => readsThread(viewer, t, all)))
    throw forbidden('The case’s messages are for the people on it and the mediator.');
  requireTalkReadable(ctx);
  return { ctx, viewer, everyone };
}

/** A side's parties by name ("Pat and Sam"), in `language`; empty when none has joined. */
const sideNames = (ctx: CaseAccess, side: string, language: Language) =>
  new Intl.ListFormat(language, { type: 'conjunction' }).format(
    ctx.participants
      .filter((p) => p.side === side && p.role === 'party' && p.status === 'active')
      .map((p) => p.name),
  );

/** A conversation's name and who reads it, in words for this viewer, in `language` (the page's). */
function describe(ctx: CaseAccess, thread: Thread, language: Language): { label: string; readers: string } {
  const t = translator(language, 'workspace');
  const said = (label: string, readers: string) => ({
    label: t(`messages.threads.${label}`),
    readers: t(`messages.threads.${readers}`),
  });
  switch (thread) {
    case 'requester':
    case 'respondent': {
      if (!ctx.isMediator) return said('yours', 'yoursReaders');
      const names = sideNames(ctx, thread, language);
      return names
        ? {
            label: t('messages.threads.side', { names }),
            readers: t('messages.threads.sideReaders', { names }),
          }
        : {
            label: t('messages.threads.sideUnnamed', { side: thread }),
            readers: t('messages.threads.sideReadersUnnamed', { side: thread }),
          };
    }
    case 'mediators':
      return said('mediators', 'mediatorsReaders');
    case 'program':
      return {
        label: t('messages.threads.program', { mediator: ctx.isMediator ? 'yes' : 'no' }),
        readers: t('messages.threads.programReaders'),
      };
    case 'everyone':
      return said('everyone', 'everyoneReaders');
  }
}

async function present(
  db: Executor,
  deps: Deps,
  ctx: CaseAccess,
  key: Buffer,
  row: Awaited<ReturnType<typeof repo.listMessages>>[number],
  language: Language,
): Promise<Message> {
  const attached = await attachmentsFor(db, deps, ctx, row.document_ids);
  return {
    id: row.id,
    author: row.author_name ?? translator(language, 'workspace')('messages.threads.someoneWhoLeft'),
    mine: row.author_id === ctx.viewer.userId,
    body: unseal(key, row.body_enc),
    sentAt: row.created_at,
    attachments: attached.visible,
    hiddenAttachments: attached.hidden,
  };
}

async function view(
  db: Executor,
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language,
): Promise<Conversations> {
  const { ctx, viewer, everyone } = await talkContext(db, actor, caseId);
  const hasCoMediators = (await coMediatorIds(db, caseId)).length > 0;
  const threads = THREADS.filter(
    (t) => readsThread(viewer, t, everyone) && (t !== 'mediators' || hasCoMediators),
  );
  const key = await caseKey(db, deps, caseId);
  const rows = await repo.listMessages(db, caseId, threads);
  const writable = talkWritable(ctx.c.state);
  const out: ThreadView[] = [];
  for (const thread of threads) {
    const messages: Message[] = [];
    for (const row of rows.filter((r) => r.thread === thread))
      messages.push(await present(db, deps, ctx, key, row, language));
    out.push({ id: thread, ...describe(ctx, thread, language), messages, can: { write: writable } });
  }
  const refusal = everyoneThreadRefusal(ctx.c.safeguards);
  return {
    threads: out,
    everyoneRefused: ctx.isMediator ? refusal : null,
    can: { openEveryone: refusalOf(() => requireOpenable(ctx, everyone)) === null },
  };
}

/** A case's conversations as the viewer reads them, named in `language` (the page's). */
export const listConversations = (
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
) => view(deps.db, deps, actor, caseId, language);

function requireOpenable(ctx: CaseAccess, everyone: EveryoneState) {
  if (!ctx.isMediator) throw forbidden('Only the mediator can open a conversation with everyone.');
  requireTalkWritable(ctx);
  const refusal = everyoneThreadRefusal(ctx.c.safeguards);
  if (refusal) throw new AppError('RULE_VIOLATION', refusal);
  if (everyone.open) throw new AppError('CONFLICT', 'The conversation with everyone is already open.');
}

/** The mediator opens the all-participants conversation (never on a safeguarded case). */
export async function openThread(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  thread: Thread,
  language: Language = DEFAULT_LANGUAGE,
) {
  return inTransaction(deps.db, async (tx) => {
    if (thread !== 'everyone')
      throw invalid('thread', 'can only be the conversation with everyone; the others are always open');
    const { ctx, everyone } = await talkContext(tx, actor, caseId);
    requireOpenable(ctx, everyone);
    const now = deps.clock.now();
    await repo.openThread(tx, { case_id: caseId, thread, opened_by: ctx.viewer.userId, opened_at: iso(now) });
    await recordCaseAudit(tx, ctx, {
      kind: 'case_thread.opened',
      at: now,
      subjectType: 'case',
      subjectId: caseId,
      data: { thread },
    });
    return view(tx, deps, actor, caseId, language);
  });
}

export async function writeMessage(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  thread: Thread,
  input: WriteMessageBody,
): Promise<Message> {
  return inTransaction(deps.db, async (tx) => {
    const { ctx, viewer, everyone } = await talkContext(tx, actor, caseId);
    if (!readsThread(viewer, thread, { open: true, safeguarded: false }))
      throw forbidden(
        'That conversation is not yours: the other side’s words stay between them and the mediator.',
      );
    if (!readsThread(viewer, thread, everyone)) {
      if (everyone.safeguarded)
        throw new AppError('RULE_VIOLATION', everyoneThreadRefusal(ctx.c.safeguards)!);
      throw invalid('thread', 'is not open yet: the mediator opens the conversation with everyone');
    }
    requireTalkWritable(ctx);
    const documentIds = [...new Set(input.documentIds ?? [])];
    await requireAttachable(tx, ctx, documentIds);
    const isSide = (SIDES as readonly string[]).includes(thread);
    await refuseProtectedContact(tx, ctx, 'body', input.body, isSide ? thread : null);
    await consumePersonQuota(tx, deps.clock, ctx.viewer.userId, 'caseMessages');
    const key = await caseKey(tx, deps, caseId);
    const now = deps.clock.now();
    const id = newId();
    await repo.insertMessage(tx, {
      id,
      case_id: caseId,
      thread,
      author_id: ctx.viewer.userId,
      body_enc: seal(key, input.body),
      document_ids: documentIds,
      created_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case_message.sent',
      at: now,
      subjectType: 'case_message',
      subjectId: id,
      data: { thread, attachments: documentIds.length },
    });
    await announceMessage(tx, deps, ctx, thread);
    const attached = await attachmentsFor(tx, deps, ctx, documentIds);
    return {
      id,
      author: ctx.actor.name,
      mine: true,
      body: input.body,
      sentAt: iso(now),
      attachments: attached.visible,
      hiddenAttachments: attached.hidden,
    };
  });
}

/**
 * Tells the conversation's other readers that there is a new message: a notification (under the
 * bell, and by e-mail or in the digest as each person chose) with the way to it, never its words.
 */
async function announceMessage(tx: Tx, deps: Deps, ctx: CaseAccess, thread: Thread) {
  const mediators = await mediatorsOf(tx, ctx);
  const readers =
    thread === 'requester' || thread === 'respondent'
      ? [...mediators, ...joined(ctx.participants, thread)]
      : thread === 'everyone'
        ? [...mediators, ...joined(ctx.participants)]
        : thread === 'program'
          ? [
              ...mediators,
              ...(await listRoleHolders(tx, ctx.c.program_id, 'coordinator')).map((u) => ({ userId: u.id })),
            ]
          : mediators;
  await notifyEach(
    tx,
    deps,
    readers.map((r) => r.userId).filter((id) => id !== ctx.viewer.userId),
    { kind: 'message', caseId: ctx.c.id, link: `/cases/${ctx.c.id}/messages`, title: titled('newMessage') },
  );
}

// ---- For other areas ----

/** A person's own messages on every case, their words opened (their data export). */
export const messagesBy = async (db: Executor, deps: Pick<Deps, 'config' | 'clock'>, userId: string) =>
  openUnderCaseKeys(db, deps, await repo.messagesBy(db, userId), (r, open) => ({
    caseId: r.case_id,
    conversation: r.thread,
    sentAt: r.created_at,
    words: open(r.body_enc),
  }));

/** Removes a case's messages (retention's early purge of confidential words); returns how many went. */
export const purgeCaseMessages = (db: Executor, caseId: string) => repo.deleteCaseMessages(db, caseId);
