import { z } from 'zod';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { datedListQuery, listWithCsv, pageOf } from './list.ts';
import { IsoDate } from './membership.ts';
import { defineRoute } from './route.ts';

/** Job listings members post and read, and alerts when one is posted. */

const tags = ['association: job listings'];

/** A listing as the public jobs board shows it: the opening, not who posted it. */
export const PublicJobListing = z.object({
  id: z.string(),
  title: z.string(),
  organization: z.string(),
  location: z.string(),
  description: z.string(),
  howToApply: z.string(),
  expiresOn: z.string(),
  postedAt: z.string(),
});
export type PublicJobListing = z.infer<typeof PublicJobListing>;
/** A listing as members read it: the opening, who posted it, and whether the viewer may take it down. */
export const JobListing = PublicJobListing.extend({
  postedBy: z.string(),
  /** Its poster and staff may take it down. */
  can: Can('withdraw'),
});
export type JobListing = z.infer<typeof JobListing>;
export const listJobs = defineRoute({
  method: 'GET',
  path: '/api/v1/association/jobs',
  summary: 'Open job listings (members)',
  tags,
  response: { 200: z.array(JobListing) },
});

export const listPublicJobs = defineRoute({
  method: 'GET',
  path: '/api/v1/association/job-board',
  summary: 'The public jobs board: open listings, newest first, without who posted them',
  tags,
  response: { 200: z.array(PublicJobListing) },
});

export const PostJobBody = z.object({
  title: z.string().trim().min(3, 'Enter a job title').max(160),
  organization: z.string().trim().min(2, 'Enter the organization').max(160),
  location: z.string().trim().min(2, 'Enter a place, or "Remote"').max(160),
  description: z.string().trim().min(20, 'Describe the job in a few sentences').max(5000),
  howToApply: z.string().trim().min(5, 'Say how to apply').max(1000),
  expiresOn: IsoDate,
});
export type PostJobBody = z.infer<typeof PostJobBody>;
export const postJob = defineRoute({
  method: 'POST',
  path: '/api/v1/association/jobs',
  summary: 'Post an opening (members and staff)',
  tags,
  body: PostJobBody,
  response: { 201: z.object({ id: z.string() }) },
});
export const withdrawJob = defineRoute({
  method: 'POST',
  path: '/api/v1/association/jobs/:jobId/withdraw',
  summary: 'Take a listing down (its poster or staff)',
  tags,
  params: z.object({ jobId: Id }),
  response: { 200: z.object({ id: z.string(), status: z.literal('withdrawn') }) },
});

export const JobAlerts = z.object({ subscribed: z.boolean('Say whether you want job alerts') });
export type JobAlerts = z.infer<typeof JobAlerts>;
export const getJobAlerts = defineRoute({
  method: 'GET',
  path: '/api/v1/association/job-alerts',
  summary: 'Whether I get job alerts',
  tags,
  response: { 200: JobAlerts },
});
export const setJobAlerts = defineRoute({
  method: 'PUT',
  path: '/api/v1/association/job-alerts',
  summary: 'Turn job alerts on or off',
  tags,
  body: JobAlerts,
  response: { 200: JobAlerts },
});

// Staff's list of every listing (open, past its end, taken down): searched, filtered, paged, CSV.

export const JOB_STATES = ['open', 'expired', 'withdrawn'] as const;
export const JOB_STATE_LABELS: Record<(typeof JOB_STATES)[number], string> = {
  open: 'Open',
  expired: 'Ended',
  withdrawn: 'Taken down',
};

export const JobPostingsQuery = datedListQuery({
  searches: 'Part of the title, the organization or the place',
  filters: { state: z.enum(JOB_STATES, 'Choose open, ended or taken down').optional() },
  days: 'Posted',
  rows: ['listing', 'listings'],
});
export type JobPostingsQuery = z.input<typeof JobPostingsQuery>;

export const JobPostingRow = z.object({
  id: z.string(),
  title: z.string(),
  organization: z.string(),
  location: z.string(),
  state: z.enum(JOB_STATES),
  stateLabel: z.string(),
  expiresOn: z.string(),
  postedAt: z.string(),
  postedBy: z.string(),
  can: Can('withdraw'),
});
export type JobPostingRow = z.infer<typeof JobPostingRow>;

export const { list: listJobPostings, csv: downloadJobPostings } = listWithCsv({
  path: '/api/v1/association/job-postings',
  summary:
    'Every job listing, newest first, searched by title, organization or place and filtered by state and date (staff)',
  tags,
  query: JobPostingsQuery,
  page: pageOf(JobPostingRow),
  csv: {
    of: 'job listings',
    columns: 'One row per listing: title, organization, place, state, posted, ends, posted by',
  },
});
