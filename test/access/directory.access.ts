import { type AccessEntry, SIGNED_IN } from './matrix.ts';

const signedIn = SIGNED_IN;
const keepers = ['mediator', 'member'] as const;
const reviewers = ['coordinator', 'otherCoordinator', 'staff', 'admin'] as const;
const staff = ['staff', 'admin'] as const;
const none = '00000000-0000-7000-8000-000000000000';
const profile = {
  displayName: 'Matrix Mediator',
  areas: ['civil'],
  languages: ['en'],
  counties: ['29077'],
};
const upload = { filename: 'x.png', contentBase64: 'iVBORw0KGgo=' };

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/directory/counties', allowed: 'everyone', note: 'reference data' },
  { method: 'GET', route: '/api/v1/directory/mediators', allowed: 'everyone', note: 'the public directory' },
  {
    method: 'GET',
    route: '/api/v1/directory/mediators/:profileId',
    allowed: 'everyone',
    request: () => ({ url: `/api/v1/directory/mediators/${none}` }),
    expect2xx: false,
    why: 'the matrix has no published profile to show (404)',
  },
  {
    method: 'GET',
    route: '/api/v1/directory/mediators/:profileId/photo',
    allowed: 'everyone',
    request: () => ({ url: `/api/v1/directory/mediators/${none}/photo` }),
    expect2xx: false,
    why: 'the matrix has no profile photo to show (404)',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/mediators/:profileId/contact',
    allowed: 'everyone',
    request: () => ({ url: `/api/v1/directory/mediators/${none}/contact` }),
    note: 'anyone may write to a mediator; throttled per address and per mediator',
    expect2xx: false,
    why: 'the matrix sends no message and has no profile to write to (400)',
  },
  { method: 'GET', route: '/api/v1/directory/me', allowed: signedIn },
  { method: 'PUT', route: '/api/v1/directory/me', allowed: keepers, request: () => ({ body: profile }) },
  { method: 'PUT', route: '/api/v1/directory/me/photo', allowed: keepers, request: () => ({ body: upload }) },
  {
    method: 'PUT',
    route: '/api/v1/directory/me/affidavit',
    allowed: keepers,
    request: () => ({ body: upload }),
  },
  {
    method: 'POST',
    route: '/api/v1/directory/me/courses',
    allowed: keepers,
    request: () => ({
      body: { provider: 'Matrix', date: '2025-01-01', hours: 1, kind: 'continuing_education' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/directory/me/courses/:courseId',
    allowed: keepers,
    request: () => ({ url: `/api/v1/directory/me/courses/${none}` }),
    expect2xx: false,
    why: 'the matrix has no course to remove (404)',
  },
  {
    method: 'GET',
    route: '/api/v1/directory/documents/:fileId',
    allowed: signedIn,
    request: () => ({ url: `/api/v1/directory/documents/${none}` }),
    note: 'its owner, staff and coordinators; anyone else gets 404',
    expect2xx: false,
    why: 'the matrix has no uploaded document to open (404)',
  },
  { method: 'GET', route: '/api/v1/directory/review', allowed: reviewers },
  {
    method: 'POST',
    route: '/api/v1/directory/courses/:courseId/verify',
    allowed: reviewers,
    request: () => ({ url: `/api/v1/directory/courses/${none}/verify` }),
    expect2xx: false,
    why: 'the matrix has no course to verify (404)',
  },
  {
    method: 'GET',
    route: '/api/v1/directory/profiles/:profileId',
    allowed: staff,
    request: () => ({ url: `/api/v1/directory/profiles/${none}` }),
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
  {
    method: 'PUT',
    route: '/api/v1/directory/profiles/:profileId',
    allowed: staff,
    request: () => ({ url: `/api/v1/directory/profiles/${none}`, body: profile }),
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/credentials/verify',
    allowed: staff,
    request: () => ({ url: `/api/v1/directory/profiles/${none}/credentials/verify` }),
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/affidavit/verify',
    allowed: reviewers,
    request: () => ({ url: `/api/v1/directory/profiles/${none}/affidavit/verify` }),
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/special-education',
    allowed: ['coordinator'],
    request: () => ({
      url: `/api/v1/directory/profiles/${none}/special-education`,
      body: { admitted: true },
    }),
    note: 'the coordinator of the special-education program only',
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
  {
    method: 'POST',
    route: '/api/v1/directory/profiles/:profileId/federal-panels',
    allowed: staff,
    request: () => ({
      url: `/api/v1/directory/profiles/${none}/federal-panels`,
      body: { eastern: true, western: false },
    }),
    expect2xx: false,
    why: 'the matrix has no profile to review (404)',
  },
];
