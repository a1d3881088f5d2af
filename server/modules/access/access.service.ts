import {
  can,
  type Grant,
  isRole,
  MFA_ELIGIBLE_ROLES,
  type Permission,
  type Role,
} from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { programsRequiringMfa } from '../programs/programs.service.ts';
import * as repo from './access.repository.ts';

/** Who is acting: built once per request from the session, passed to every service call. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  grants: Grant[];
  /** A program this person works in requires a second factor they have not set up yet. */
  mfaSetupRequired: boolean;
  hasMfa: boolean;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
};

export async function loadGrants(db: Executor, userId: string): Promise<Grant[]> {
  const rows = await repo.findGrants(db, userId);
  return rows.flatMap((r) => (isRole(r.role) ? [{ role: r.role, scope: r.scope }] : []));
}

/** A program where this person holds a role that must use a second factor requires one. */
export async function needsMfaSetup(db: Executor, grants: Grant[], hasMfa: boolean): Promise<boolean> {
  if (hasMfa) return false;
  const eligible: readonly Role[] = MFA_ELIGIBLE_ROLES;
  const scopes = grants.filter((g) => eligible.includes(g.role)).map((g) => g.scope);
  return scopes.length > 0 && (await programsRequiringMfa(db, scopes)).length > 0;
}

// Roles held, for other areas: giving and taking a role, and who holds one where.

export const grantRole = (
  db: Executor,
  grant: { id: string; userId: string; role: Role; scope: string; at: string; by: string | null },
) =>
  repo.insertGrant(db, {
    id: grant.id,
    user_id: grant.userId,
    role: grant.role,
    scope: grant.scope,
    created_at: grant.at,
    created_by: grant.by,
  });

export const revokeRole = (db: Executor, userId: string, role: Role, scope: string) =>
  repo.deleteGrant(db, userId, role, scope);

/** The people holding a role in a program (or '*'), by name; `activeOnly` leaves out disabled accounts. */
export const listRoleHolders = (
  db: Executor,
  scope: string,
  role: Role,
  options: { activeOnly?: boolean } = {},
) => repo.listHolders(db, scope, role, options.activeOnly ?? false);

/** Everyone holding a role, in whatever scope, with the scope. */
export const listRoleGrants = (db: Executor, role: Role) => repo.listGrantsOfRole(db, role);

/** Everyone holding any role in a program, with the role. */
export const listPeopleInScope = (db: Executor, scope: string) => repo.listHolders(db, scope);

/** Of these people, the ones who hold a role in a scope. */
export const whoHoldsRole = (db: Executor, userIds: readonly string[], role: Role, scope: string) =>
  repo.holdersAmong(db, userIds, role, scope);

/**
 * The one permission check every service makes before acting. It refuses anonymous callers with
 * 401, and callers without the permission (in that program, when one is named) with 403.
 */
export function authorize(
  actor: Actor | null | undefined,
  permission: Permission,
  scope: { programId?: string } = {},
): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  if (actor.mfaSetupRequired && permission !== 'account:use') {
    throw new AppError(
      'MFA_REQUIRED',
      'Your program asks you to turn on two-step sign-in. Set it up on your account page, then try again.',
    );
  }
  if (!can(actor.grants, permission, scope.programId)) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do that.');
  }
}

/** For routes any signed-in person may use (their own account, their own cases). */
export function requireActor(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
}

export const holdsRole = (actor: Actor, role: Grant['role'], programId?: string): boolean =>
  actor.grants.some(
    (g) => g.role === role && (programId === undefined || g.scope === programId || g.scope === '*'),
  );
