import { useQuery } from '@tanstack/react-query';
import * as newsletter from '../../contracts/newsletter.ts';
import { call } from './client.ts';

/** Query keys of The Communicator: the archive (with drafts for staff) and one's e-mail choice. */
export const newsletterKeys = {
  all: ['newsletter'] as const,
  issues: () => [...newsletterKeys.all, 'issues'] as const,
  subscription: () => [...newsletterKeys.all, 'subscription'] as const,
};

export function useNewsletterIssues(enabled = true) {
  return useQuery({ queryKey: newsletterKeys.issues(), queryFn: () => call(newsletter.listIssues), enabled });
}

export function useNewsletterSubscription(enabled = true) {
  return useQuery({
    queryKey: newsletterKeys.subscription(),
    queryFn: () => call(newsletter.getSubscription),
    enabled,
  });
}
