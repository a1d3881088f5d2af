import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SearchRequest } from '../../contracts/directory.ts';
import * as directory from '../../contracts/directory.ts';
import type { OwnProfile } from '../../contracts/directory-profiles.ts';
import * as directoryProfiles from '../../contracts/directory-profiles.ts';
import * as directoryReview from '../../contracts/directory-review.ts';
import { call } from './client.ts';

/** Query keys of the directory: counties, searches, profiles, one's own record, the review queue, a profile as staff see it. */
export const directoryKeys = {
  all: ['directory'] as const,
  counties: () => [...directoryKeys.all, 'counties'] as const,
  search: (search: SearchRequest) => [...directoryKeys.all, 'search', search] as const,
  mediator: (profileId: string) => [...directoryKeys.all, 'mediator', profileId] as const,
  own: () => [...directoryKeys.all, 'own'] as const,
  review: () => [...directoryKeys.all, 'review'] as const,
  staffProfile: (profileId: string) => [...directoryKeys.all, 'staff-profile', profileId] as const,
};

/** Missouri's counties for the place filters and the profile editor: reference data, loaded once. */
export function useCounties() {
  return useQuery({
    queryKey: directoryKeys.counties(),
    queryFn: () => call(directory.listCounties),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A directory search, a page at a time (each page's cursor leads to the next). */
export function useDirectorySearch(search: SearchRequest) {
  return useInfiniteQuery({
    queryKey: directoryKeys.search(search),
    queryFn: ({ pageParam }) =>
      call(directory.searchMediators, { query: pageParam ? { ...search, cursor: pageParam } : search }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A mediator's public profile, with what the viewer may do on it. */
export function usePublicProfile(profileId: string, enabled = true) {
  return useQuery({
    queryKey: directoryKeys.mediator(profileId),
    queryFn: () => call(directory.getPublicProfile, { params: { profileId } }),
    enabled,
  });
}

/** The signed-in person's profile and training record (none yet for someone who has not written one). */
export function useOwnProfile(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.own(),
    queryFn: () => call(directoryProfiles.getOwnProfile),
    enabled,
  });
}

/** A change to one's profile answers with the whole record: shown at once, without asking again. */
export function useKeepOwnProfile() {
  const client = useQueryClient();
  return (answer: OwnProfile) => client.setQueryData(directoryKeys.own(), answer);
}

/** Courses, credentials and affidavits waiting for this reviewer. */
export function useReviewQueue() {
  return useQuery({ queryKey: directoryKeys.review(), queryFn: () => call(directoryReview.getReviewQueue) });
}

/** A profile's whole record as association staff see it, to edit it or record federal panels. */
export function useStaffProfile(profileId: string) {
  return useQuery({
    queryKey: directoryKeys.staffProfile(profileId),
    queryFn: () => call(directoryReview.getProfileAsStaff, { params: { profileId } }),
  });
}
