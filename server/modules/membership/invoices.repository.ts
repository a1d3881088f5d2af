import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AssociationInvoicesTable } from '../../db/tables/association.ts';

// Invoices: what a member owes, and the card provider's events already handled.

export type InvoiceRow = Selectable<AssociationInvoicesTable>;

export async function insertInvoice(db: Executor, row: Insertable<AssociationInvoicesTable>) {
  await db.insertInto('association_invoices').values(row).execute();
}

export const findInvoice = (db: Executor, id: string) =>
  db.selectFrom('association_invoices').selectAll().where('id', '=', id).executeTakeFirst();

export const findInvoiceByCheckout = (db: Executor, checkoutId: string) =>
  db.selectFrom('association_invoices').selectAll().where('checkout_id', '=', checkoutId).executeTakeFirst();

/** The membership's dues invoice still open, if any (at most one: a new request voids the last). */
export const openDuesInvoice = (db: Executor, membershipId: string) =>
  db
    .selectFrom('association_invoices')
    .selectAll()
    .where('membership_id', '=', membershipId)
    .where('status', '=', 'open')
    .executeTakeFirst();

export const listInvoicesOf = (db: Executor, userId: string) =>
  db
    .selectFrom('association_invoices')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '!=', 'void')
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();

export async function voidOpenDuesInvoices(db: Executor, membershipId: string, at: string) {
  await db
    .updateTable('association_invoices')
    .set({ status: 'void', closed_at: at })
    .where('membership_id', '=', membershipId)
    .where('status', '=', 'open')
    .execute();
}

export async function setInvoiceCheckout(db: Executor, id: string, checkoutId: string) {
  await db
    .updateTable('association_invoices')
    .set({ checkout_id: checkoutId })
    .where('id', '=', id)
    .execute();
}

/** Closes an open invoice as paid by this payment; false when it was no longer open. */
export async function closeInvoicePaid(
  db: Executor,
  id: string,
  paymentId: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('association_invoices')
    .set({ status: 'paid', payment_id: paymentId, closed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records a webhook event once; false when it was already handled. */
export async function claimWebhookEvent(
  db: Executor,
  row: { id: string; provider: string; kind: string; received_at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('payment_webhook_events')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every invoice of a person (void ones too, for their history), with the tier of each dues invoice. */
export const listInvoiceHistoryOf = (db: Executor, userId: string) =>
  db
    .selectFrom('association_invoices as i')
    .leftJoin('membership_tiers as t', 't.id', 'i.tier_id')
    .selectAll('i')
    .select('t.name as tier_name')
    .where('i.user_id', '=', userId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(200)
    .execute();
