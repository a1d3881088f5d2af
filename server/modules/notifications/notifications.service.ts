import type {
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  UnreadCount,
} from '../../../contracts/notifications.ts';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import {
  DEFAULT_CHANNEL,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  TEXTED_KINDS,
} from '../../../domain/notifications.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { MailAttachment } from '../../infra/mailer.ts';
import { defineJob } from '../../jobs/runner.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { findUser, findUsers } from '../accounts/accounts.service.ts';
import { caseTitles } from '../cases/cases.service.ts';
import { type EmailText, queueEmail } from '../mail/mail.service.ts';
import { textPerson } from '../sms/sms.service.ts';
import { SMS_TEXTS } from '../sms/sms.texts.ts';
import { kindTitle, NOTIFICATION_EMAILS } from './notifications.emails.ts';
import * as repo from './notifications.repository.ts';

/**
 * Notifications: every area raises them through `notify` inside its own transaction. Each one is
 * shown under the person's bell; then, by the person's choice for its kind, it is e-mailed now
 * (only what happened and the link), kept for the daily digest, or nothing more.
 */
export type NotifyInput = {
  /** The account told. */
  userId: string;
  kind: NotificationKind;
  /** The case it is about, if any: its reference is shown beside the title. */
  caseId?: string | null;
  /** Where the thing is, inside Parley: a path starting with "/" ("/cases/…/sessions"). */
  link: string;
  /**
   * What happened, in a few words that carry nothing confidential ("Session moved"), written in
   * the reader's language (a function of it); the kind's own title when not given. Never a
   * message's words, a file's name, or anyone's contact details.
   */
  title?: InLanguage<string>;
  /**
   * The area's own e-mail for "e-mail now", when it has a richer one (a session's notice with its
   * calendar file): sent instead of the plain notice, and only if the person chose e-mail now.
   */
  email?: InLanguage<EmailText & { attachments?: MailAttachment[]; programId?: string | null }>;
};

/** Words as given, or written for the reader's language. */
export type InLanguage<T> = T | ((language: Language) => T);
const inLanguage = <T>(words: InLanguage<T>, language: Language): T =>
  typeof words === 'function' ? (words as (language: Language) => T)(language) : words;

export type Notified = { id: string; channel: NotificationChannel };

export async function notify(tx: Executor, deps: Deps, input: NotifyInput): Promise<Notified> {
  if (!input.link.startsWith('/') || input.link.startsWith('//'))
    throw new Error('A notification links to a path inside Parley');
  const channel = await channelFor(tx, input.userId, input.kind);
  const id = newId();
  // The title is kept as written, in the language of the person it is for.
  const user = await findUser(tx, input.userId);
  const language = languageOr(user?.language);
  const title = input.title ? inLanguage(input.title, language) : kindTitle(input.kind, language);
  await repo.insertNotification(tx, {
    id,
    user_id: input.userId,
    kind: input.kind,
    case_id: input.caseId ?? null,
    title,
    link: input.link,
    created_at: iso(deps.clock.now()),
    read_at: null,
    digest_pending: channel === 'digest' ? 1 : 0,
  });
  if (channel === 'email') {
    if (user) {
      const reference = input.caseId
        ? ((await caseTitles(tx, [input.caseId])).get(input.caseId)?.reference ?? null)
        : null;
      const own = input.email && inLanguage(input.email, language);
      const text =
        own ??
        NOTIFICATION_EMAILS.now(
          input.kind,
          {
            name: user.name,
            title,
            caseReference: reference,
            url: absolute(deps, input.link),
            settingsUrl: absolute(deps, SETTINGS_PATH),
          },
          language,
        );
      await queueEmail(tx, deps, {
        to: user.email,
        toUserId: user.id,
        template: text.template,
        subject: text.subject,
        text: text.text,
        attachments: own?.attachments ?? [],
        programId: own?.programId ?? null,
        caseId: input.caseId ?? null,
      });
    }
  }
  // A few kinds (a signature needed) also go by text to those who confirmed a number and opted in.
  if (TEXTED_KINDS.includes(input.kind)) {
    const reference = input.caseId
      ? ((await caseTitles(tx, [input.caseId])).get(input.caseId)?.reference ?? null)
      : null;
    await textPerson(tx, deps, input.userId, {
      template: `notification-${input.kind}`,
      body: SMS_TEXTS.notice(title, reference, absolute(deps, input.link)),
      caseId: input.caseId ?? null,
    });
  }
  return { id, channel };
}

/** Tells several people the same thing (each once), each by their own choice. */
export async function notifyEach(
  tx: Executor,
  deps: Deps,
  userIds: readonly (string | null | undefined)[],
  input: Omit<NotifyInput, 'userId'>,
): Promise<Notified[]> {
  const out: Notified[] = [];
  for (const userId of new Set(userIds.filter((u): u is string => !!u)))
    out.push(await notify(tx, deps, { ...input, userId }));
  return out;
}

const SETTINGS_PATH = '/notifications/settings';
const absolute = (deps: Deps, path: string) => `${deps.config.publicUrl.replace(/\/$/, '')}${path}`;

