import { z } from 'zod';
import { SIDES } from '../domain/attendance.ts';
import { SESSION_KINDS, SESSION_STATUSES } from '../domain/sessions.ts';

// The fields the sessions area's contracts share (contracts/sessions.ts and its companions).

export const Side = z.enum(SIDES, 'Choose a side');
export const SessionKind = z.enum(SESSION_KINDS);
/** The kind of session, as chosen on a form. */
export const SessionKindField = z.enum(SESSION_KINDS, 'Choose the kind of session');
export const SessionStatus = z.enum(SESSION_STATUSES);

/** A session's day, its start in Missouri time and its length. */
export const When = {
  date: z.iso.date('Enter a date like 2026-03-10'),
  time: z.string('Enter a time like 09:30').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30'),
  minutes: z
    .number('Enter the length in minutes')
    .int('Enter whole minutes')
    .min(15, 'A session lasts at least 15 minutes')
    .max(600, 'A session lasts at most 10 hours'),
};

/** The times offered to choose from (a poll, or an answer to a request to move a session), in Missouri time. */
export const ProposedTimes = z
  .array(z.object({ date: When.date, time: When.time }), 'Offer the times to choose from')
  .min(2, 'Offer at least two times')
  .max(8, 'Offer at most eight times');
