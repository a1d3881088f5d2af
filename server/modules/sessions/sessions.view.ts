import type { Session } from '../../../contracts/sessions.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import type { SessionKind } from '../../../domain/sessions.ts';
import { translator } from '../../../i18n/i18n.ts';
import { refusalOf } from '../../http/errors.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import { requireMoveAskable } from './move-requests.policy.ts';
import { placeText } from './sessions.emails.ts';
import { requireSessionChange, requireStarted } from './sessions.policy.ts';
import type * as repo from './sessions.repository.ts';

/** A session as its viewer sees it, and which sessions a viewer sees. */

const allows = (check: () => void) => refusalOf(check) === null;

/** "Joint session", "Sesión conjunta": a kind of session in the reader's words (the sessions catalog). */
export const sessionKindLabel = (kind: SessionKind, language: Language): string =>
  translator(language, 'sessions')(`kind.${kind}`);

/**
 * What a viewer sees of a session: time, place and who is invited, its words in `language` (the
 * page's). Parties see their own side's meetings only.
 */
export function presentSession(
  ctx: CaseAccess,
  s: repo.SessionRow,
  now: Date,
  language: Language = DEFAULT_LANGUAGE,
): Session {
  const names = ctx.participants
    .filter((p) => s.attendees.includes(p.id))
    .map((p) => ({ id: p.id, name: p.name, role: p.role, side: p.side }));
  const place = s.place;
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: sessionKindLabel(s.kind, language),
    side: s.side,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    shown: formatMissouriDateTime(s.starts_at, language),
    minutes: s.minutes,
    place,
    placeText: placeText(place, language),
    attendees: names,
    guests: s.guests.map((g) => ({
      name: g.name,
      role: g.role,
      side: g.side,
      language: g.language ?? null,
    })),
    status: s.status,
    attended: s.attended && (isNeutral(ctx.viewer) || ctx.isMediator) ? s.attended : null,
    can: {
      reschedule: allows(() => requireSessionChange(ctx, s)),
      cancel: allows(() => requireSessionChange(ctx, s)),
      recordAttendance: allows(() => {
        requireSessionChange(ctx, s);
        requireStarted(s, now);
      }),
      askToMove: allows(() => requireMoveAskable(ctx, s, now)),
    },
  };
}

/** The mediators and the program see every session; a party, the joint ones and their own side's. */
export function visibleTo(ctx: CaseAccess, s: repo.SessionRow) {
  if (ctx.isMediator || isNeutral(ctx.viewer)) return true;
  return s.kind === 'joint' || s.side === ctx.viewer.side;
}
