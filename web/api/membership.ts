import { useQuery } from '@tanstack/react-query';
import * as membership from '../../contracts/membership.ts';
import type { MembershipStatus } from '../../domain/membership.ts';
import { call } from './client.ts';

/** Query keys of membership: tiers, my membership, staff's lists, continuing education, the path. */
export const membershipKeys = {
  all: ['membership'] as const,
  tiers: () => [...membershipKeys.all, 'tiers'] as const,
  mine: () => [...membershipKeys.all, 'mine'] as const,
  list: (status: MembershipStatus | undefined) => [...membershipKeys.all, 'list', status ?? 'all'] as const,
  continuingEducation: () => [...membershipKeys.all, 'continuing-education'] as const,
  path: () => [...membershipKeys.all, 'path'] as const,
};

/** The tiers open to join, each saying whether this viewer may join or renew at it. */
export function useTiers() {
  return useQuery({ queryKey: membershipKeys.tiers(), queryFn: () => call(membership.listTiers) });
}

/** The signed-in person's membership, receipts, and what they may do (asked only once signed in). */
export function useMyMembership(enabled = true) {
  return useQuery({
    queryKey: membershipKeys.mine(),
    queryFn: () => call(membership.getMyMembership),
    enabled,
  });
}

/** Memberships by state, for staff. */
export function useMemberships(status: MembershipStatus | undefined) {
  return useQuery({
    queryKey: membershipKeys.list(status),
    queryFn: () => call(membership.listMemberships, { query: { status } }),
  });
}

/** This year's continuing-education hours against the yearly goal. */
export function useContinuingEducation(enabled = true) {
  return useQuery({
    queryKey: membershipKeys.continuingEducation(),
    queryFn: () => call(membership.getContinuingEducation),
    enabled,
  });
}

/** The personal checklist on the path to becoming a mediator. */
export function usePath(enabled = true) {
  return useQuery({ queryKey: membershipKeys.path(), queryFn: () => call(membership.getPath), enabled });
}
