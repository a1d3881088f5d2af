import * as membership from '../../contracts/membership.ts';
import * as membershipMembers from '../../contracts/membership-members.ts';
import * as membershipPayments from '../../contracts/membership-payments.ts';
import * as membershipProgress from '../../contracts/membership-progress.ts';
import { useRead } from './query.ts';

/** Query keys of membership: tiers, my membership, staff's lists, continuing education, the path. */
export const membershipKeys = {
  all: ['membership'] as const,
  tiers: () => [...membershipKeys.all, 'tiers'] as const,
  mine: () => [...membershipKeys.all, 'mine'] as const,
  payments: () => [...membershipKeys.all, 'payments'] as const,
  continuingEducation: () => [...membershipKeys.all, 'continuing-education'] as const,
  path: () => [...membershipKeys.all, 'path'] as const,
};

/** The tiers open to join, each saying whether this viewer may join or renew at it. */
export function useTiers() {
  return useRead(membershipKeys.tiers(), membership.listTiers);
}

/** The signed-in person's membership, receipts, and what they may do (asked only once signed in). */
export function useMyMembership(enabled = true) {
  return useRead(membershipKeys.mine(), membership.getMyMembership, undefined, { enabled });
}

/** Memberships by state, or those waiting for dues (an open invoice), searched, a page at a time, for staff. */
export function useMemberships(query: membershipMembers.MembershipQuery) {
  return useRead([...membershipKeys.all, 'list', query], membershipMembers.listMemberships, { query });
}

/** Payments, newest first, whoever took them, searched and filtered, a page at a time, for staff. */
export function usePayments(query: membershipPayments.PaymentsQuery = {}) {
  return useRead([...membershipKeys.payments(), query], membershipPayments.listPayments, { query });
}

/** This year's continuing-education hours against the yearly goal. */
export function useContinuingEducation(enabled = true) {
  return useRead(membershipKeys.continuingEducation(), membershipProgress.getContinuingEducation, undefined, {
    enabled,
  });
}

/** The personal checklist on the path to becoming a mediator. */
export function usePath(enabled = true) {
  return useRead(membershipKeys.path(), membershipProgress.getPath, undefined, { enabled });
}

/** Staff's search of members, a page at a time. */
export function useMembers(query: membershipMembers.MembersQuery) {
  return useRead([...membershipKeys.all, 'members', query], membershipMembers.listMembers, { query });
}

/** One member's record, for staff. */
export function useMemberRecord(userId: string) {
  return useRead([...membershipKeys.all, 'member', userId], membershipMembers.getMember, {
    params: { userId },
  });
}
