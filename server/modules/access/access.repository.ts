import { type Insertable, sql } from 'kysely';
import type { Role } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import type { RoleGrantsTable } from '../../db/schema.ts';

// role_grants (who holds which role where) and throttle_counters (abuse quotas). Decides nothing.

export const findGrants = (db: Executor, userId: string) =>
  db.selectFrom('role_grants').select(['role', 'scope']).where('user_id', '=', userId).execute();

/** Adds a grant; false when the person already holds that role there. */
export async function insertGrant(db: Executor, grant: Insertable<RoleGrantsTable>) {
  const result = await db
    .insertInto('role_grants')
    .values(grant)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a grant; false when the person did not hold it. */
export async function deleteGrant(db: Executor, userId: string, role: Role, scope: string) {
  const result = await db
    .deleteFrom('role_grants')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('scope', '=', scope)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The people holding a role in a scope (one role, or any), by name, with their address. */
export const listHolders = (db: Executor, scope: string, role?: Role, activeOnly = false) => {
  let q = db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'role_grants.role'])
    .where('role_grants.scope', '=', scope);
  if (role) q = q.where('role_grants.role', '=', role);
  if (activeOnly) q = q.where('users.disabled_at', 'is', null);
  return q.orderBy('users.name').orderBy('users.id').execute();
};

/** Everyone holding a role in any scope, with the scope (the court's users, each for a circuit). */
export const listGrantsOfRole = (db: Executor, role: Role) =>
  db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'role_grants.scope', 'role_grants.created_at'])
    .where('role_grants.role', '=', role)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();

/** Of these people, the ones holding a role in a scope. */
export const holdersAmong = async (db: Executor, userIds: readonly string[], role: Role, scope: string) =>
  userIds.length
    ? new Set(
        (
          await db
            .selectFrom('role_grants')
            .select('user_id')
            .where('user_id', 'in', [...userIds])
            .where('role', '=', role)
            .where('scope', '=', scope)
            .execute()
        ).map((r) => r.user_id),
      )
    : new Set<string>();

/** Counts one hit against a key in a window; returns the window's hits so far. One atomic upsert. */
export const countHit = async (db: Executor, key: string, windowStart: string) =>
  (
    await db
      .insertInto('throttle_counters')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`throttle_counters.hits + 1` }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow()
  ).hits;

export const deleteCountersBefore = (db: Executor, before: string) =>
  db.deleteFrom('throttle_counters').where('window_start', '<', before).execute();
