import { hasBenefits, type MembershipStatus, membershipStateAt } from '../../../domain/membership.ts';
import { AppError } from '../../http/errors.ts';

/** A person's membership as the rules read it. */
type Held = { status: MembershipStatus; tier_id: string; expires_at: string | null } | undefined;

/**
 * Why this person may not join at this tier now, or null: a member in good standing renews
 * instead, and someone already waiting for their dues at this tier has nothing to join.
 */
export function joinRefusal(held: Held, tierId: string): AppError | null {
  if (held && hasBenefits(held.status))
    return new AppError('CONFLICT', 'You are already a member. Use “Renew” to pay for the next year.');
  if (held?.status === 'pending' && held.tier_id === tierId)
    return new AppError(
      'CONFLICT',
      'You have already asked to join at this tier. Your membership starts when your dues are recorded.',
    );
  return null;
}

/** A member in good standing (active, or overdue in the grace period) renews; others join. */
export const mayRenew = (held: Held): boolean => Boolean(held && hasBenefits(held.status));

/** Dues are waiting: a new membership, or one past its end and in its grace period. */
export const duesOwed = (held: Held): boolean => held?.status === 'pending' || held?.status === 'grace';

/** Whether the membership gives member benefits at `now` (member prices, the members' page). */
export function benefitsAt(held: Held, graceDays: number, now: Date): boolean {
  if (!held?.expires_at || held.status === 'lapsed' || held.status === 'pending') return false;
  return hasBenefits(membershipStateAt({ status: held.status, expiresAt: held.expires_at, graceDays }, now));
}
