import * as health from '../../contracts/health.ts';
import { useRead } from './query.ts';

/** Query keys of the footer pages. */
export const aboutKeys = { about: () => ['about'] as const };

/** How to reach the people who run this Parley: the contact, privacy and accessibility pages. */
export function useAbout() {
  return useRead(aboutKeys.about(), health.getAbout, undefined, { staleTime: Number.POSITIVE_INFINITY });
}
