import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { afterKeyset, containsText, withinMissouriDays } from '../../db/list-query.ts';
import type { JobPostingsTable } from '../../db/tables/association.ts';
import type { Keyset } from '../../http/keyset.ts';

// Job listings and the members who asked for alerts. Decides nothing.

/** Open listings not past their expiry date, newest first, with the poster's name. */
export const listOpenPostings = (db: Executor, today: string) =>
  db
    .selectFrom('job_postings as j')
    .innerJoin('users as u', 'u.id', 'j.posted_by')
    .selectAll('j')
    .select('u.name as poster')
    .where('j.status', '=', 'open')
    .where('j.expires_on', '>=', today)
    .orderBy('j.created_at', 'desc')
    .limit(200)
    .execute();

export const findPosting = (db: Executor, id: string) =>
  db.selectFrom('job_postings').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPosting = (db: Executor, row: Insertable<JobPostingsTable>) =>
  db.insertInto('job_postings').values(row).execute();

export const withdrawPosting = (db: Executor, id: string, at: string) =>
  db.updateTable('job_postings').set({ status: 'withdrawn', updated_at: at }).where('id', '=', id).execute();

/** Everyone subscribed to alerts whose account is in use, with their address. */
export const listSubscribers = (db: Executor) =>
  db
    .selectFrom('job_alert_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('u.disabled_at', 'is', null)
    .execute();

export const isSubscribed = async (db: Executor, userId: string) =>
  Boolean(
    await db
      .selectFrom('job_alert_subscriptions')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

export const subscribe = (db: Executor, userId: string, at: string) =>
  db
    .insertInto('job_alert_subscriptions')
    .values({ user_id: userId, created_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();

export const unsubscribe = (db: Executor, userId: string) =>
  db.deleteFrom('job_alert_subscriptions').where('user_id', '=', userId).execute();

export type PostingsFilter = {
  q?: string | undefined;
  state?: 'open' | 'expired' | 'withdrawn' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Today in Missouri: a listing open past its last day has ended. */
  today: string;
};

/** Every listing, newest first, in keyset pages by when it was posted, with the poster's name. */
export const listPostingsPage = (db: Executor, f: PostingsFilter, after: Keyset | null, limit: number) => {
  let q = db
    .selectFrom('job_postings as j')
    .innerJoin('users as u', 'u.id', 'j.posted_by')
    .select([
      'j.id',
      'j.title',
      'j.organization',
      'j.location',
      'j.status',
      'j.expires_on',
      'j.created_at',
      'j.posted_by',
      'u.name as poster',
    ])
    .where(withinMissouriDays('j.created_at', f.from, f.to))
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(limit);
  if (f.q) q = q.where(containsText(f.q, ['j.title', 'j.organization', 'j.location']));
  if (f.state === 'withdrawn') q = q.where('j.status', '=', 'withdrawn');
  if (f.state === 'open') q = q.where('j.status', '=', 'open').where('j.expires_on', '>=', f.today);
  if (f.state === 'expired') q = q.where('j.status', '=', 'open').where('j.expires_on', '<', f.today);
  if (after) q = q.where(afterKeyset(after, 'j.created_at', 'j.id', 'desc'));
  return q.execute();
};
