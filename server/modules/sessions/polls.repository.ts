import type { Selectable } from 'kysely';
import { z } from 'zod';
import { PlaceView } from '../../../contracts/sessions.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { SessionPollInviteesTable, SessionPollsTable } from '../../db/tables/cases-part-2.ts';

// Polls of proposed session times and the answers of the people asked. Decides nothing.

const Slots = z.array(z.object({ id: z.string(), startsAt: z.string() }));
export type PollSlotRow = z.infer<typeof Slots>[number];
const place = jsonColumn('session_polls', 'place', PlaceView);
const slots = jsonColumn('session_polls', 'slots', Slots);
const slotIds = jsonColumn('session_poll_invitees', 'slot_ids', z.array(z.string()));

export type PollRow = Omit<Selectable<SessionPollsTable>, 'place' | 'slots'> & {
  place: z.infer<typeof PlaceView>;
  slots: PollSlotRow[];
};
export type InviteeRow = Omit<Selectable<SessionPollInviteesTable>, 'slot_ids'> & {
  slot_ids: string[] | null;
};

const decodePoll = (row: Selectable<SessionPollsTable>): PollRow => ({
  ...row,
  place: place.read(row.place),
  slots: slots.read(row.slots),
});
const decodeInvitee = (row: Selectable<SessionPollInviteesTable>): InviteeRow => ({
  ...row,
  slot_ids: row.slot_ids === null ? null : slotIds.read(row.slot_ids),
});

export const insertPoll = (db: Executor, row: PollRow) =>
  db
    .insertInto('session_polls')
    .values({ ...row, place: place.write(row.place), slots: slots.write(row.slots) })
    .execute();

export const insertInvitee = (
  db: Executor,
  row: { poll_id: string; participant_id: string; token_hash: string },
) =>
  db
    .insertInto('session_poll_invitees')
    .values({ ...row, slot_ids: null, answered_at: null })
    .execute();

export const findPoll = async (db: Executor, caseId: string, id: string) => {
  const row = await db
    .selectFrom('session_polls')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decodePoll(row);
};

export const findPollById = async (db: Executor, id: string) => {
  const row = await db.selectFrom('session_polls').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodePoll(row);
};

/** A case's polls, newest first. */
export const listPolls = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('session_polls')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute()
  ).map(decodePoll);

export const listInvitees = async (db: Executor, pollIds: readonly string[]) =>
  pollIds.length
    ? (
        await db
          .selectFrom('session_poll_invitees')
          .selectAll()
          .where('poll_id', 'in', [...pollIds])
          .orderBy('participant_id')
          .execute()
      ).map(decodeInvitee)
    : [];

export const findInviteeByHash = async (db: Executor, tokenHash: string) => {
  const row = await db
    .selectFrom('session_poll_invitees')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && decodeInvitee(row);
};

export const saveAnswer = (db: Executor, pollId: string, participantId: string, ids: string[], at: string) =>
  db
    .updateTable('session_poll_invitees')
    .set({ slot_ids: slotIds.write(ids), answered_at: at })
    .where('poll_id', '=', pollId)
    .where('participant_id', '=', participantId)
    .execute();

export const updatePoll = (
  db: Executor,
  id: string,
  patch: Partial<Pick<PollRow, 'status' | 'session_id' | 'reminded_at' | 'updated_at'>>,
) => db.updateTable('session_polls').set(patch).where('id', '=', id).execute();

/** Open polls asked before an instant whose reminder has not gone (the reminder job). */
export const listPollsToRemind = async (db: Executor, before: string) =>
  (
    await db
      .selectFrom('session_polls')
      .selectAll()
      .where('status', '=', 'open')
      .where('reminded_at', 'is', null)
      .where('created_at', '<=', before)
      .execute()
  ).map(decodePoll);

/** Marks a poll's reminder sent; false when another server already claimed it. */
export async function claimPollReminder(db: Executor, id: string, at: string) {
  const result = await db
    .updateTable('session_polls')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0n) > 0;
}

/** The answers some people on cases gave to polls, with each poll's times (a person's own data). */
export const listAnswersOf = async (db: Executor, participantIds: readonly string[]) =>
  participantIds.length
    ? (
        await db
          .selectFrom('session_poll_invitees as i')
          .innerJoin('session_polls as p', 'p.id', 'i.poll_id')
          .select([
            'p.case_id',
            'p.id as poll_id',
            'p.kind',
            'p.minutes',
            'p.slots',
            'p.status',
            'i.slot_ids',
            'i.answered_at',
          ])
          .where('i.participant_id', 'in', [...participantIds])
          .where('i.answered_at', 'is not', null)
          .orderBy('i.answered_at')
          .execute()
      ).map((r) => ({
        ...r,
        slots: slots.read(r.slots),
        slot_ids: r.slot_ids === null ? [] : slotIds.read(r.slot_ids),
      }))
    : [];
