import { circuitOfScope, GLOBAL_SCOPE, type Role } from '../../../domain/roles.ts';
import { type Actor, holdsRole } from '../access/access.service.ts';

/**
 * Who may invite whom. A coordinator brings people into their own program; association staff
 * invite members and staff; an administrator may invite anyone anywhere.
 */
const COORDINATOR_MAY_INVITE: readonly Role[] = ['coordinator', 'mediator', 'party', 'advocate', 'attorney'];
const STAFF_MAY_INVITE: readonly Role[] = ['member', 'staff', 'mediator'];

export function mayInvite(actor: Actor, role: Role, scope: string): boolean {
  if (holdsRole(actor, 'admin')) return true;
  if (
    scope !== GLOBAL_SCOPE &&
    holdsRole(actor, 'coordinator', scope) &&
    COORDINATOR_MAY_INVITE.includes(role)
  ) {
    return actor.grants.some((g) => g.role === 'coordinator' && g.scope === scope);
  }
  return scope === GLOBAL_SCOPE && holdsRole(actor, 'staff') && STAFF_MAY_INVITE.includes(role);
}

/** Program roles need a program; association-wide roles have none; a court's is held for a circuit. */
export const scopeFits = (role: Role, scope: string): boolean =>
  role === 'court'
    ? circuitOfScope(scope) !== null
    : role === 'coordinator'
      ? scope !== GLOBAL_SCOPE
      : role === 'admin' || role === 'staff' || role === 'member'
        ? scope === GLOBAL_SCOPE
        : true;
