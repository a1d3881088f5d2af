import type { Executor } from '../../db/database.ts';

export async function findGrants(db: Executor, userId: string) {
  return db.selectFrom('role_grants').select(['role', 'scope']).where('user_id', '=', userId).execute();
}

/** Programs that require a second factor of some of this person's roles there. */
export async function programsRequiringMfa(db: Executor, userId: string, roles: readonly string[]) {
  return db
    .selectFrom('role_grants')
    .innerJoin('programs', 'programs.id', 'role_grants.scope')
    .select(['programs.id', 'programs.name'])
    .where('role_grants.user_id', '=', userId)
    .where('role_grants.role', 'in', roles)
    .where('programs.require_mfa', '=', 1)
    .execute();
}
