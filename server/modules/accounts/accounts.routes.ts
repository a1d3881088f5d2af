import * as contract from '../../../contracts/accounts.ts';
import { DEMO_SIGN_INS } from '../../db/seed/demo-people.ts';
import { route } from '../../http/route.ts';
import { clearSessionCookie, requestMeta, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import * as accounts from './accounts.service.ts';
import { disableMfa, enableMfa, regenerateRecoveryCodes, startMfaSetup } from './mfa.service.ts';
import { changePassword, requestPasswordReset, resetPassword } from './password-changes.service.ts';
import {
  listMySessions,
  resolveSession,
  signOut,
  signOutOtherSessions,
  signOutSession,
} from './sessions.service.ts';
import { completeMfa, signIn, unlockAccount } from './sign-in.service.ts';

export function accountsRoutes(app: App, deps: Deps) {
  route(app, contract.getSession, async (request) => ({
    user: request.actor ? await accounts.getMe(deps, request.actor) : null,
    mfaPending: request.pendingMfaSessionId !== null,
    demo: deps.config.showsDemoAids ? { signIns: [...DEMO_SIGN_INS] } : null,
  }));

  route(app, contract.signUp, async (request) => accounts.signUp(deps, request.body, requestMeta(request)));

  route(app, contract.verifyEmail, async (request) => accounts.verifyEmail(deps, request.body.token));

  route(app, contract.resendVerification, async (request) =>
    accounts.resendVerification(deps, request.body.email, requestMeta(request)),
  );

  route(app, contract.signIn, async (request, reply) => {
    const result = await signIn(deps, request.body, requestMeta(request));
    setSessionCookie(deps, request, reply, result.token);
    if (result.mfaRequired) return { mfaRequired: true, user: null };
    const resolved = await resolveSession(deps, result.token, requestMeta(request));
    return {
      mfaRequired: false,
      user: resolved.kind === 'active' ? await accounts.getMe(deps, resolved.actor) : null,
    };
  });

  route(app, contract.completeMfa, async (request) => {
    await completeMfa(
      deps,
      { sessionId: request.pendingMfaSessionId, code: request.body.code },
      requestMeta(request),
    );
  });

  route(app, contract.unlockAccount, async (request) =>
    unlockAccount(deps, request.body.token, requestMeta(request)),
  );

  route(app, contract.signOut, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    await signOut(deps, request.actor, token ? hashToken(token, deps.config.appSecret) : null);
    clearSessionCookie(deps, request, reply);
  });

  route(app, contract.requestPasswordReset, async (request) =>
    requestPasswordReset(deps, request.body.email, requestMeta(request)),
  );

  route(app, contract.resetPassword, async (request) =>
    resetPassword(deps, request.body, requestMeta(request)),
  );

  route(app, contract.getAccount, async (request) => accounts.getMe(deps, request.actor));
  route(app, contract.updateAccount, async (request) =>
    accounts.updateAccount(deps, request.actor, request.body),
  );

  route(app, contract.changePassword, async (request) => changePassword(deps, request.actor, request.body));

  route(app, contract.startMfaSetup, async (request) => startMfaSetup(deps, request.actor));

  route(app, contract.enableMfa, async (request) => enableMfa(deps, request.actor, request.body.code));

  route(app, contract.regenerateRecoveryCodes, async (request) =>
    regenerateRecoveryCodes(deps, request.actor, request.body),
  );

  route(app, contract.listSessions, async (request) => listMySessions(deps, request.actor));

  route(app, contract.signOutSession, async (request) => {
    await signOutSession(deps, request.actor, request.params.sessionId);
  });

  route(app, contract.signOutOtherSessions, async (request) => signOutOtherSessions(deps, request.actor));

  route(app, contract.disableMfa, async (request) => {
    await disableMfa(deps, request.actor, request.body);
  });
}
