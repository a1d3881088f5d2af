import { AppError, forbidden } from '../../http/errors.ts';
import { type CaseAccess, requireInMediation } from '../cases/case-access.ts';
import type { MoveRequestRow } from './move-requests.repository.ts';
import type { SessionRow } from './sessions.repository.ts';

/**
 * Who may ask to move a session, and who answers. A party (the parent, the district's
 * representative, a family party) invited to a session still set and still ahead may ask; the
 * mediators answer. The reason is read only by the mediators and the person who asked.
 */
export function requireMoveAskable(ctx: CaseAccess, s: SessionRow, now: Date) {
  if (ctx.viewer.kind !== 'party' || !ctx.viewer.participantId)
    throw forbidden('Only a party to the case can ask to move a session.');
  if (!s.attendees.includes(ctx.viewer.participantId))
    throw forbidden('Only someone invited to this session can ask to move it.');
  requireInMediation(ctx);
  if (s.status === 'cancelled')
    throw new AppError('INVALID_TRANSITION', 'This session is canceled, so there is nothing to move.');
  if (s.status === 'held' || new Date(s.starts_at) <= now)
    throw new AppError(
      'INVALID_TRANSITION',
      'This session has already started or taken place, so it cannot be moved. Write to the mediator in a message instead.',
    );
}

/** The mediators and the one who asked read a request; no one else learns of it. */
export const readsMoveRequest = (ctx: CaseAccess, r: MoveRequestRow) =>
  ctx.isMediator || (ctx.viewer.participantId !== null && r.participant_id === ctx.viewer.participantId);

/** The mediators answer an open request while the mediation is on. */
export function requireMoveAnswerable(ctx: CaseAccess, r: MoveRequestRow) {
  if (!ctx.isMediator) throw forbidden('Only the mediator answers a request to move a session.');
  requireInMediation(ctx);
  if (r.status !== 'open')
    throw new AppError('INVALID_TRANSITION', 'This request has already been answered.');
}
