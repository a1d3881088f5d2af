import { can, type Grant, isRole, MFA_ELIGIBLE_ROLES, type Permission } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
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

export async function needsMfaSetup(db: Executor, userId: string, hasMfa: boolean): Promise<boolean> {
  if (hasMfa) return false;
  const programs = await repo.programsRequiringMfa(db, userId, MFA_ELIGIBLE_ROLES);
  return programs.length > 0;
}

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
