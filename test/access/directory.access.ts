import { OwnProfile, type ProfileRecord } from '../../contracts/directory-profiles.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn, type TestClient } from '../client.ts';
import { attached, PDF_BYTES, PNG_BYTES } from '../uploads.ts';
import { type AccessEntry, type AccessWorld, type Caller, SIGNED_IN } from './matrix.ts';

const keepers = ['mediator', 'member'] as const;
const reviewers = ['coordinator', 'otherCoordinator', 'staff', 'admin'] as const;
const staff = ['staff', 'admin'] as const;
const profile = {
  displayName: 'Matrix Mediator',
  areas: ['civil'],
  languages: ['en'],
  counties: ['29077'],
};
const pdf = (filename: string) => attached(filename, PDF_BYTES);
const course = (provider: string, certificate: ReturnType<typeof pdf> | null = null) => ({
  provider,
  date: '2025-01-01',
  hours: 1,
  kind: 'continuing_education',
  certificate,
});

/** A step of the setup that must succeed; its answer read through the contract. */
async function own(client: TestClient, step: Promise<{ statusCode: number; body: string }>) {
  const response = await step;
  if (response.statusCode >= 300) throw new Error(`directory matrix setup: ${response.body}`);
  const record = OwnProfile.parse(json(await client.get('/api/v1/directory/me'))).profile;
  if (!record) throw new Error('directory matrix setup: no profile');
  return record;
}
const courseOf = (record: ProfileRecord, provider: string) =>
  record.courses.find((c) => c.provider === provider)!;

/**
 * A published profile with a photo, an affidavit and a course to verify (a member outside the
 * matrix keeps it); the matrix's mediator and member each keep a course of their own to remove,
 * and the mediator a certificate to open.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const listedUser = await buildUser(t.deps, { name: 'Matrix Listed', grants: [{ role: 'member' }] });
  const listed = await signedIn(t.app, listedUser);
  await own(listed, listed.put('/api/v1/directory/me', { ...profile, displayName: 'Matrix Listed' }));
  await own(listed, listed.put('/api/v1/directory/me/photo', attached('me.png', PNG_BYTES)));
  await own(listed, listed.put('/api/v1/directory/me/affidavit', pdf('affidavit.pdf')));
  const record = await own(listed, listed.post('/api/v1/directory/me/courses', course('Matrix Verify')));
  world.extra.dListed = record.id;
  world.extra.dVerifyCourse = courseOf(record, 'Matrix Verify').id;

  for (const caller of keepers) {
    const client = await signedIn(t.app, world.people[caller]);
    await own(client, client.put('/api/v1/directory/me', profile));
    const mine = await own(client, client.post('/api/v1/directory/me/courses', course('Matrix Remove')));
    world.extra[`dCourse:${caller}`] = courseOf(mine, 'Matrix Remove').id;
  }
  const mediator = await signedIn(t.app, world.people.mediator);
  const certified = await own(
    mediator,
    mediator.post('/api/v1/directory/me/courses', course('Matrix Certified', pdf('certificate.pdf'))),
  );
  world.extra.dDocument = courseOf(certified, 'Matrix Certified').certificateFileId!;
}

const listed = (w: AccessWorld, rest = '') => `/api/v1/directory/mediators/${w.extra.dListed}${rest}`;
const staffUrl = (w: AccessWorld, rest = '') => `/api/v1/directory/profiles/${w.extra.dListed}${rest}`;
/** The caller's own course; anyone else tries the mediator's. */
const ownCourse = (w: AccessWorld, caller: Caller) =>
  w.extra[`dCourse:${caller}`] ?? w.extra['dCourse:mediator']!;

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/directory/counties', allowed: 'everyone', note: 'reference data' },
  { method: 'GET', route: '/api/v1/directory/mediators', allowed: 'everyone', note: 'the public directory' },
  {
    method: 'GET',
    route: '/api/v1/directory/mediators/:profileId',
    allowed: 'everyone',
    request: (w) => ({ url: listed(w) }),
  },
  {
    method: 'GET',
    route: '/api/v1/directory/mediators/:profileId/photo',
    allowed: 'everyone',
    request: (w) => ({ url: listed(w, '/photo') }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/mediators/:profileId/contact',
    allowed: 'everyone',
    request: (w, { caller }) => ({
      url: listed(w, '/contact'),
      body: {
        name: 'Matrix Visitor',
        email: `matrix-contact-${caller.toLowerCase()}@example.test`,
        message: 'We would like help with a disagreement.',
      },
    }),
    note: 'anyone may write to a mediator; throttled per address and per mediator',
  },
  { method: 'GET', route: '/api/v1/directory/me', allowed: SIGNED_IN },
  { method: 'PUT', route: '/api/v1/directory/me', allowed: keepers, request: () => ({ body: profile }) },
  {
    method: 'PUT',
    route: '/api/v1/directory/me/photo',
    allowed: keepers,
    request: () => ({ body: attached('me.png', PNG_BYTES) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/directory/me/affidavit',
    allowed: keepers,
    request: () => ({ body: pdf('affidavit.pdf') }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/me/courses',
    allowed: keepers,
    request: () => ({ body: course('Matrix') }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/directory/me/courses/:courseId',
    allowed: keepers,
    request: (w, { caller }) => ({ url: `/api/v1/directory/me/courses/${ownCourse(w, caller)}` }),
    note: 'its own mediator, while nobody has verified it',
  },
  {
    method: 'GET',
    route: '/api/v1/directory/documents/:fileId',
    allowed: ['mediator', ...reviewers],
    request: (w) => ({ url: `/api/v1/directory/documents/${w.extra.dDocument}` }),
    note: 'the mediator’s own certificate: theirs, and for staff and coordinators to check; anyone else gets 404',
  },
  { method: 'GET', route: '/api/v1/directory/review', allowed: reviewers },
  {
    method: 'POST',
    route: '/api/v1/directory/courses/:courseId/verify',
    allowed: reviewers,
    request: (w) => ({ url: `/api/v1/directory/courses/${w.extra.dVerifyCourse}/verify` }),
  },
  {
    method: 'GET',
    route: '/api/v1/directory/profiles/:profileId',
    allowed: staff,
    request: (w) => ({ url: staffUrl(w) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/directory/profiles/:profileId',
    allowed: staff,
    request: (w) => ({ url: staffUrl(w), body: { ...profile, displayName: 'Matrix Listed' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/credentials/verify',
    allowed: staff,
    request: (w) => ({ url: staffUrl(w, '/credentials/verify') }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/affidavit/verify',
    allowed: reviewers,
    request: (w) => ({ url: staffUrl(w, '/affidavit/verify') }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/special-education',
    allowed: ['coordinator'],
    request: (w) => ({ url: staffUrl(w, '/special-education'), body: { admitted: true } }),
    note: 'the coordinator of the special-education program only',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/federal-panels',
    allowed: staff,
    request: (w) => ({ url: staffUrl(w, '/federal-panels'), body: { eastern: true, western: false } }),
  },
];
