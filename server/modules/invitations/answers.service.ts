/**
 * Answering an invitation from its link: the page's preview, declining and accepting, and what
 * other areas register for each of them (a case: who asked, what a decline means).
 */
import type { InvitationCase } from '../../../contracts/invitations.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { circuitName, circuitOfScope, type Role } from '../../../domain/roles.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { iso } from '../../infra/clock.ts';
import { hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, grantRole, requireActor } from '../access/access.service.ts';
import {
  createInvitedAccount,
  findUserByEmail,
  requireStrongPassword,
  setInvitedPassword,
} from '../accounts/accounts.service.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { createSession } from '../accounts/sessions.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import * as repo from './invitations.repository.ts';
import { programOfScope } from './invitations.service.ts';

export type AcceptedInvitation = {
  invitationId: string;
  userId: string;
  role: Role;
  scope: string;
  caseId: string | null;
  purpose: string;
};
type AcceptHandler = (tx: Tx, deps: Deps, accepted: AcceptedInvitation) => Promise<void>;
const acceptHandlers = new Map<string, AcceptHandler>();

export type DeclinedInvitation = {
  invitationId: string;
  email: string;
  name: string;
  scope: string;
  caseId: string | null;
  purpose: string;
  reason: string | null;
};
type DeclineHandler = (tx: Tx, deps: Deps, declined: DeclinedInvitation) => Promise<void>;
const declineHandlers = new Map<string, DeclineHandler>();

/** What an area says about one of its invitations on the invitation page. */
export type InvitationDescription = { case: InvitationCase; canDecline: boolean };
type PreviewHandler = (
  db: Executor,
  invitation: { invitationId: string; caseId: string | null },
  /** The reader's language (the page's): the description is written in it. */
  language: Language,
) => Promise<InvitationDescription | null>;
const previewHandlers = new Map<string, PreviewHandler>();

/**
 * Areas whose invitations lead to something the person should understand before answering (a
 * case: who asked, the request, what accepting means) describe them for the invitation page.
 */
export function onInvitationPreview(purpose: string, handler: PreviewHandler): void {
  previewHandlers.set(purpose, handler);
}

/**
 * Areas whose invitations may be declined from the link, without an account (a case's other
 * party saying no to mediation), register what a decline means, inside the same transaction that
 * uses the invitation up. Invitations without a handler cannot be declined: they simply expire.
 */
export function onInvitationDeclined(purpose: string, handler: DeclineHandler): void {
  declineHandlers.set(purpose, handler);
}

/**
 * Areas that invite people to something more specific than a program (a case, a co-mediation)
 * register what happens on acceptance, inside the same transaction as the role grant.
 */
export function onInvitationAccepted(purpose: string, handler: AcceptHandler): void {
  acceptHandlers.set(purpose, handler);
}

async function findLive(deps: Deps, token: string) {
  const invitation = await repo.findInvitationByHash(deps.db, hashToken(token, deps.config.appSecret));
  const now = iso(deps.clock.now());
  if (
    !invitation ||
    invitation.accepted_at ||
    invitation.revoked_at ||
    invitation.declined_at ||
    invitation.expires_at <= now
  ) {
    throw new AppError(
      'TOKEN_INVALID',
      'This invitation has expired or was already used. Ask the person who invited you for a new one.',
    );
  }
  return invitation;
}

export async function previewInvitation(deps: Deps, token: string, language: Language = DEFAULT_LANGUAGE) {
  const invitation = await findLive(deps, token);
  const circuit = circuitOfScope(invitation.scope);
  const program = programOfScope(invitation.scope) ? await findProgram(deps.db, invitation.scope) : null;
  const user = await findUserByEmail(deps.db, invitation.email);
  const described =
    (await previewHandlers.get(invitation.purpose)?.(
      deps.db,
      { invitationId: invitation.id, caseId: invitation.case_id },
      language,
    )) ?? null;
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    programName: circuit !== null ? circuitName(circuit) : (program?.name ?? null),
    hasAccount: Boolean(user?.password_hash),
    expiresAt: invitation.expires_at,
    purpose: invitation.purpose,
    canDecline: described ? described.canDecline : declineHandlers.has(invitation.purpose),
    case: described?.case ?? null,
  };
}

/**
 * Declines an invitation from its link. No account is needed: the link itself shows the person
 * was invited. The invitation is used up, the decline is audited, and the area that invited them
 * decides what it means (for a voluntary case: the case closes as declined).
 */
