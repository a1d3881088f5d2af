import { useQuery } from '@tanstack/react-query';
import * as jobs from '../../contracts/jobs-board.ts';
import { call } from './client.ts';

/** Query keys of the job listings and one's alerts. */
export const jobsBoardKeys = {
  all: ['jobs-board'] as const,
  listings: () => [...jobsBoardKeys.all, 'listings'] as const,
  alerts: () => [...jobsBoardKeys.all, 'alerts'] as const,
};

export function useJobListings() {
  return useQuery({ queryKey: jobsBoardKeys.listings(), queryFn: () => call(jobs.listJobs) });
}

export function useJobAlerts() {
  return useQuery({ queryKey: jobsBoardKeys.alerts(), queryFn: () => call(jobs.getJobAlerts) });
}
