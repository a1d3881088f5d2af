import {
  JOB_STATE_LABELS,
  type JobListing,
  type JobPostingRow,
  type PublicJobListing,
} from '../../../contracts/jobs-board.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { can, GLOBAL_SCOPE } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { keysetList, type PageQuery } from '../../http/page-query.ts';
import { iso } from '../../infra/clock.ts';
import { csvDownload } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize, whoHoldsRole } from '../access/access.service.ts';
import { consumePersonQuota } from '../access/throttle.service.ts';
import { requireConfirmedEmail } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { JOBS_BOARD_EMAILS } from './jobs-board.emails.ts';
import * as repo from './jobs-board.repository.ts';

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

/** A listing is taken down by its poster or by staff. */
const mayWithdraw = (actor: Actor, postedBy: string) =>
  postedBy === actor.userId || can(actor.grants, 'association:manage');

/** An open listing as everyone reads it: what, where, how to apply and until when. */
const presentListing = (j: Awaited<ReturnType<typeof repo.listOpenPostings>>[number]): PublicJobListing => ({
  id: j.id,
  title: j.title,
  organization: j.organization,
  location: j.location,
  description: j.description,
  howToApply: j.how_to_apply,
  expiresOn: j.expires_on,
  postedAt: j.created_at,
});

export async function listOpen(deps: Deps, actor: Actor | null): Promise<JobListing[]> {
  authorize(actor, 'association:members');
  const today = missouriDate(deps.clock.now());
  const rows = await repo.listOpenPostings(deps.db, today);
  return rows.map((j) => ({
    ...presentListing(j),
    postedBy: j.poster,
    can: { withdraw: mayWithdraw(actor, j.posted_by) },
  }));
}

/** The public jobs board: the same open listings, without who posted them. */
export async function listPublic(deps: Deps) {
  const rows = await repo.listOpenPostings(deps.db, missouriDate(deps.clock.now()));
  return rows.map(presentListing);
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
    await requireConfirmedEmail(tx, actor.userId);
    await consumePersonQuota(tx, deps.clock, actor.userId, 'jobPostings');
    await repo.insertPosting(tx, {
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
    });
    // Alerts go to subscribers who are still members in good standing (they hold the member role).
    const asked = (await repo.listSubscribers(tx)).filter((s) => s.id !== actor.userId);
    const members = await whoHoldsRole(
      tx,
      asked.map((s) => s.id),
      'member',
      GLOBAL_SCOPE,
    );
    const subscribers = asked.filter((s) => members.has(s.id));
    for (const s of subscribers) {
      await queueEmail(tx, deps, {
        to: s.email,
        toUserId: s.id,
        ...JOBS_BOARD_EMAILS.alert(s.name, input, `${deps.config.publicUrl}/members`),
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
  const job = await repo.findPosting(deps.db, jobId);
  if (!job || !mayWithdraw(actor, job.posted_by)) throw notFound('That job listing');
  await inTransaction(deps.db, async (tx) => {
    await repo.withdrawPosting(tx, jobId, iso(deps.clock.now()));
    await recordAudit(tx, {
      kind: 'job_posting.withdrawn',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'job_posting',
      subjectId: jobId,
    });
  });
  return { id: jobId, status: 'withdrawn' as const };
}

export async function alerts(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  return { subscribed: await repo.isSubscribed(deps.db, actor.userId) };
}

export async function setAlerts(deps: Deps, actor: Actor | null, subscribed: boolean) {
  authorize(actor, 'association:members');
  await inTransaction(deps.db, async (tx) => {
    if (subscribed) await repo.subscribe(tx, actor.userId, iso(deps.clock.now()));
    else await repo.unsubscribe(tx, actor.userId);
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

// For other areas

/** Removes a person's job-alert subscription (their account's deletion); how many rows went. */
export const forgetJobAlertsOf = async (db: Executor, userId: string) =>
  Number((await repo.unsubscribe(db, userId))[0]?.numDeletedRows ?? 0);

// Staff's list of every listing.

type PostingsFilter = Omit<repo.PostingsFilter, 'today'>;
type PostingRow = Awaited<ReturnType<typeof repo.listPostingsPage>>[number];

function presentPosting(actor: Actor, today: string, r: PostingRow): JobPostingRow {
  const state = r.status === 'withdrawn' ? 'withdrawn' : r.expires_on < today ? 'expired' : 'open';
  return {
    id: r.id,
    title: r.title,
    organization: r.organization,
    location: r.location,
    state,
    stateLabel: JOB_STATE_LABELS[state],
    expiresOn: r.expires_on,
    postedAt: r.created_at,
    postedBy: r.poster,
    can: { withdraw: state === 'open' && mayWithdraw(actor, r.posted_by) },
  };
}

/** Staff's list of listings, each in its state today and with what `actor` may do to it. */
function postingsList(deps: Deps, actor: Actor) {
  const today = missouriDate(deps.clock.now());
  return keysetList(
    (db, f: PostingsFilter, after, limit) => repo.listPostingsPage(db, { ...f, today }, after, limit),
    (r) => ({ value: r.created_at, id: r.id }),
    (r) => presentPosting(actor, today, r),
  );
}

/** Every listing, newest first, searched and filtered by state and day, a page at a time (staff). */
export async function listPostings(deps: Deps, actor: Actor | null, q: PageQuery<PostingsFilter>) {
  authorize(actor, 'association:manage');
  return postingsList(deps, actor).page(deps.db, q);
}

/** Every listing the search and filters find, as CSV. */
export async function postingsCsv(deps: Deps, actor: Actor | null, q: PostingsFilter) {
  authorize(actor, 'association:manage');
  return csvDownload(
    'job-listings',
    deps.clock.now(),
    ['Title', 'Organization', 'Place', 'State', 'Posted', 'Ends', 'Posted by'],
    (await postingsList(deps, actor).every(deps.db, q)).map((r) => [
      r.title,
      r.organization,
      r.location,
      r.stateLabel,
      formatMissouriDate(r.postedAt),
      formatMissouriDate(r.expiresOn),
      r.postedBy,
    ]),
  );
}
