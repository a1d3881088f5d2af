import type { SeatStatus } from '../../../domain/event-seats.ts';
import { AppError } from '../../http/errors.ts';
import type { EventRow } from './events.repository.ts';

type Event = Pick<EventRow, 'status' | 'recorded' | 'starts_at'>;

/** Why this person may not register for the event now (given their registration, if any), or null. */
export function registrationRefusal(
  event: Event,
  now: Date,
  mine: { status: SeatStatus } | undefined,
): AppError | null {
  if (event.status === 'cancelled') return new AppError('CONFLICT', 'This event was canceled.');
  if (event.recorded !== 1 && new Date(event.starts_at) <= now)
    return new AppError('CONFLICT', 'Registration closed when this event started.');
  if (mine && mine.status !== 'cancelled')
    return new AppError(
      'CONFLICT',
      mine.status === 'waitlisted' ? 'You are already on the waitlist.' : 'You are already registered.',
    );
  return null;
}

/** A place held or waited for can be given up; attendance, once recorded, stays. */
export const mayCancel = (status: SeatStatus): boolean => status === 'registered' || status === 'waitlisted';

/** Why this registrant's attendance at a session may not be recorded now, or null (a seat holder, once the session began). */
export function attendanceRefusal(session: { starts_at: string }, status: SeatStatus, now: Date) {
  if (status !== 'registered')
    return new AppError('VALIDATION_FAILED', 'Only a person holding a seat can be marked as attended.', {
      fields: { registrationId: `is ${status}, not registered` },
    });
  if (new Date(session.starts_at) > now)
    return new AppError('CONFLICT', 'Attendance for a day can be taken once that day has started.', {
      fields: { sessionId: 'has not started yet' },
    });
  return null;
}
