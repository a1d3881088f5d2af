import type { Kysely } from 'kysely';

// Rule 88.04: a denied application to disqualify the mediator is decided by the court. The
// decision is recorded with the court's order it comes from (its date and number, or the
// division's entry); an application nobody denied in time disqualifies with no one deciding.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('disqualification_requests').addColumn('court_order', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('disqualification_requests').dropColumn('court_order').execute();
}
