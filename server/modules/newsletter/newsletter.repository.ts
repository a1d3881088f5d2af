import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { afterKeyset, containsText, withinMissouriDays } from '../../db/list-query.ts';
import type { NewsletterIssuesTable, NewsletterSubscribersTable } from '../../db/tables/association.ts';
import type { Keyset } from '../../http/keyset.ts';

export const listIssues = (db: Executor, includeDrafts: boolean) => {
  let q = db
    .selectFrom('newsletter_issues')
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('created_at', 'desc');
  if (!includeDrafts) q = q.where('status', '=', 'published');
  return q.execute();
};

export const findIssue = (db: Executor, id: string) =>
  db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertIssue(db: Executor, row: Insertable<NewsletterIssuesTable>) {
  await db.insertInto('newsletter_issues').values(row).execute();
}

export async function updateIssue(
  db: Executor,
  id: string,
  patch: Updateable<NewsletterIssuesTable>,
  onlyDraft = false,
) {
  let q = db.updateTable('newsletter_issues').set(patch).where('id', '=', id);
  if (onlyDraft) q = q.where('status', '=', 'draft');
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** Everyone who has asked not to get the newsletter by e-mail. */
export const listUnsubscribed = async (db: Executor) =>
  new Set((await db.selectFrom('newsletter_unsubscribes').select('user_id').execute()).map((r) => r.user_id));

/** Claims one delivery of an issue to a person; false if it was already sent. */
export async function claimDelivery(db: Executor, issueId: string, userId: string, at: string) {
  const r = await db
    .insertInto('newsletter_deliveries')
    .values({ issue_id: issueId, user_id: userId, email_id: '', created_at: at })
    .onConflict((oc) => oc.columns(['issue_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setDeliveryEmail(db: Executor, issueId: string, userId: string, emailId: string) {
  await db
    .updateTable('newsletter_deliveries')
    .set({ email_id: emailId })
    .where('issue_id', '=', issueId)
    .where('user_id', '=', userId)
    .execute();
}

export const isUnsubscribed = async (db: Executor, userId: string) =>
  Boolean(
    await db
      .selectFrom('newsletter_unsubscribes')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

export async function unsubscribe(db: Executor, userId: string, at: string) {
  await db
    .insertInto('newsletter_unsubscribes')
    .values({ user_id: userId, created_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Removes a person's deliveries and their choice about the newsletter (their account's deletion). */
export async function forgetReader(db: Executor, userId: string) {
  const deliveries = await db
    .deleteFrom('newsletter_deliveries')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const choice = await db
    .deleteFrom('newsletter_unsubscribes')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(deliveries.numDeletedRows) + Number(choice.numDeletedRows);
}

export async function resubscribe(db: Executor, userId: string) {
  await db.deleteFrom('newsletter_unsubscribes').where('user_id', '=', userId).execute();
}

// Sign-ups from the public page (people with or without an account).

export const findSubscriberByEmail = (db: Executor, email: string) =>
  db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

export const findSubscriber = (db: Executor, id: string) =>
  db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();

export const findSubscriberByToken = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('confirm_token_hash', '=', tokenHash)
    .executeTakeFirst();

export async function insertSubscriber(db: Executor, row: Insertable<NewsletterSubscribersTable>) {
  await db.insertInto('newsletter_subscribers').values(row).execute();
}

export async function updateSubscriber(
  db: Executor,
  id: string,
  patch: Updateable<NewsletterSubscribersTable>,
) {
  await db.updateTable('newsletter_subscribers').set(patch).where('id', '=', id).execute();
}

/** Sign-ups confirmed by `at` (an issue's publication), to mail it to. */
export const listConfirmedSubscribers = (db: Executor, at: string) =>
  db
    .selectFrom('newsletter_subscribers')
    .select(['id', 'email'])
    .where('status', '=', 'confirmed')
    .where('confirmed_at', '<=', at)
    .orderBy('id')
    .execute();

/** Claims one delivery of an issue to a sign-up; false if it was already sent. */
export async function claimSubscriberDelivery(
  db: Executor,
  issueId: string,
  subscriberId: string,
  at: string,
) {
  const r = await db
    .insertInto('newsletter_subscriber_deliveries')
    .values({ issue_id: issueId, subscriber_id: subscriberId, created_at: at })
    .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes waiting sign-ups whose latest link was sent before `before`; how many went. */
export async function deleteUnconfirmedBefore(db: Executor, before: string) {
  const r = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('confirm_sent_at', '<', before),
        eb.and([eb('confirm_sent_at', 'is', null), eb('created_at', '<', before)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteSubscriberByEmail(db: Executor, email: string) {
  const r = await db.deleteFrom('newsletter_subscribers').where('email', '=', email).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type SignUpsFilter = {
  q?: string | undefined;
  status?: NewsletterSubscribersTable['status'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Sign-ups, newest first, in keyset pages by when they signed up. */
export const listSignUpsPage = (db: Executor, filter: SignUpsFilter, after: Keyset | null, limit: number) => {
  let q = db
    .selectFrom('newsletter_subscribers')
    .select(['id', 'email', 'status', 'created_at', 'confirmed_at', 'unsubscribed_at'])
    .where(withinMissouriDays('created_at', filter.from, filter.to))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (filter.q) q = q.where(containsText(filter.q, ['email']));
  if (filter.status) q = q.where('status', '=', filter.status);
  if (after) q = q.where(afterKeyset(after, 'created_at', 'id', 'desc'));
  return q.execute();
};
