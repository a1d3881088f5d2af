import type { Executor } from '../../db/database.ts';
import type { InvitationsTable, SessionsTable, UsersTable } from '../../db/schema.ts';

export type UserRow = UsersTable;
export type SessionRow = Omit<SessionsTable, 'mfa_verified'> & { mfa_verified: number };
export type InvitationRow = Omit<InvitationsTable, 'name' | 'purpose' | 'declined_at' | 'decline_reason'> & {
  name: string;
  purpose: string;
  declined_at?: string | null;
  decline_reason?: string | null;
};

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Executor, user: UserRow) {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Executor, id: string, patch: Partial<UserRow>) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertGrant(
  db: Executor,
  grant: {
    id: string;
    user_id: string;
    role: string;
    scope: string;
    created_at: string;
    created_by: string | null;
  },
) {
  const result = await db
    .insertInto('role_grants')
    .values(grant)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

// Sessions ----------------------------------------------------------------------------------

export async function insertSession(db: Executor, session: SessionRow) {
  await db.insertInto('sessions').values(session).execute();
}

export const findLiveSession = (db: Executor, id: string, now: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirst() as Promise<SessionRow | undefined>;

export async function touchSession(db: Executor, id: string, now: string, idleExpiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
    .where('id', '=', id)
    .execute();
}

export async function markSessionMfaVerified(db: Executor, id: string) {
  await db.updateTable('sessions').set({ mfa_verified: 1 }).where('id', '=', id).execute();
}

export async function revokeSession(db: Executor, id: string, at: string) {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function revokeUserSessions(db: Executor, userId: string, at: string, exceptId?: string) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

// Sign-in attempts (throttling) ---------------------------------------------------------------

export async function insertAttempt(
  db: Executor,
  attempt: { id: string; email: string; ip: string; succeeded: number; created_at: string },
) {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
}

export async function countFailures(db: Executor, by: { email?: string; ip?: string }, since: string) {
  let q = db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('created_at', '>', since);
  if (by.email) q = q.where('email', '=', by.email);
  if (by.ip) q = q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest as string | null };
}

// One-time tokens ---------------------------------------------------------------------------

export async function insertToken(
  db: Executor,
  token: {
    id: string;
    token_hash: string;
    purpose: string;
    user_id: string;
    expires_at: string;
    created_at: string;
  },
) {
  await db
    .insertInto('one_time_tokens')
    .values({ ...token, used_at: null })
    .execute();
}

/** Marks a live token used and returns it; a second use, or an expired token, returns undefined. */
export async function consumeToken(db: Executor, tokenHash: string, purpose: string, now: string) {
  const row = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'user_id'])
    .executeTakeFirst();
  return row;
}

export async function expireTokens(db: Executor, userId: string, purpose: string, now: string) {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

// Invitations -------------------------------------------------------------------------------

export async function insertInvitation(db: Executor, invitation: InvitationRow) {
  await db.insertInto('invitations').values(invitation).execute();
}

export const findInvitationByHash = (db: Executor, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst() as Promise<
    InvitationRow | undefined
  >;

/** Claims an invitation exactly once: concurrent acceptances cannot both succeed. */
export async function claimInvitation(db: Executor, id: string, userId: string, now: string) {
  const row = await db
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Uses an invitation up by declining it, exactly once (it cannot be accepted afterwards). */
export async function declineInvitationRow(db: Executor, id: string, now: string, reason: string | null) {
  const row = await db
    .updateTable('invitations')
    .set({ declined_at: now, decline_reason: reason })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export const listInvitationsForScope = (db: Executor, scope: string) =>
  db
    .selectFrom('invitations')
    .select([
      'id',
      'email',
      'name',
      'role',
      'scope',
      'case_id',
      'expires_at',
      'accepted_at',
      'revoked_at',
      'declined_at',
      'created_at',
    ])
    .where('scope', '=', scope)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();

export const findProgram = (db: Executor, id: string) =>
  db
    .selectFrom('programs')
    .select(['id', 'name', 'kind', 'require_mfa'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Records a second-factor code's time step if it is newer than the last one used; false if not. */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
