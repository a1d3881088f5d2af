import type { Kysely } from 'kysely';

// Negotiation aids on the issues board: Adjusted Winner for dividing items and blind bidding for
// one amount. Everything the parties put in (items, points, demands, offers, round results) is
// one sealed text under the case's key; only the kind, whether the mediator revealed the points
// and the option made from the result are kept in the clear.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('negotiation_aids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('issue_id', 'text', (c) => c.notNull().references('case_issues.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state_enc', 'text', (c) => c.notNull())
    .addColumn('points_revealed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('option_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('negotiation_aids_case').on('negotiation_aids').columns(['case_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('negotiation_aids').execute();
}