export async function declineInvitation(
  deps: Deps,
  input: { token: string; reason?: string | undefined },
  meta: RequestMeta,
): Promise<{ declined: true; caseId: string | null }> {
  const invitation = await findLive(deps, input.token);
  const handler = declineHandlers.get(invitation.purpose);
  if (!handler) {
    throw new AppError(
      'CONFLICT',
      'This invitation cannot be declined. If you do not want it, you can ignore it: it expires by itself.',
    );
  }
  const now = deps.clock.now();
  const reason = input.reason?.trim() || null;
  await inTransaction(deps.db, async (tx) => {
    // The area's rules come first (a court-referred case cannot be declined), then the link is used up.
    await handler(tx, deps, {
      invitationId: invitation.id,
      email: invitation.email,
      name: invitation.name,
      scope: invitation.scope,
      caseId: invitation.case_id,
      purpose: invitation.purpose,
      reason,
    });
    if (!(await repo.declineInvitationRow(tx, invitation.id, iso(now), reason))) {
      throw new AppError('TOKEN_INVALID', 'This invitation was already used.');
    }
    await recordAudit(tx, {
      kind: 'invitation.declined',
      at: now,
      actorId: null,
      programId: programOfScope(invitation.scope),
      caseId: invitation.case_id,
      subjectType: 'invitation',
      subjectId: invitation.id,
      ip: meta.ip,
      data: { purpose: invitation.purpose, reasonGiven: reason !== null },
    });
  });
  return { declined: true, caseId: invitation.case_id };
}

/**
 * Accepts an invitation. A person without an account sets a name and password here and is
 * signed in; a person with one must be signed in as the invited address.
 */
export async function acceptInvitation(
  deps: Deps,
  actor: Actor | null,
  input: {
    token: string;
    name?: string | undefined;
    password?: string | undefined;
    language?: Language | undefined;
  },
  meta: RequestMeta,
): Promise<{ sessionToken: string | null; userId: string; caseId: string | null }> {
  const invitation = await findLive(deps, input.token);
  const existing = await findUserByEmail(deps.db, invitation.email);
  const now = deps.clock.now();
  if (existing?.password_hash) {
    requireActor(actor);
    if (actor.userId !== existing.id) {
      throw forbidden(
        `This invitation is for ${invitation.email}. Sign out, then sign in with that address to accept it.`,
      );
    }
  } else if (!input.password) {
    throw new AppError('VALIDATION_FAILED', 'Choose a password to create your account.', {
      fields: { password: 'is required' },
    });
  }
  if (!existing?.password_hash)
    requireStrongPassword('password', input.password!, { email: invitation.email, name: input.name ?? null });
  const passwordHash = existing?.password_hash ? null : await hashPassword(input.password!);
  const userId = existing?.id ?? newId();
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.claimInvitation(tx, invitation.id, userId, iso(now)))) {
      throw new AppError('TOKEN_INVALID', 'This invitation was already used.');
    }
    if (!existing) {
      await createInvitedAccount(tx, {
        id: userId,
        email: invitation.email,
        name: input.name ?? invitation.name,
        passwordHash,
        language: input.language,
        at: iso(now),
      });
    } else if (passwordHash) {
      await setInvitedPassword(tx, userId, passwordHash, iso(now));
    }
    await grantRole(tx, {
      id: newId(),
      userId,
      role: invitation.role,
      scope: invitation.scope,
      at: iso(now),
      by: invitation.invited_by,
    });
    const programId = programOfScope(invitation.scope);
    await recordAudit(tx, {
      kind: 'invitation.accepted',
      at: now,
      actorId: userId,
      programId,
      caseId: invitation.case_id,
      subjectType: 'invitation',
      subjectId: invitation.id,
      ip: meta.ip,
    });
    await recordAudit(tx, {
      kind: 'role.granted',
      at: now,
      actorId: invitation.invited_by,
      programId,
      subjectType: 'user',
      subjectId: userId,
      data: { role: invitation.role, scope: invitation.scope, via: 'invitation' },
    });
    const handler = acceptHandlers.get(invitation.purpose);
    if (handler) {
      await handler(tx, deps, {
        invitationId: invitation.id,
        userId,
        role: invitation.role,
        scope: invitation.scope,
        caseId: invitation.case_id,
        purpose: invitation.purpose,
      });
    }
  });
  if (actor) return { sessionToken: null, userId, caseId: invitation.case_id };
  const session = await createSession(deps, userId, meta, { mfaVerified: false });
  return { sessionToken: session.token, userId, caseId: invitation.case_id };
}
