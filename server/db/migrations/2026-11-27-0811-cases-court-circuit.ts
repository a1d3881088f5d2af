import type { Kysely } from 'kysely';

// The Missouri circuit whose court referred a case (null for requests no court referred), kept
// beside the referral's details so that a court's clerk lists that circuit's cases by an index.
// Cases already referred take it from their details.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('court_circuit', 'integer').execute();
  await db.schema
    .createIndex('cases_court_circuit')
    .on('cases')
    .columns(['court_circuit', 'created_at'])
    .execute();
  const rows = (await db.selectFrom('cases').select(['id', 'details']).execute()) as {
    id: string;
    details: string;
  }[];
  for (const row of rows) {
    let circuit: unknown = null;
    try {
      const d = JSON.parse(row.details) as { form?: string; circuit?: unknown };
      circuit = d.form === 'court_referral' ? d.circuit : null;
    } catch {
      circuit = null;
    }
    if (typeof circuit === 'number' && Number.isInteger(circuit))
      await db.updateTable('cases').set({ court_circuit: circuit }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_court_circuit').execute();
  await db.schema.alterTable('cases').dropColumn('court_circuit').execute();
}
