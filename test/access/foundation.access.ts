import { type AccessEntry, SIGNED_IN } from './matrix.ts';

const signedIn = SIGNED_IN;
const token = { token: 'x'.repeat(43) };

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/health', allowed: 'everyone', note: 'load balancers' },
  { method: 'GET', route: '/api/openapi.json', allowed: 'everyone', note: 'the API description is public' },
  { method: 'GET', route: '/api/v1/auth/session', allowed: 'everyone' },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-up',
    allowed: 'everyone',
    request: () => ({
      body: { name: 'A', email: 'matrix-new@example.test', password: 'long enough password' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/verify-email',
    allowed: 'everyone',
    request: () => ({ body: token }),
    note: 'the link is the credential',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/resend-verification',
    allowed: 'everyone',
    request: () => ({ body: { email: 'nobody@example.test' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-in',
    allowed: 'everyone',
    request: () => ({ body: { email: 'nobody@example.test', password: 'wrong' } }),
    note: 'answers 401 for wrong credentials to everyone',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/mfa',
    allowed: 'everyone',
    request: () => ({ body: { code: '123456' } }),
    note: 'needs a pending sign-in; refuses everyone else with 401',
  },
  { method: 'POST', route: '/api/v1/auth/sign-out', allowed: 'everyone', endsSession: true },
  {
    method: 'POST',
    route: '/api/v1/auth/password-reset/request',
    allowed: 'everyone',
    request: () => ({ body: { email: 'nobody@example.test' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password-reset',
    allowed: 'everyone',
    request: () => ({ body: { ...token, password: 'long enough password' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/decline',
    allowed: 'everyone',
    request: () => ({ body: token }),
    note: 'the e-mailed link is the proof: a case invitation may be declined without an account',
  },
  { method: 'GET', route: '/api/v1/account', allowed: signedIn },
  {
    method: 'POST',
    route: '/api/v1/account/password',
    allowed: signedIn,
    request: () => ({ body: { currentPassword: 'wrong', newPassword: 'long enough password' } }),
  },
  { method: 'POST', route: '/api/v1/account/mfa/setup', allowed: signedIn },
  {
    method: 'POST',
    route: '/api/v1/account/mfa/enable',
    allowed: signedIn,
    request: () => ({ body: { code: '123456' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/account/mfa/disable',
    allowed: signedIn,
    request: () => ({ body: { password: 'x', code: '123456' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      body: { email: 'invitee@example.test', name: 'Invitee', role: 'mediator', programId: w.program.id },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/lookup',
    allowed: 'everyone',
    request: () => ({ body: token }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/accept',
    allowed: 'everyone',
    request: () => ({ body: { ...token, password: 'long enough password' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/invitations',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/invitations` }),
  },
  { method: 'GET', route: '/api/v1/programs', allowed: 'everyone' },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/programs',
    allowed: ['admin'],
    request: () => ({ body: { kind: 'community', slug: `matrix-${Date.now()}`, name: 'Matrix program' } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/programs/:programId',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}`, body: { description: 'Updated' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/people',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/people` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/rules',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/rules` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/rules/local',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: `/api/v1/programs/${w.program.id}/rules/local`,
      body: { reportDeadlineDays: { value: 10, cite: 'Local rule 1' } },
    }),
  },
  { method: 'GET', route: '/api/v1/audit/verify', allowed: ['admin'] },
  { method: 'GET', route: '/api/v1/audit/events', allowed: ['admin'] },
  {
    method: 'GET',
    route: '/api/v1/dev/mailbox',
    allowed: 'everyone',
    note: 'demo, development and test modes only; never registered in production',
  },
  {
    method: 'GET',
    route: '/api/v1/dev/mailbox/:emailId/attachments/:index',
    allowed: 'everyone',
    request: () => ({ url: '/api/v1/dev/mailbox/none/attachments/0' }),
    note: 'demo, development and test modes only',
  },
  {
    method: 'POST',
    route: '/api/v1/dev/clock',
    allowed: 'everyone',
    request: () => ({ body: {} }),
    note: 'test mode only',
  },
];
