import type { Kysely } from 'kysely';

// Sign-in hardening:
// - sessions.mfa_failures: wrong second-factor codes entered in a pending sign-in (the fifth ends it);
// - sign_in_attempts.step: 'password' or 'second_factor', so each step is counted per account;
// - users.locked_at: an account-wide lock after many failures from many addresses, lifted by the
//   e-mailed unlock link or a completed password reset (users.unlocked_at: failures before it no
//   longer count towards the lock);
// - recovery_codes: single-use codes for the second step, kept only as keyed hashes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('mfa_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('sign_in_attempts')
    .addColumn('step', 'text', (c) => c.notNull().defaultTo('password'))
    .execute();
  await db.schema.alterTable('users').addColumn('locked_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('unlocked_at', 'text').execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
  // The retention job deletes by age.
  await db.schema
    .createIndex('sign_in_attempts_created')
    .on('sign_in_attempts')
    .column('created_at')
    .execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('absolute_expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_expiry').execute();
  await db.schema.dropIndex('sign_in_attempts_created').execute();
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.alterTable('users').dropColumn('unlocked_at').execute();
  await db.schema.alterTable('users').dropColumn('locked_at').execute();
  await db.schema.alterTable('sign_in_attempts').dropColumn('step').execute();
  await db.schema.alterTable('sessions').dropColumn('mfa_failures').execute();
}
