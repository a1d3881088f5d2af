import * as newsletter from '../../contracts/newsletter.ts';
import { useRead } from './query.ts';

/** Query keys of The Communicator: the archive (with drafts for staff) and one's e-mail choice. */
export const newsletterKeys = {
  all: ['newsletter'] as const,
  issues: () => [...newsletterKeys.all, 'issues'] as const,
  subscription: () => [...newsletterKeys.all, 'subscription'] as const,
};

export function useNewsletterIssues(enabled = true) {
  return useRead(newsletterKeys.issues(), newsletter.listIssues, undefined, { enabled });
}

export function useNewsletterSubscription(enabled = true) {
  return useRead(newsletterKeys.subscription(), newsletter.getSubscription, undefined, { enabled });
}

/** The public archive: published issues, for anyone. */
export function usePublicIssues() {
  return useRead([...newsletterKeys.all, 'public'], newsletter.listPublicIssues);
}

/** Sign-ups from the public page, searched and filtered, a page at a time (staff). */
export function useSignUps(query: newsletter.SignUpsQuery) {
  return useRead([...newsletterKeys.all, 'sign-ups', query], newsletter.listSignUps, { query });
}