async function channelFor(db: Executor, userId: string, kind: NotificationKind) {
  return (await repo.findPreference(db, userId, kind))?.channel ?? DEFAULT_CHANNEL;
}

/** Notifications as answered in `language` (the page's): each kind named in it. */
async function present(
  db: Executor,
  rows: repo.NotificationRow[],
  language: Language = DEFAULT_LANGUAGE,
): Promise<Notification[]> {
  const caseIds = [...new Set(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
  const titles = await caseTitles(db, caseIds);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: kindTitle(r.kind, language),
    title: r.title,
    link: r.link,
    caseReference: r.case_id ? (titles.get(r.case_id)?.reference ?? null) : null,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export async function listNotifications(
  deps: Deps,
  actor: Actor | null,
  query: NotificationListQuery,
  language: Language = DEFAULT_LANGUAGE,
): Promise<NotificationList> {
  requireActor(actor);
  const rows = await repo.listForUser(deps.db, actor.userId, query.limit);
  return {
    items: await present(deps.db, rows, language),
    unread: await repo.countUnread(deps.db, actor.userId),
  };
}

export async function unreadCount(deps: Deps, actor: Actor | null): Promise<UnreadCount> {
  requireActor(actor);
  return { unread: await repo.countUnread(deps.db, actor.userId) };
}

export async function markRead(
  deps: Deps,
  actor: Actor | null,
  id: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<Notification> {
  requireActor(actor);
  return inTransaction(deps.db, async (tx) => {
    if (!(await repo.findOwn(tx, actor.userId, id))) throw notFound('That notification');
    await repo.markRead(tx, actor.userId, id, iso(deps.clock.now()));
    const row = await repo.findOwn(tx, actor.userId, id);
    return (await present(tx, [row!], language))[0]!;
  });
}

export async function markAllRead(deps: Deps, actor: Actor | null): Promise<UnreadCount> {
  requireActor(actor);
  await repo.markAllRead(deps.db, actor.userId, iso(deps.clock.now()));
  return { unread: 0 };
}

export async function getPreferences(
  deps: Deps,
  actor: Actor | null,
  language: Language = DEFAULT_LANGUAGE,
): Promise<NotificationPreferences> {
  requireActor(actor);
  return preferencesOf(deps.db, actor.userId, language);
}

async function preferencesOf(
  db: Executor,
  userId: string,
  language: Language,
): Promise<NotificationPreferences> {
  const chosen = new Map((await repo.listPreferences(db, userId)).map((p) => [p.kind, p.channel]));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      kindLabel: kindTitle(kind, language),
      channel: chosen.get(kind) ?? DEFAULT_CHANNEL,
      textedWhenOptedIn: TEXTED_KINDS.includes(kind),
    })),
  };
}

export async function setPreference(
  deps: Deps,
  actor: Actor | null,
  kind: NotificationKind,
  channel: NotificationChannel,
  language: Language = DEFAULT_LANGUAGE,
): Promise<NotificationPreferences> {
  requireActor(actor);
  await repo.upsertPreference(deps.db, {
    user_id: actor.userId,
    kind,
    channel,
    updated_at: iso(deps.clock.now()),
  });
  return preferencesOf(deps.db, actor.userId, language);
}

/**
 * The daily digest: one e-mail to each person with notifications waiting for it, listing what
 * happened and the links; each notification is in one digest only.
 */
export async function sendDigests(deps: Deps): Promise<number> {
  let sent = 0;
  for (const userId of await repo.usersWithDigestPending(deps.db)) {
    await inTransaction(deps.db, async (tx) => {
      const rows = await repo.listDigestPending(tx, userId);
      if (rows.length === 0) return;
      const [user] = await findUsers(tx, [userId]);
      if (user) {
        const items = await present(tx, rows);
        await queueEmail(tx, deps, {
          to: user.email,
          toUserId: user.id,
          ...NOTIFICATION_EMAILS.digest(
            user.name,
            items.map((i) => ({
              title: i.title,
              caseReference: i.caseReference,
              url: absolute(deps, i.link),
            })),
            absolute(deps, SETTINGS_PATH),
            languageOr(user.language),
          ),
        });
        sent += 1;
      }
      await repo.clearDigestPending(
        tx,
        rows.map((r) => r.id),
      );
    });
  }
  return sent;
}

export const NOTIFICATIONS_DIGEST_JOB = 'notifications.digest';

export const NOTIFICATION_JOBS = [
  defineJob({
    kind: NOTIFICATIONS_DIGEST_JOB,
    everyMs: DAY,
    async run(deps) {
      deps.log.info({ digests: await sendDigests(deps) }, 'notification digests sent');
    },
  }),
];

// For other areas: a person's notifications for their data export, and forgetting them.

export const notificationsOf = async (db: Executor, userId: string, language: Language = DEFAULT_LANGUAGE) =>
  (await repo.listAllForUser(db, userId)).map((n) => ({
    kind: kindTitle(n.kind, language),
    title: n.title,
    link: n.link,
    createdAt: n.created_at,
    readAt: n.read_at,
  }));

/** Removes a person's notifications and choices; returns how many notifications went. */
export const forgetNotificationsOf = (db: Executor, userId: string) => repo.deleteAllOf(db, userId);
