import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../../../test/db.ts';
import { type Db, inTransaction, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { recordAudit, verifyAuditTrail } from './audit.service.ts';

const SERVER = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/test';

const urlFor = (role: string, database: string) => {
  const url = new URL(SERVER);
  url.username = role;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * The README's PostgreSQL roles, followed word for word: an owner that migrates, and the role the
 * servers use, which may add audit events but never change or remove them. Everything here has a
 * name of its own (a database and two roles, dropped at the end), so no other test file's schema
 * is touched.
 */
describe.runIf(TEST_DIALECT === 'postgres')("the app's PostgreSQL role", () => {
  it('writes audit events but may not change, remove or unguard them', async () => {
    const suffix = randomBytes(5).toString('hex');
    const database = `parley_roles_${suffix}`;
    const owner = `parley_owner_${suffix}`;
    const app = `parley_app_${suffix}`;
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    let ownerDb: Db | undefined;
    let appDb: Db | undefined;
    try {
      await admin.query(`create role ${owner} login`);
      await admin.query(`create role ${app} login`);
      await admin.query(`create database ${database} owner ${owner}`);
      ownerDb = openDatabase({ url: urlFor(owner, database), schema: 'parley', poolSize: 1 });
      await sql`create schema parley`.execute(ownerDb);
      await migrateToLatest(ownerDb);
      for (const grant of [
        `grant usage on schema parley to ${app}`,
        `grant select, insert, update, delete on all tables in schema parley to ${app}`,
        `revoke update, delete, truncate on parley.audit_events from ${app}`,
        `revoke delete, truncate on parley.audit_head from ${app}`,
      ])
        await sql.raw(grant).execute(ownerDb);

      appDb = openDatabase({ url: urlFor(app, database), schema: 'parley', poolSize: 1 });
      // The servers start as usual: nothing left to migrate, events written and verified.
      expect(await migrateToLatest(appDb)).toEqual([]);
      const db = appDb;
      for (const n of [1, 2])
        await inTransaction(db, (tx) =>
          recordAudit(tx, { kind: 'program.updated', at: new Date(), subjectType: 'program', data: { n } }),
        );
      expect(await verifyAuditTrail(db)).toEqual({ ok: true, events: 2 });
      for (const statement of [
        'update audit_events set data = data',
        'delete from audit_events',
        'truncate audit_events',
        'alter table audit_events disable trigger user',
        'drop trigger audit_events_append_only on audit_events',
        'delete from audit_head',
      ]) {
        await expect(sql.raw(statement).execute(db), statement).rejects.toThrow(
          /permission denied|must be owner/,
        );
      }
    } finally {
      await appDb?.destroy();
      await ownerDb?.destroy();
      await admin.query(`drop database if exists ${database}`);
      await admin.query(`drop role if exists ${app}`);
      await admin.query(`drop role if exists ${owner}`);
      await admin.end();
    }
  });
});
