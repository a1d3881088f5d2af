import * as OTPAuth from 'otpauth';
import { buildUser } from '../../server/db/seed/builders.ts';
import { DAY, iso } from '../../server/infra/clock.ts';
import { decrypt, deriveKey, encrypt } from '../../server/infra/crypto.ts';
import { issueToken } from '../../server/modules/accounts/account-links.ts';
import * as accountsRepo from '../../server/modules/accounts/accounts.repository.ts';
import { queueEmail } from '../../server/modules/mail/mail.service.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn, TestClient } from '../client.ts';
import { lastEmailTo } from '../mailbox.ts';
import { type AccessEntry, type AccessWorld, CALLERS, type Caller, SIGNED_IN } from './matrix.ts';

// Parley's own routes: health, the API description, signing up and in, the account, the audit
// trail and the test tools. Programs and invitations are in foundation-programs.access.ts.

const signedIn_ = SIGNED_IN;
export const PASSWORD = 'long enough password';
export const address = (what: string, caller: Caller) =>
  `matrix-${what}-${caller.toLowerCase()}@example.test`;
/** The record set up for this caller (a token, an id): each caller's request succeeds on its own. */
export const own = (w: AccessWorld, what: string, caller: Caller) => w.extra[`${what}:${caller}`]!;

/** The code an authenticator app shows for this secret at this moment (RFC 6238). */
const totp = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });

