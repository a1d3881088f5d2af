import type { Kysely } from 'kysely';

// The time step of the last second-factor code a person used, so the same code cannot be used
// twice (RFC 6238 §5.2: a verifier must not accept a code again once it has been accepted).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
