import { DEMO_SIGN_INS } from '../../db/seed/demo-people.ts';
import { clearSessionCookie, requestMeta, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import {
  Accepted,
  ChangePasswordBody,
  Me,
  MfaCodeBody,
  MfaDisableBody,
  MfaSetup,
  ResetPasswordBody,
  ResetRequestBody,
  SessionState,
  SignInBody,
  SignInResult,
  SignUpBody,
  TokenBody,
} from './accounts.schemas.ts';
import * as accounts from './accounts.service.ts';
import { disableMfa, enableMfa, startMfaSetup } from './mfa.service.ts';
import { completeMfa, resolveSession, signIn, signOut } from './sessions.service.ts';

const tags = ['accounts'];

export function accountsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in (and, in demo mode, the demo sign-ins)',
        response: { 200: SessionState },
      },
    },
    async (request) => ({
      user: request.actor ? await accounts.getMe(deps, request.actor) : null,
      mfaPending: request.pendingMfaSessionId !== null,
      demo: deps.config.showsDemoAids ? { signIns: [...DEMO_SIGN_INS] } : null,
    }),
  );

  app.post(
    '/api/v1/auth/sign-up',
    {
      schema: {
        tags,
        summary: 'Create an account; a confirmation link is e-mailed',
        body: SignUpBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await accounts.signUp(deps, request.body, requestMeta(request))),
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an e-mail address from the link',
        body: TokenBody,
        response: { 200: Accepted },
      },
    },
    async (request) => accounts.verifyEmail(deps, request.body.token),
  );

  app.post(
    '/api/v1/auth/resend-verification',
    {
      schema: {
        tags,
        summary: 'Send a new confirmation link',
        body: ResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await accounts.resendVerification(deps, request.body.email, requestMeta(request))),
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: SignInBody,
        response: { 200: SignInResult },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, request.body, requestMeta(request));
      setSessionCookie(deps, request, reply, result.token);
      if (result.mfaRequired) return { mfaRequired: true, user: null };
      const resolved = await resolveSession(deps, result.token, requestMeta(request));
      return {
        mfaRequired: false,
        user: resolved.kind === 'active' ? await accounts.getMe(deps, resolved.actor) : null,
      };
    },
  );

  app.post(
    '/api/v1/auth/mfa',
    { schema: { tags, summary: 'Enter the second-factor code to finish signing in', body: MfaCodeBody } },
    async (request, reply) => {
      await completeMfa(deps, { sessionId: request.pendingMfaSessionId, code: request.body.code });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'Sign out of this browser' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      await signOut(deps, request.actor, token ? hashToken(token, deps.config.appSecret) : null);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'E-mail a single-use password reset link',
        body: ResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await accounts.requestPasswordReset(deps, request.body.email, requestMeta(request))),
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link',
        body: ResetPasswordBody,
        response: { 200: Accepted },
      },
    },
    async (request) => accounts.resetPassword(deps, request.body, requestMeta(request)),
  );

  app.get(
    '/api/v1/account',
    { schema: { tags, summary: 'Your account', response: { 200: Me } } },
    async (request) => accounts.getMe(deps, request.actor),
  );

  app.post(
    '/api/v1/account/password',
    {
      schema: {
        tags,
        summary: 'Change your password',
        body: ChangePasswordBody,
        response: { 200: Accepted },
      },
    },
    async (request) => accounts.changePassword(deps, request.actor, request.body),
  );

  app.post(
    '/api/v1/account/mfa/setup',
    { schema: { tags, summary: 'Start two-step sign-in set-up', response: { 200: MfaSetup } } },
    async (request) => startMfaSetup(deps, request.actor),
  );

  app.post(
    '/api/v1/account/mfa/enable',
    { schema: { tags, summary: 'Turn on two-step sign-in with a code from your app', body: MfaCodeBody } },
    async (request, reply) => {
      await enableMfa(deps, request.actor, request.body.code);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/account/mfa/disable',
    { schema: { tags, summary: 'Turn off two-step sign-in', body: MfaDisableBody } },
    async (request, reply) => {
      await disableMfa(deps, request.actor, request.body);
      return reply.status(204).send();
    },
  );
}