/**
 * For each caller: an unconfirmed account and its confirmation link, a password reset link, a
 * person with two-step sign-in to finish signing in as, and a locked account with its unlock
 * link. A message with an attachment in the mailbox.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const visitor = new TestClient(t.app, '10.8.0.1');
  const totpKey = deriveKey(t.config.appSecret, 'totp');
  for (const caller of CALLERS) {
    const unconfirmed = address('unconfirmed', caller);
    await visitor.post('/api/v1/auth/sign-up', { name: 'Matrix', email: unconfirmed, password: PASSWORD });
    world.extra[`verify:${caller}`] = (await lastEmailTo(t.db, unconfirmed, 'verify-email')).token!;

    const forgetful = await buildUser(t.deps, { email: address('reset', caller) });
    await visitor.post('/api/v1/auth/password-reset/request', { email: forgetful.email });
    world.extra[`reset:${caller}`] = (await lastEmailTo(t.db, forgetful.email, 'password-reset')).token!;

    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    const twoStep = await buildUser(t.deps, { email: address('two-step', caller) });
    await accountsRepo.updateUser(t.db, twoStep.id, {
      totp_secret_enc: encrypt(secret, totpKey),
      totp_enabled_at: iso(t.clock.now()),
    });
    world.extra[`two-step:${caller}`] = twoStep.email;
    world.extra[`two-step-secret:${caller}`] = secret;

    const locked = await buildUser(t.deps, { email: address('locked', caller) });
    await accountsRepo.updateUser(t.db, locked.id, { locked_at: iso(t.clock.now()) });
    world.extra[`unlock:${caller}`] = await issueToken(t.db, t.deps, locked.id, 'unlock_account', DAY);
  }
  const emailId = await queueEmail(t.db, t.deps, {
    to: 'matrix-attachment@example.test',
    template: 'matrix',
    subject: 'With a calendar file',
    text: 'See the attachment.',
    attachments: [{ filename: 'session.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
  });
  world.extra.attachmentUrl = `/api/v1/dev/mailbox/${emailId}/attachments/0`;
}

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/health', allowed: 'everyone', note: 'load balancers' },
  { method: 'GET', route: '/api/openapi.json', allowed: 'everyone', note: 'the API description is public' },
  {
    method: 'GET',
    route: '/api/v1/about',
    allowed: 'everyone',
    note: 'the contact address of the footer pages',
  },
  { method: 'GET', route: '/api/v1/auth/session', allowed: 'everyone' },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-up',
    allowed: 'everyone',
    status: 202,
    request: (_, { caller }) => ({ body: { name: 'A', email: address('new', caller), password: PASSWORD } }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/verify-email',
    allowed: 'everyone',
    request: (w, { caller }) => ({ body: { token: own(w, 'verify', caller) } }),
    note: 'the link is the credential',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/resend-verification',
    allowed: 'everyone',
    status: 202,
    request: (_, { caller }) => ({ body: { email: address('unconfirmed', caller) } }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-in',
    allowed: 'everyone',
    request: (w, { caller }) => ({
      body:
        caller === 'anonymous'
          ? { email: address('reset', caller), password: 'correct horse battery' }
          : { email: w.people[caller].email, password: w.people[caller].password },
    }),
    endsSession: true,
    note: 'anyone may try; wrong credentials get 401',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/mfa',
    allowed: 'everyone',
    status: 204,
    // The caller's browser has just given the password of a person with two-step sign-in.
    request: async (w, { caller, client, t }) => {
      await client.post('/api/v1/auth/sign-in', {
        email: own(w, 'two-step', caller),
        password: 'correct horse battery',
      });
      return { body: { code: totp(own(w, 'two-step-secret', caller), t.clock.now()) } };
    },
    endsSession: true,
    note: 'needs a pending sign-in; refuses everyone else with 401',
  },
  { method: 'POST', route: '/api/v1/auth/sign-out', allowed: 'everyone', status: 204, endsSession: true },
  {
    method: 'POST',
    route: '/api/v1/auth/unlock',
    allowed: 'everyone',
    request: (w, { caller }) => ({ body: { token: own(w, 'unlock', caller) } }),
    note: 'the e-mailed link is the proof',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password-reset/request',
    allowed: 'everyone',
    status: 202,
    request: (_, { caller }) => ({ body: { email: address('new', caller) } }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password-reset',
    allowed: 'everyone',
    request: (w, { caller }) => ({ body: { token: own(w, 'reset', caller), password: PASSWORD } }),
  },
  { method: 'GET', route: '/api/v1/account', allowed: signedIn_ },
  {
    method: 'PATCH',
    route: '/api/v1/account',
    allowed: signedIn_,
    request: () => ({ body: { language: 'es-US' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/account/password',
    allowed: signedIn_,
    request: (w, { caller }) => {
      const password = caller === 'anonymous' ? PASSWORD : w.people[caller].password;
      return { body: { currentPassword: password, newPassword: password } };
    },
  },
  { method: 'POST', route: '/api/v1/account/mfa/setup', allowed: signedIn_ },
  {
    method: 'POST',
    route: '/api/v1/account/mfa/enable',
    allowed: signedIn_,
    status: 200,
    // Set-up first, then the code the app would show; the next entry turns it off again.
    request: async (_, { client, t }) => {
      const setup = await client.post('/api/v1/account/mfa/setup');
      const secret = setup.statusCode === 200 ? json<{ secret: string }>(setup).secret : 'AAAAAAAAAAAAAAAA';
      return { body: { code: totp(secret, t.clock.now()) } };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/account/mfa/recovery-codes',
    allowed: signedIn_,
    request: (w, { caller }) => ({
      body: { password: caller === 'anonymous' ? PASSWORD : w.people[caller].password },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/account/mfa/disable',
    allowed: signedIn_,
    status: 204,
    // The code of the next time step: the one used to turn it on works only once.
    request: async (w, { caller, t }) => {
      if (caller === 'anonymous') return { body: { password: 'x', code: '123456' } };
      const user = await accountsRepo.findUserById(t.db, w.people[caller].id);
      const secret = user?.totp_secret_enc ? decryptSecret(t, user.totp_secret_enc) : 'AAAAAAAAAAAAAAAA';
      const next = new Date(t.clock.now().getTime() + 30_000);
      return { body: { password: w.people[caller].password, code: totp(secret, next) } };
    },
  },
  { method: 'GET', route: '/api/v1/account/sessions', allowed: signedIn_ },
  {
    method: 'DELETE',
    route: '/api/v1/account/sessions/:sessionId',
    allowed: signedIn_,
    status: 204,
    // The caller signs in on a second device, then signs that one out from here.
    request: async (w, { caller, client, t }) => {
      if (caller === 'anonymous') return { url: '/api/v1/account/sessions/abcdef' };
      await signedIn(t.app, w.people[caller]);
      const listed = json<{ sessions: { id: string; current: boolean }[] }>(
        await client.get('/api/v1/account/sessions'),
      );
      const other = listed.sessions?.find((s) => !s.current)?.id ?? 'none';
      return { url: `/api/v1/account/sessions/${other}` };
    },
  },
  { method: 'POST', route: '/api/v1/account/sessions/sign-out-others', allowed: signedIn_ },
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
    request: (w) => ({ url: w.extra.attachmentUrl }),
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

/** The two-step secret stored for a person (encrypted with the key for that purpose only). */
function decryptSecret(t: TestApp, sealed: string) {
  return decrypt(sealed, deriveKey(t.config.appSecret, 'totp'));
}
