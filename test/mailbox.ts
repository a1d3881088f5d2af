import type { Db } from '../server/db/database.ts';

/** The newest message in the outbox to an address, and the token in its link, as a person would click it. */
export async function lastEmailTo(db: Db, to: string, template?: string) {
  let q = db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('to_address', '=', to.toLowerCase())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (template) q = q.where('template', '=', template);
  const email = await q.executeTakeFirst();
  if (!email) throw new Error(`no e-mail to ${to}${template ? ` (${template})` : ''}`);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(email.text_body)?.[1];
  return { ...email, token };
}
