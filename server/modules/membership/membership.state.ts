import { hasBenefits, type MembershipStatus } from '../../../domain/membership.ts';
import { GLOBAL_SCOPE } from '../../../domain/roles.ts';
import type { Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { grantRole, revokeRole } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { setListingBenefit } from './listing.ts';
import * as repo from './membership.repository.ts';

/**
 * Applies what a membership's state means, in the caller's transaction: the member role (forms,
 * newsletter archive, jobs, member prices) while active or in grace, removed at lapse; and the
 * directory listing for tiers that include one.
 */
export async function applyBenefits(
  tx: Tx,
  deps: Deps,
  input: { userId: string; status: MembershipStatus; includesListing: boolean; actorId: string | null },
): Promise<void> {
  const now = iso(deps.clock.now());
  const on = hasBenefits(input.status);
  if (on)
    await grantRole(tx, {
      id: newId(),
      userId: input.userId,
      role: 'member',
      scope: GLOBAL_SCOPE,
      at: now,
      by: input.actorId,
    });
  else if (input.status === 'lapsed') await revokeRole(tx, input.userId, 'member', GLOBAL_SCOPE);
  // Only tiers that include a listing switch it: on when active again, off at lapse.
  if (input.includesListing && (on || input.status === 'lapsed')) {
    await setListingBenefit(tx, deps, { userId: input.userId, listed: on, actorId: input.actorId });
  }
}

/** Moves a stored status (active → grace → lapsed) once, with its audit event and benefits. */
export async function moveState(
  tx: Tx,
  deps: Deps,
  m: { id: string; user_id: string; status: MembershipStatus; includes_listing: number },
  to: MembershipStatus,
  actorId: string | null,
): Promise<boolean> {
  const now = deps.clock.now();
  const moved = await repo.moveMembership(tx, m.id, m.status, {
    status: to,
    status_changed_at: iso(now),
    updated_at: iso(now),
  });
  if (!moved) return false;
  await applyBenefits(tx, deps, {
    userId: m.user_id,
    status: to,
    includesListing: m.includes_listing === 1,
    actorId,
  });
  await recordAudit(tx, {
    kind: 'membership.state_changed',
    at: now,
    actorId,
    subjectType: 'membership',
    subjectId: m.id,
    data: { from: m.status, to },
  });
  return true;
}
