import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { JobPostingsTable } from '../../db/tables/association.ts';

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
