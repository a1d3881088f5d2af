import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SessionsTable, UsersTable } from '../../db/schema.ts';

export type UserRow = UsersTable;
export type SessionRow = Insertable<SessionsTable>;

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

/** Names and addresses of several people. */
export const findUsersByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'language'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

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
    .executeTakeFirst();

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
  attempt: {
    id: string;
    email: string;
    ip: string;
    succeeded: number;
    step?: 'password' | 'second_factor';
    created_at: string;
  },
) {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
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

/** Removes one-time tokens that expired or were used before `before`; returns how many went. */
export const deleteDeadTokens = async (db: Executor, before: string) =>
  Number(
    (
      await db
        .deleteFrom('one_time_tokens')
        .where((eb) => eb.or([eb('expires_at', '<', before), eb('used_at', '<', before)]))
        .executeTakeFirst()
    ).numDeletedRows,
  );

// Sign-in hardening -------------------------------------------------------------------------

export async function countStepFailures(
  db: Executor,
  by: { email?: string; ip?: string; step: 'password' | 'second_factor' },
  since: string,
) {
  let q = db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('created_at').as('oldest'),
      eb.fn.max('created_at').as('latest'),
    ])
    .where('succeeded', '=', 0)
    .where('step', '=', by.step)
    .where('created_at', '>', since);
  if (by.email) q = q.where('email', '=', by.email);
  if (by.ip) q = q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return {
    failures: Number(row.n),
    oldest: (row.oldest as string | null) ?? null,
    latest: (row.latest as string | null) ?? null,
  };
}

/** Counts one more wrong code against a pending sign-in; returns how many it has now. */
export async function addMfaFailure(db: Executor, sessionId: string): Promise<number> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_failures: eb('mfa_failures', '+', 1) }))
    .where('id', '=', sessionId)
    .returning('mfa_failures')
    .executeTakeFirst();
  return Number(row?.mfa_failures ?? 0);
}

/** A person's live sessions that finished signing in, newest first. */
export const listLiveSessions = (db: Executor, userId: string, now: string) =>
  db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('mfa_verified', '=', 1)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();

export async function revokeUserSession(db: Executor, userId: string, id: string, at: string) {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  codes: { id: string; code_hash: string; created_at: string }[],
) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codes.length)
    await db
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ ...c, user_id: userId, used_at: null })))
      .execute();
}

/** Marks an unused recovery code used; false if it is not one of this person's unused codes. */
export async function spendRecoveryCode(db: Executor, userId: string, codeHash: string, at: string) {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Retention ---------------------------------------------------------------------------------

/** Sessions that ended (expired or signed out) before `before`. */
export async function deleteEndedSessions(db: Executor, before: string) {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('absolute_expires_at', '<', before),
        eb('idle_expires_at', '<', before),
        eb('revoked_at', '<', before),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteAttemptsBefore(db: Executor, before: string) {
  const result = await db.deleteFrom('sign_in_attempts').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A person's sign-ins: when, from where, with what browser (their data export). */
export const listUserSessions = (db: Executor, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'ip', 'user_agent', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

/** Attempts to sign in with a person's address (their data export). */
export const listAttemptsFor = (db: Executor, email: string) =>
  db
    .selectFrom('sign_in_attempts')
    .select(['created_at', 'ip', 'succeeded'])
    .where('email', '=', email.toLowerCase())
    .orderBy('created_at')
    .execute();

/**
 * Makes an account no one's (deletion at the person's request): the name and address are
 * replaced, the password and second factor go, the account is disabled, and its sign-ins,
 * links and sign-in attempts are removed. The row stays so records that must be kept still
 * point at an account, which now names no one.
 */
export async function forgetUser(db: Executor, userId: string, email: string, at: string) {
  await db
    .updateTable('users')
    .set({
      name: 'Deleted person',
      email: `deleted-${userId}@deleted.invalid`,
      password_hash: null,
      email_verified_at: null,
      totp_secret_enc: null,
      totp_enabled_at: null,
      disabled_at: at,
      updated_at: at,
    })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('one_time_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('sign_in_attempts').where('email', '=', email.toLowerCase()).execute();
}
