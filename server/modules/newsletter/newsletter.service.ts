import { z } from 'zod';
import type { IssuePatch, NewsletterIssue } from '../../../contracts/newsletter.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob, enqueueJob } from '../../jobs/runner.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { membersInGoodStanding } from '../membership/membership.service.ts';
import { NEWSLETTER_EMAILS } from './newsletter.emails.ts';
import * as repo from './newsletter.repository.ts';
import { NEWSLETTER_PURGE_JOB, purgeUnconfirmed } from './sign-ups.service.ts';
import { subscriberUnsubscribeToken, unsubscribeToken } from './subscriptions.service.ts';

// "The Communicator": issues written by staff, an archive members read (and the public archive),
// and a mailing to members in good standing and confirmed sign-ups through the outbox. Sign-ups
// from the public page are sign-ups.service.ts's; unsubscribing and a member's choice,
// subscriptions.service.ts's.

export const NEWSLETTER_MAIL_JOB = 'newsletter.mail';

type IssueRow = NonNullable<Awaited<ReturnType<typeof repo.findIssue>>>;
/** An issue, with what this viewer may do: staff edit and publish a draft; a published one stays. */
const present = (i: IssueRow, actor: Actor): NewsletterIssue => {
  const draftForStaff = i.status === 'draft' && can(actor.grants, 'association:manage');
  return {
    id: i.id,
    title: i.title,
    issueLabel: i.issue_label,
    summary: i.summary,
    body: i.body,
    status: i.status,
    publishedAt: i.published_at,
    can: { edit: draftForStaff, publish: draftForStaff },
  };
};

export async function listIssues(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  return (await repo.listIssues(deps.db, can(actor.grants, 'association:manage'))).map((i) =>
    present(i, actor),
  );
}

export async function getIssue(deps: Deps, actor: Actor | null, id: string) {
  authorize(actor, 'association:members');
  const issue = await repo.findIssue(deps.db, id);
  if (!issue || (issue.status !== 'published' && !can(actor.grants, 'association:manage')))
    throw notFound('That issue');
  return present(issue, actor);
}

type IssueInput = { title: string; issueLabel: string; summary: string; body: string };

export async function createIssue(deps: Deps, actor: Actor | null, input: IssueInput) {
  authorize(actor, 'association:manage');
  const now = iso(deps.clock.now());
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertIssue(tx, {
      id,
      title: input.title,
      issue_label: input.issueLabel,
      summary: input.summary,
      body: input.body,
      status: 'draft',
      published_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      kind: 'newsletter.drafted',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

export async function updateIssue(deps: Deps, actor: Actor | null, id: string, input: IssuePatch) {
  authorize(actor, 'association:manage');
  if (!(await repo.findIssue(deps.db, id))) throw notFound('That issue');
  await inTransaction(deps.db, async (tx) => {
    const changed = await repo.updateIssue(
      tx,
      id,
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.issueLabel !== undefined ? { issue_label: input.issueLabel } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        updated_at: iso(deps.clock.now()),
      },
      true,
    );
    if (!changed) throw new AppError('CONFLICT', 'A published issue cannot be changed: it has been mailed.');
    await recordAudit(tx, {
      kind: 'newsletter.edited',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
      data: { fields: Object.keys(input) },
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

/** Publishes to the archive and queues the mailing (once per issue). */
export async function publishIssue(deps: Deps, actor: Actor | null, id: string) {
  authorize(actor, 'association:manage');
  if (!(await repo.findIssue(deps.db, id))) throw notFound('That issue');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const changed = await repo.updateIssue(
      tx,
      id,
      { status: 'published', published_at: iso(now), updated_at: iso(now) },
      true,
    );
    if (!changed) throw new AppError('CONFLICT', 'This issue is already published.');
    await enqueueJob(tx, deps, {
      kind: NEWSLETTER_MAIL_JOB,
      payload: { issueId: id },
      uniqueKey: `${NEWSLETTER_MAIL_JOB}:${id}`,
    });
    await recordAudit(tx, {
      kind: 'newsletter.published',
      at: now,
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

/** Mails a published issue to every member in good standing who has not unsubscribed, each once. */
export async function mailIssue(deps: Deps, issueId: string): Promise<number> {
  const issue = await repo.findIssue(deps.db, issueId);
  if (issue?.status !== 'published') return 0;
  let sent = 0;
  // Members in good standing who have not unsubscribed.
  const unsubscribed = await repo.listUnsubscribed(deps.db);
  const recipients = (await membersInGoodStanding(deps.db))
    .filter((m) => !unsubscribed.has(m.user_id))
    .map((m) => ({ id: m.user_id, email: m.email, name: m.name }));
  for (const person of recipients) {
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimDelivery(tx, issueId, person.id, iso(deps.clock.now())))) return;
      const link = `${deps.config.publicUrl}/newsletter/unsubscribe#token=${unsubscribeToken(deps.config.appSecret, person.id)}`;
      const emailId = await queueEmail(tx, deps, {
        to: person.email,
        toUserId: person.id,
        ...NEWSLETTER_EMAILS.issue(issue, {
          archive: `${deps.config.publicUrl}/newsletter`,
          unsubscribe: link,
        }),
      });
      await repo.setDeliveryEmail(tx, issueId, person.id, emailId);
      sent += 1;
    });
  }
  // Sign-ups from the public page confirmed when it was published, except addresses the members'
  // mailing reached.
  const members = new Set(recipients.map((r) => r.email.toLowerCase()));
  const published = issue.published_at ?? iso(deps.clock.now());
  for (const subscriber of await repo.listConfirmedSubscribers(deps.db, published)) {
    if (members.has(subscriber.email)) continue;
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimSubscriberDelivery(tx, issueId, subscriber.id, iso(deps.clock.now())))) return;
      const link = `${deps.config.publicUrl}/newsletter/unsubscribe#token=${subscriberUnsubscribeToken(deps.config.appSecret, subscriber.id)}`;
      await queueEmail(tx, deps, {
        to: subscriber.email,
        ...NEWSLETTER_EMAILS.issue(issue, {
          archive: `${deps.config.publicUrl}/newsletter`,
          unsubscribe: link,
        }),
      });
      sent += 1;
    });
  }
  return sent;
}

export const NEWSLETTER_JOBS = [
  defineJob({
    kind: NEWSLETTER_MAIL_JOB,
    payload: z.object({ issueId: z.string() }),
    run: (deps, { issueId }) => mailIssue(deps, issueId),
  }),
  defineJob({
    kind: NEWSLETTER_PURGE_JOB,
    everyMs: DAY,
    async run(deps) {
      deps.log.info({ removed: await purgeUnconfirmed(deps) }, 'unconfirmed newsletter sign-ups purged');
    },
  }),
];

// The public page's archive.

/** Every published issue, for anyone. */
export async function listPublicIssues(deps: Deps) {
  return (await repo.listIssues(deps.db, false)).map((i) => ({
    id: i.id,
    title: i.title,
    issueLabel: i.issue_label,
    summary: i.summary,
    body: i.body,
    publishedAt: i.published_at ?? i.created_at,
  }));
}
