import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The audit trail becomes a keyed chain and the database itself refuses to rewrite it.
//
// chain_version says how a row's hash was made: 1, the unkeyed SHA-256 of the rows written before
// this migration (they keep verifying as they are); 2, HMAC-SHA-256 under a key derived from
// APP_SECRET, for every row written from now on. A version-1 row after a version-2 row is refused
// by the verifier, so the chain cannot be rewritten in the old, unkeyed form.
//
// Triggers refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL) of audit_events, and let the head
// only move forward one event at a time, onto the newest event's hash. An owner or superuser can
// still drop or disable them: the keyed hashes and the checkpoints kept outside the database
// (audit/checkpoints.ts) are what catch that.
const REFUSED = 'audit events are append-only: they cannot be changed or removed';
const HEAD = 'the audit head only moves forward, one event at a time, onto the newest event';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('chain_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_events_refuse_change() returns trigger language plpgsql as $$
      begin raise exception '${sql.raw(REFUSED)} (% refused)', tg_op using errcode = '42501'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function audit_events_refuse_change()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_refuse_change()`.execute(db);
    await sql`create function audit_head_forward_only() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'UPDATE' or new.id <> old.id or new.seq <> old.seq + 1
          or new.hash is distinct from (select e.hash from audit_events e where e.seq = new.seq) then
          raise exception '${sql.raw(HEAD)} (% refused)', tg_op using errcode = '42501';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_head_forward_only before update or delete on audit_head
      for each row execute function audit_head_forward_only()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function audit_events_refuse_change()`.execute(db);
    return;
  }
  for (const event of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`audit_events_no_${event}`)} before ${sql.raw(event)} on audit_events
      begin select raise(abort, '${sql.raw(REFUSED)}'); end`.execute(db);
  }
  await sql`create trigger audit_head_forward_only before update on audit_head
    when new.id <> old.id or new.seq <> old.seq + 1
      or new.hash is not (select e.hash from audit_events e where e.seq = new.seq)
    begin select raise(abort, '${sql.raw(HEAD)}'); end`.execute(db);
  await sql`create trigger audit_head_no_delete before delete on audit_head
    begin select raise(abort, '${sql.raw(HEAD)}'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists audit_head_no_truncate on audit_head`.execute(db);
    await sql`drop trigger if exists audit_head_forward_only on audit_head`.execute(db);
    await sql`drop function if exists audit_head_forward_only()`.execute(db);
    await sql`drop trigger if exists audit_events_no_truncate on audit_events`.execute(db);
    await sql`drop trigger if exists audit_events_append_only on audit_events`.execute(db);
    await sql`drop function if exists audit_events_refuse_change()`.execute(db);
  } else {
    for (const name of [
      'audit_events_no_update',
      'audit_events_no_delete',
      'audit_head_forward_only',
      'audit_head_no_delete',
    ])
      await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
  }
  await db.schema.alterTable('audit_events').dropColumn('chain_version').execute();
}
