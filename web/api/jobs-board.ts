import * as jobs from '../../contracts/jobs-board.ts';
import { useRead } from './query.ts';

/** Query keys of the job listings and one's alerts. */
export const jobsBoardKeys = {
  all: ['jobs-board'] as const,
  listings: () => [...jobsBoardKeys.all, 'listings'] as const,
  alerts: () => [...jobsBoardKeys.all, 'alerts'] as const,
};

export function useJobListings() {
  return useRead(jobsBoardKeys.listings(), jobs.listJobs);
}

export function useJobAlerts() {
  return useRead(jobsBoardKeys.alerts(), jobs.getJobAlerts);
}

/** The public jobs board: open listings, for anyone. */
export function usePublicJobs() {
  return useRead([...jobsBoardKeys.all, 'public'], jobs.listPublicJobs);
}

/** Every listing, searched and filtered, a page at a time (staff); refreshed with the listings. */
export function useJobPostings(query: jobs.JobPostingsQuery) {
  return useRead([...jobsBoardKeys.listings(), 'staff', query], jobs.listJobPostings, { query });
}
