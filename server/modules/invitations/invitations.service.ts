/**
 * Sending invitations (a program's or the association's roles, and other areas' through
 * issueInvitation) and listing them; answering one from its link is answers.service.ts's.
 */
import { DEFAULT_LANGUAGE } from '../../../domain/languages.ts';
import { circuitOfScope, GLOBAL_SCOPE, type Role } from '../../../domain/roles.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { addMs, DAY, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { consumePersonQuota } from '../access/throttle.service.ts';
import { languageOfRecipient, linkTo, requireConfirmedEmail } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import { INVITATION_EMAILS, type InvitationWords } from './invitations.emails.ts';
import { mayInvite, scopeFits } from './invitations.policy.ts';
import * as repo from './invitations.repository.ts';

const INVITATION_TTL = 14 * DAY;

/** The program a role's scope is: none for a role across Parley or a court's circuit. */
export const programOfScope = (scope: string): string | null =>
  scope === GLOBAL_SCOPE || circuitOfScope(scope) !== null ? null : scope;

/**
 * Creates an invitation and e-mails its single-use link. Used directly by coordinators, and by
 * other areas (a case inviting the other party) through `issueInvitation` inside their transaction.
 */
export async function issueInvitation(
  tx: Tx,
  deps: Deps,
  input: {
    email: string;
    name: string;
    role: Role;
    scope: string;
    caseId?: string | null;
    purpose?: string;
    invitedBy: string | null;
  } & InvitationWords,
): Promise<{ id: string; token: string }> {
  if (input.invitedBy) {
    await requireConfirmedEmail(tx, input.invitedBy);
    await consumePersonQuota(tx, deps.clock, input.invitedBy, 'invitations');
  }
  const token = newToken();
  const now = deps.clock.now();
  const id = newId();
  await repo.insertInvitation(tx, {
    id,
    token_hash: hashToken(token, deps.config.appSecret),
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    scope: input.scope,
    case_id: input.caseId ?? null,
    purpose: input.purpose ?? 'join',
    invited_by: input.invitedBy,
    expires_at: iso(addMs(now, INVITATION_TTL)),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    created_at: iso(now),
  });
  const language =
    'inLanguage' in input ? await languageOfRecipient(tx, { email: input.email }) : DEFAULT_LANGUAGE;
  const words = 'inLanguage' in input ? input.inLanguage(language) : input;
  await queueEmail(tx, deps, {
    to: input.email,
    ...INVITATION_EMAILS.invitation(
      {
        purpose: input.purpose ?? 'join',
        subject: words.subject,
        message: words.message,
        link: linkTo(deps, '/invitation', token),
      },
      language,
    ),
    programId: programOfScope(input.scope),
    caseId: input.caseId ?? null,
  });
  await recordAudit(tx, {
    kind: 'invitation.created',
    at: now,
    actorId: input.invitedBy,
    programId: programOfScope(input.scope),
    caseId: input.caseId ?? null,
    subjectType: 'invitation',
    subjectId: id,
    data: { role: input.role, purpose: input.purpose ?? 'join' },
  });
  return { id, token };
}

export async function inviteToProgram(
  deps: Deps,
  actor: Actor | null,
  input: { email: string; name: string; role: Role; programId: string | null },
) {
  const scope = input.programId ?? GLOBAL_SCOPE;
  // Program roles are given by the program's coordinators; association roles by its staff.
  if (input.programId) authorize(actor, 'people:invite', { programId: input.programId });
  else authorize(actor, 'association:invite');
  if (input.role === 'court') {
    // A court user is invited for a circuit, from the court users' page.
    throw new AppError(
      'VALIDATION_FAILED',
      'Court users are invited for their circuit on the court users page.',
      {
        fields: { role: 'choose a program or association role' },
      },
    );
  }
  if (!scopeFits(input.role, scope)) {
    throw new AppError('VALIDATION_FAILED', 'That role cannot be given with this program choice.', {
      fields: {
        programId: input.role === 'coordinator' ? 'choose the program' : 'must be empty for this role',
      },
    });
  }
  if (!mayInvite(actor, input.role, scope)) throw forbidden('You cannot invite people to that role.');
  const program = input.programId ? await findProgram(deps.db, input.programId) : null;
  if (input.programId && !program) throw notFound('That program');
  const where = program ? program.name : 'the Association of Missouri Mediators on Parley';
  return inTransaction(deps.db, async (tx) => {
    const { id } = await issueInvitation(tx, deps, {
      email: input.email,
      name: input.name,
      role: input.role,
      scope,
      invitedBy: actor.userId,
      ...INVITATION_EMAILS.toProgram({ name: input.name, by: actor.name, where }),
    });
    return { id };
  });
}

export async function listProgramInvitations(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'people:read', { programId });
  const rows = await repo.listInvitationsForScope(deps.db, programId);
  const now = iso(deps.clock.now());
  return rows.map((r) => summaryOf(r, now));
}

type InvitationListRow = Awaited<ReturnType<typeof repo.listInvitationsForScope>>[number];
const summaryOf = (r: InvitationListRow, now: string) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.revoked_at
    ? ('revoked' as const)
    : r.declined_at
      ? ('declined' as const)
      : r.accepted_at
        ? ('accepted' as const)
        : r.expires_at <= now
          ? ('expired' as const)
          : ('pending' as const),
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

/** The latest invitations to a role in any scope (the court's users, each for a circuit), with their scope. */
export async function invitationsToRole(db: Executor, role: Role, now: Date) {
  const at = iso(now);
  return (await repo.listInvitationsForRole(db, role)).map((r) => ({ ...summaryOf(r, at), scope: r.scope }));
}

// For other areas: the invitations waiting for a person (their home), and retention's removals.

/** Invitations sent to this address that are still waiting for an answer (the person's home lists them). */
export const pendingInvitationsTo = async (db: Executor, email: string, now: Date) =>
  repo.listPendingTo(db, email, iso(now));

// For other areas: retention removes a purged case's invitations and dead links.

/** Removes every invitation into a case; returns how many went. */
export const purgeCaseInvitations = (db: Executor, caseId: string) => repo.deleteCaseInvitations(db, caseId);

/** Removes invitations never accepted that stopped working before `before`; returns how many went. */
export const purgeDeadInvitations = (db: Executor, before: string) => repo.deleteDeadInvitations(db, before);

/** Removes every invitation sent to an address; returns how many went. */
export const forgetInvitationsTo = (db: Executor, email: string) => repo.deleteInvitationsTo(db, email);
