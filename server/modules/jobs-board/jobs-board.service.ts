import { missouriDate } from '../../../domain/missouri-time.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';

// Job listings: staff or members post openings with an expiry date; members may ask for an
// e-mail alert when one is posted. Listings disappear after their expiry date.

type PostingInput = {
  title: string;
  organization: string;
  location: string;
  description: string;
  howToApply: string;
  expiresOn: string;
};

const MAX_DAYS = 180;

export async function listOpen(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  const today = missouriDate(deps.clock.now());
  const rows = await deps.db
    .selectFrom('job_postings as j')
    .innerJoin('users as u', 'u.id', 'j.posted_by')
    .selectAll('j')
    .select('u.name as poster')
    .where('j.status', '=', 'open')
    .where('j.expires_on', '>=', today)
    .orderBy('j.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((j) => ({
    id: j.id,
    title: j.title,
    organization: j.organization,
    location: j.location,
    description: j.description,
    howToApply: j.how_to_apply,
    expiresOn: j.expires_on,
    postedAt: j.created_at,
    postedBy: j.poster,
    mine: j.posted_by === actor.userId,
  }));
}

export async function post(deps: Deps, actor: Actor | null, input: PostingInput) {
  authorize(actor, 'association:members');
  const now = deps.clock.now();
  const today = missouriDate(now);
  const latest = missouriDate(new Date(now.getTime() + MAX_DAYS * 86_400_000));
  if (input.expiresOn < today || input.expiresOn > latest) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Choose an expiry date between today and ${MAX_DAYS} days from now.`,
      {
        fields: { expiresOn: `must be between ${today} and ${latest}` },
      },
    );
  }
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insertInto('job_postings')
      .values({
        id,
        title: input.title,
        organization: input.organization,
        location: input.location,
        description: input.description,
        how_to_apply: input.howToApply,
        expires_on: input.expiresOn,
        status: 'open',
        posted_by: actor.userId,
        created_at: iso(now),
        updated_at: iso(now),
      })
      .execute();
    // Alerts go to subscribers who are still members in good standing (they hold the member role).
    const subscribers = await tx
      .selectFrom('job_alert_subscriptions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('role_grants as g', (j) =>
        j.onRef('g.user_id', '=', 's.user_id').on('g.role', '=', 'member'),
      )
      .select(['u.id', 'u.email', 'u.name'])
      .where('u.id', '!=', actor.userId)
      .where('u.disabled_at', 'is', null)
      .execute();
    for (const s of subscribers) {
      await queueEmail(tx, deps, {
        to: s.email,
        toUserId: s.id,
        template: 'job-alert',
        subject: `New opening: ${input.title}, ${input.organization}`,
        text: `Hello ${s.name},\n\nA new opening was posted for members:\n\n${input.title}\n${input.organization}, ${input.location}\nOpen until ${input.expiresOn}\n\nSee it on the members page: ${deps.config.publicUrl}/members\n\nYou get these because you asked for job alerts. You can turn them off on the members page.`,
      });
    }
    await recordAudit(tx, {
      kind: 'job_posting.created',
      at: now,
      actorId: actor.userId,
      subjectType: 'job_posting',
      subjectId: id,
      data: { alerts: subscribers.length },
    });
  });
  return { id };
}

export async function withdraw(deps: Deps, actor: Actor | null, jobId: string) {
  authorize(actor, 'association:members');
  const job = await deps.db.selectFrom('job_postings').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!job || (job.posted_by !== actor.userId && !can(actor.grants, 'association:manage')))
    throw notFound('That job listing');
  await inTransaction(deps.db, async (tx) => {
    await tx
      .updateTable('job_postings')
      .set({ status: 'withdrawn', updated_at: iso(deps.clock.now()) })
      .where('id', '=', jobId)
      .execute();
    await recordAudit(tx, {
      kind: 'job_posting.withdrawn',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'job_posting',
      subjectId: jobId,
    });
  });
  return { id: jobId, status: 'withdrawn' };
}

export async function alerts(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  const row = await deps.db
    .selectFrom('job_alert_subscriptions')
    .select('user_id')
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return { subscribed: Boolean(row) };
}

export async function setAlerts(deps: Deps, actor: Actor | null, subscribed: boolean) {
  authorize(actor, 'association:members');
  await inTransaction(deps.db, async (tx) => {
    if (subscribed) {
      await tx
        .insertInto('job_alert_subscriptions')
        .values({ user_id: actor.userId, created_at: iso(deps.clock.now()) })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    } else {
      await tx.deleteFrom('job_alert_subscriptions').where('user_id', '=', actor.userId).execute();
    }
    await recordAudit(tx, {
      kind: 'job_alerts.changed',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { subscribed },
    });
  });
  return { subscribed };
}
