import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { MailAttachment } from '../../infra/mailer.ts';
import { defineJob, enqueueJob } from '../../jobs/runner.ts';
import * as repo from './mail.repository.ts';

export type OutgoingEmail = {
  to: string;
  toUserId?: string | null;
  /** Which message this is ("invitation", "password-reset"): used in tests and the mailbox. */
  template: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: MailAttachment[];
  programId?: string | null;
  caseId?: string | null;
};

/** What an area's e-mails file writes: which message, its subject and its words. */
export type EmailText = Pick<OutgoingEmail, 'template' | 'subject' | 'text'>;

export const SEND_EMAIL_JOB = 'email.send';

/** A PDF sent with an e-mail (an agreement, a receipt, a certificate). */
export const pdfAttachment = (filename: string, pdf: Buffer): MailAttachment => ({
  filename,
  contentType: 'application/pdf',
  content: pdf.toString('base64'),
  encoding: 'base64',
});

/**
 * Puts a message in the outbox inside the caller's transaction: if the change rolls back, no
 * mail goes out. With SMTP configured a job sends it; without, it is held for the mailbox page.
 */
export async function queueEmail(
  db: Executor,
  deps: Pick<Deps, 'clock' | 'mailer'>,
  email: OutgoingEmail,
): Promise<string> {
  const id = newId();
  const held = deps.mailer.kind === 'none';
  await repo.insertEmail(db, {
    id,
    to_address: email.to.toLowerCase(),
    to_user_id: email.toUserId ?? null,
    template: email.template,
    subject: email.subject,
    text_body: email.text,
    html_body: email.html ?? null,
    attachments: email.attachments ?? [],
    program_id: email.programId ?? null,
    case_id: email.caseId ?? null,
    status: held ? 'held' : 'queued',
    created_at: iso(deps.clock.now()),
  });
  if (!held) await enqueueJob(db, deps, { kind: SEND_EMAIL_JOB, payload: { emailId: id }, maxAttempts: 8 });
  return id;
}

/** Sends one queued e-mail; a failure is retried with back-off by the runner. */
async function sendQueuedEmail(deps: Deps, { emailId }: { emailId: string }) {
  const email = await repo.findEmail(deps.db, emailId);
  if (!email || email.status === 'sent') return;
  try {
    await deps.mailer.send({
      from: deps.config.mailFrom,
      to: email.to_address,
      subject: email.subject,
      text: email.text_body,
      html: email.html_body,
      attachments: email.attachments,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.markAttemptFailed(deps.db, emailId, message, email.attempts + 1 >= 8);
    throw error;
  }
  await repo.markSent(deps.db, emailId, iso(deps.clock.now()), {
    text_body: withoutLiveLinks(email.text_body),
    html_body: email.html_body === null ? null : withoutLiveLinks(email.html_body),
  });
}

/**
 * A sent e-mail's copy in the outbox keeps its words but not its live links: a sign-in, reset,
 * unlock or invitation link (its token rides after #token=) is only for the inbox it went to, so
 * a database copy, a backup or an administrator's eye never holds a working one. Held e-mails
 * (no SMTP: the development mailbox) keep theirs, since the mailbox is how they are opened.
 */
export const withoutLiveLinks = (text: string) =>
  text.replace(/#token=[A-Za-z0-9_-]+/g, '#token=(removed once sent)');

/** How long a sent e-mail's copy is kept in the outbox. */
export const SENT_MAIL_KEPT_DAYS = 90;

/** Drops sent e-mails older than SENT_MAIL_KEPT_DAYS; unsent and failed ones stay for a look. */
export async function purgeSentMail(deps: Pick<Deps, 'db' | 'clock'>) {
  const before = iso(new Date(deps.clock.now().getTime() - SENT_MAIL_KEPT_DAYS * DAY));
  return { sentEmails: await repo.deleteSentBefore(deps.db, before) };
}

export const MAIL_JOBS = [
  defineJob({ kind: SEND_EMAIL_JOB, payload: z.object({ emailId: z.string() }), run: sendQueuedEmail }),
  defineJob({
    kind: 'mail.retention',
    everyMs: DAY,
    async run(deps) {
      deps.log.info(await purgeSentMail(deps), 'sent mail purged');
    },
  }),
];

export type MailboxEntry = {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  attachments: { filename: string; contentType: string }[];
};

const present = (row: repo.OutboxRow): MailboxEntry => ({
  id: row.id,
  to: row.to_address,
  template: row.template,
  subject: row.subject,
  text: row.text_body,
  status: row.status,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  attachments: row.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
  })),
});

/** The development mailbox: every message Parley queued, newest first. Only mounted outside production. */
export async function listMailbox(
  deps: Pick<Deps, 'db'>,
  filter: repo.MailboxFilter,
): Promise<MailboxEntry[]> {
  return (await repo.listEmails(deps.db, filter)).map(present);
}

export async function readMailboxAttachment(deps: Pick<Deps, 'db'>, emailId: string, index: number) {
  const row = await repo.findEmail(deps.db, emailId);
  if (!row) return undefined;
  return row.attachments[index];
}

// For other areas: retention removes the e-mails about a purged case.

/** Removes every e-mail about a case; returns how many went. */
export const purgeCaseEmails = (db: Executor, caseId: string) => repo.deleteCaseEmails(db, caseId);

/** Every e-mail Parley wrote to a person: when, what, and whether it went (their data export). */
export const emailsTo = async (db: Executor, userId: string, address: string) =>
  (await repo.listEmailsTo(db, userId, address)).map((m) => ({
    createdAt: m.created_at,
    sentAt: m.sent_at,
    status: m.status,
    subject: m.subject,
    text: m.text_body,
  }));

/** Removes every e-mail Parley wrote to a person; returns how many went. */
export const forgetEmailsTo = (db: Executor, userId: string, address: string) =>
  repo.deleteEmailsTo(db, userId, address);
