import type { Insertable, Updateable } from 'kysely';
import type { Role } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema.ts';

// Invitations: single-use links, stored as the token's keyed hash. Decides nothing.

export async function insertInvitation(db: Executor, invitation: Insertable<InvitationsTable>) {
  await db.insertInto('invitations').values(invitation).execute();
}

export const findInvitationByHash = (db: Executor, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/**
 * Uses a live invitation up with one change, exactly once: of two requests at once (two
 * acceptances, or an acceptance and a decline) only one finds it still live.
 */
async function useUp(
  db: Executor,
  id: string,
  now: string,
  change: Pick<
    Updateable<InvitationsTable>,
    'accepted_at' | 'accepted_by' | 'declined_at' | 'decline_reason'
  >,
) {
  const row = await db
    .updateTable('invitations')
    .set(change)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims an invitation exactly once: concurrent acceptances cannot both succeed. */
export const claimInvitation = (db: Executor, id: string, userId: string, now: string) =>
  useUp(db, id, now, { accepted_at: now, accepted_by: userId });

/** Uses an invitation up by declining it, exactly once (it cannot be accepted afterwards). */
export const declineInvitationRow = (db: Executor, id: string, now: string, reason: string | null) =>
  useUp(db, id, now, { declined_at: now, decline_reason: reason });

const invitationList = (db: Executor) =>
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
    .orderBy('created_at', 'desc')
    .limit(200);

export const listInvitationsForScope = (db: Executor, scope: string) =>
  invitationList(db).where('scope', '=', scope).execute();

/** Invitations to a role in any scope, not into a case (the court's users, each for a circuit). */
export const listInvitationsForRole = (db: Executor, role: Role) =>
  invitationList(db).where('role', '=', role).where('case_id', 'is', null).execute();

/** Removes every invitation into a case (retention, with the case); returns how many went. */
export const deleteCaseInvitations = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('invitations').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows,
  );

/** Removes invitations never accepted that stopped working (expired, revoked, declined) before `before`. */
export const deleteDeadInvitations = async (db: Executor, before: string) =>
  Number(
    (
      await db
        .deleteFrom('invitations')
        .where('accepted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('expires_at', '<', before),
            eb('revoked_at', '<', before),
            eb('declined_at', '<', before),
          ]),
        )
        .executeTakeFirst()
    ).numDeletedRows,
  );

/** Removes every invitation sent to an address (its owner's account deletion). */
export const deleteInvitationsTo = async (db: Executor, email: string) =>
  Number(
    (await db.deleteFrom('invitations').where('email', '=', email.toLowerCase()).executeTakeFirst())
      .numDeletedRows,
  );

/** Invitations to an address still waiting for an answer, newest first, with who sent each. */
export const listPendingTo = (db: Executor, email: string, now: string) =>
  db
    .selectFrom('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.email',
      'i.role',
      'i.scope',
      'i.case_id',
      'i.purpose',
      'i.created_at',
      'i.expires_at',
      'u.name as invited_by_name',
    ])
    .where('i.email', '=', email.toLowerCase())
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.declined_at', 'is', null)
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at', 'desc')
    .execute();
