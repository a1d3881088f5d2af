import type { Kysely } from 'kysely';

// Case keys wrapped by master keys kept apart from APP_SECRET (PARLEY_MASTER_KEYS). Each wrapped
// case key names the master key that wraps it; the keys made before this migration are wrapped
// under the key derived from APP_SECRET, which the id 'app-secret' names, and stay readable until
// `npm run keys:rotate` re-wraps them. master_keys records each master key's fingerprint (never
// the key) and whether it has been retired, so no server wraps under a retired key again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_keys')
    .addColumn('master_key_id', 'text', (c) => c.notNull().defaultTo('app-secret'))
    .execute();
  await db.schema.createIndex('case_keys_master_key').on('case_keys').column('master_key_id').execute();
  await db.schema
    .createTable('master_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('master_keys').execute();
  await db.schema.dropIndex('case_keys_master_key').execute();
  await db.schema.alterTable('case_keys').dropColumn('master_key_id').execute();
}
