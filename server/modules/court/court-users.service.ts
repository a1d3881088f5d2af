import type { CourtCircuit, CourtUsers, InviteCourtUserBody } from '../../../contracts/court.ts';
import { circuitName, circuitOfScope, circuitScope } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, listRoleGrants, revokeRole, whoHoldsRole } from '../access/access.service.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listCounties } from '../directory/directory.service.ts';
import { mayInvite } from '../invitations/invitations.policy.ts';
import { invitationsToRole, issueInvitation } from '../invitations/invitations.service.ts';
import { COURT_EMAILS } from './court.emails.ts';

/**
 * The courts' users: a circuit's clerk or judge's staff holds the `court` role for that circuit
 * (scope `circuit:<n>`). Whoever gives roles across Parley (an administrator: `roles:grant`)
 * invites them by e-mail through invitations (accepting creates the grant), lists them with the
 * invitations sent, and takes a circuit away. The circuits are Missouri's, read from the county
 * list the directory keeps, each with its counties so the right one is chosen.
 */
export async function missouriCircuits(deps: Pick<Deps, 'db'>): Promise<CourtCircuit[]> {
  const byCircuit = new Map<number, string[]>();
  for (const county of await listCounties(deps)) {
    byCircuit.set(county.circuit, [...(byCircuit.get(county.circuit) ?? []), county.name]);
  }
  return [...byCircuit.entries()]
    .sort(([a], [b]) => a - b)
    .map(([circuit, counties]) => ({ circuit, name: circuitName(circuit), counties }));
}

export async function listCourtUsers(deps: Deps, actor: Actor | null): Promise<CourtUsers> {
  authorize(actor, 'roles:grant');
  const users = (await listRoleGrants(deps.db, 'court')).flatMap((g) => {
    const circuit = circuitOfScope(g.scope);
    return circuit === null
      ? []
      : [{ userId: g.id, name: g.name, email: g.email, circuit, since: g.created_at }];
  });
  const invitations = (await invitationsToRole(deps.db, 'court', deps.clock.now())).flatMap(
    ({ role: _role, scope, ...i }) => {
      const circuit = circuitOfScope(scope);
      return circuit === null ? [] : [{ ...i, circuit }];
    },
  );
  return { circuits: await missouriCircuits(deps), users, invitations };
}

export async function inviteCourtUser(deps: Deps, actor: Actor | null, body: InviteCourtUserBody) {
  authorize(actor, 'roles:grant');
  const scope = circuitScope(body.circuit);
  if (!mayInvite(actor, 'court', scope)) throw forbidden('You cannot invite court users.');
  const circuit = (await missouriCircuits(deps)).find((c) => c.circuit === body.circuit);
  if (!circuit) {
    throw new AppError('VALIDATION_FAILED', 'Choose one of Missouri’s judicial circuits.', {
      fields: { circuit: 'is not a Missouri judicial circuit' },
    });
  }
  const existing = await findUserByEmail(deps.db, body.email);
  if (existing && (await whoHoldsRole(deps.db, [existing.id], 'court', scope)).size > 0) {
    throw new AppError('CONFLICT', `${body.email} already sees ${circuit.name}'s cases.`, {
      fields: { email: 'already a court user for this circuit' },
    });
  }
  return inTransaction(deps.db, async (tx) => {
    const { id } = await issueInvitation(tx, deps, {
      email: body.email,
      name: body.name,
      role: 'court',
      scope,
      invitedBy: actor.userId,
      ...COURT_EMAILS.invitation({
        name: body.name,
        by: actor.name,
        circuit: circuit.name,
        counties: circuit.counties,
      }),
    });
    return { id };
  });
}

export async function removeCourtUser(
  deps: Deps,
  actor: Actor | null,
  params: { userId: string; circuit: number },
): Promise<void> {
  authorize(actor, 'roles:grant');
  await inTransaction(deps.db, async (tx) => {
    if (!(await revokeRole(tx, params.userId, 'court', circuitScope(params.circuit)))) {
      throw notFound('That court user');
    }
    await recordAudit(tx, {
      kind: 'court.user_removed',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: params.userId,
      data: { role: 'court', scope: circuitScope(params.circuit) },
    });
  });
}
