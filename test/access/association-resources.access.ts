import { signUp } from '../../server/modules/newsletter/sign-ups.service.ts';
import { unsubscribeToken } from '../../server/modules/newsletter/subscriptions.service.ts';
import type { TestApp } from '../app.ts';
import { signedIn } from '../client.ts';
import { lastEmailTo } from '../mailbox.ts';
import { attached, PDF_BYTES } from '../uploads.ts';
import { type AccessEntry, type AccessWorld, SIGNED_IN } from './matrix.ts';

// What the association publishes: its forms library, its newsletter and its jobs board.

const staff = ['staff', 'admin'] as const;
const members = ['member', 'staff', 'admin'] as const;

/** A form in the library, a newsletter issue still in draft, and a job the member posted. */
export async function setup(t: TestApp, world: AccessWorld) {
  const staffClient = await signedIn(t.app, world.people.staff);
  const memberClient = await signedIn(t.app, world.people.member);
  const form = await staffClient.post('/api/v1/association/forms', {
    title: 'Agreement to Mediate',
    category: 'Agreements',
    file: attached('agreement.pdf', PDF_BYTES),
  });
  const issue = await staffClient.post('/api/v1/association/newsletter', {
    title: 'Matrix issue',
    issueLabel: 'Spring 2026',
    body: 'A newsletter issue long enough to pass the check.',
  });
  const job = await memberClient.post('/api/v1/association/jobs', {
    title: 'Staff mediator',
    organization: 'A center',
    location: 'Columbia',
    description: 'Mediate small claims three days a week.',
    howToApply: 'Write to us',
    expiresOn: '2026-04-01',
  });
  world.extra.formId = (form.json() as { id: string }).id;
  world.extra.issueId = (issue.json() as { id: string }).id;
  world.extra.jobId = (job.json() as { id: string }).id;
}

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/association/forms', allowed: members },
  {
    method: 'POST',
    route: '/api/v1/association/forms',
    allowed: staff,
    request: () => ({
      body: {
        title: 'Intake form',
        category: 'Intake',
        file: attached('intake.pdf', PDF_BYTES),
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/forms/:formId/versions',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/forms/${w.extra.formId}/versions` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/forms/:formId/versions',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/forms/${w.extra.formId}/versions`,
      body: { file: attached('agreement.pdf', PDF_BYTES) },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/forms/:formId/download',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/forms/${w.extra.formId}/download` }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/library-forms',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/library-forms?q=agreement&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/library-forms.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/library-forms.csv?from=2026-01-01' }),
  },
  { method: 'GET', route: '/api/v1/association/newsletter', allowed: members },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter',
    allowed: staff,
    request: () => ({
      body: { title: 'Another issue', issueLabel: 'Summer 2026', body: 'Enough words to be an issue body.' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter/:issueId',
    allowed: ['staff', 'admin'],
    request: (w) => ({ url: `/api/v1/association/newsletter/${w.extra.issueId}` }),
    note: 'a draft: staff only (members read published issues)',
  },
  {
    method: 'PATCH',
    route: '/api/v1/association/newsletter/:issueId',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/newsletter/${w.extra.issueId}`,
      body: { summary: 'Changed' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter/:issueId/publish',
    allowed: staff,
    // A draft of their own for each of staff to publish; others are refused before that.
    request: async (w, { client, caller }) => {
      if (!staff.some((c) => c === caller))
        return { url: `/api/v1/association/newsletter/${w.extra.issueId}/publish` };
      const draft = await client.post('/api/v1/association/newsletter', {
        title: `Issue for ${caller}`,
        issueLabel: 'Summer 2026',
        body: 'A newsletter issue long enough to pass the check.',
      });
      return { url: `/api/v1/association/newsletter/${(draft.json() as { id: string }).id}/publish` };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter/unsubscribe',
    allowed: 'everyone',
    request: (w, { t }) => ({ body: { token: unsubscribeToken(t.config.appSecret, w.people.member.id) } }),
    note: 'the link is the credential, whoever sends it; a bad one answers 410 to everyone',
  },
  { method: 'GET', route: '/api/v1/association/newsletter-subscription', allowed: SIGNED_IN },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-archive',
    allowed: 'everyone',
    note: 'the public newsletter page: published issues only',
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter-sign-ups',
    allowed: 'everyone',
    request: (_w, { caller }) => ({ body: { email: `matrix-news-${caller.toLowerCase()}@example.test` } }),
    note: 'anyone may sign up; nothing is mailed until the e-mailed link is followed',
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-sign-ups',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/newsletter-sign-ups?q=example&status=pending&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/newsletter-sign-ups.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/newsletter-sign-ups.csv?from=2026-01-01' }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/newsletter-sign-ups/confirm',
    allowed: 'everyone',
    // Each caller follows the link from a sign-up of their own address.
    request: async (_w, { t, caller }) => {
      const email = `matrix-confirm-${caller.toLowerCase()}@example.test`;
      await signUp(t.deps, { email, ip: `10.98.${caller.length}.1` });
      return { body: { token: (await lastEmailTo(t.db, email, 'newsletter-confirm')).token } };
    },
    note: 'the e-mailed link is the credential, whoever sends it',
  },
  {
    method: 'PUT',
    route: '/api/v1/association/newsletter-subscription',
    allowed: SIGNED_IN,
    request: () => ({ body: { subscribed: true } }),
  },
  { method: 'GET', route: '/api/v1/association/jobs', allowed: members },
  {
    method: 'GET',
    route: '/api/v1/association/job-board',
    allowed: 'everyone',
    note: 'the public jobs board: openings without who posted them',
  },
  {
    method: 'POST',
    route: '/api/v1/association/jobs',
    allowed: members,
    request: () => ({
      body: {
        title: 'Mediator',
        organization: 'A court',
        location: 'Springfield',
        description: 'Mediate family cases for the circuit court.',
        howToApply: 'Apply online',
        expiresOn: '2026-04-01',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/jobs/:jobId/withdraw',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/jobs/${w.extra.jobId}/withdraw` }),
    note: 'its poster (the member here) and staff',
  },
  {
    method: 'GET',
    route: '/api/v1/association/job-postings',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/job-postings?q=mediator&state=open&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/job-postings.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/job-postings.csv?state=withdrawn' }),
  },
  { method: 'GET', route: '/api/v1/association/job-alerts', allowed: members },
  {
    method: 'PUT',
    route: '/api/v1/association/job-alerts',
    allowed: members,
    request: () => ({ body: { subscribed: true } }),
  },
];
