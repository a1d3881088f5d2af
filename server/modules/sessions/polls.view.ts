import type { Poll, PollByLink } from '../../../contracts/session-polls.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { bestSlot } from '../../../domain/sessions.ts';
import { refusalOf } from '../../http/errors.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import type * as repo from './polls.repository.ts';
import { placeText } from './sessions.emails.ts';
import { requireScheduler } from './sessions.policy.ts';
import { sessionKindLabel } from './sessions.view.ts';

/**
 * A poll of proposed times as its reader sees it: the mediators and the program every answer and
 * the best time, a party or companion only their own, and the e-mailed link only its own person.
 */

const allows = (check: () => void) => refusalOf(check) === null;

/** A poll as a viewer sees it, its words in `language` (the page's). */
export function presentPoll(
  ctx: CaseAccess,
  poll: repo.PollRow,
  invitees: repo.InviteeRow[],
  language: Language = DEFAULT_LANGUAGE,
): Poll {
  const all = ctx.isMediator || isNeutral(ctx.viewer);
  const mine = invitees.find((i) => i.participant_id === ctx.viewer.participantId) ?? null;
  const best = bestSlot(
    poll.slots,
    invitees.map((i) => i.slot_ids),
  );
  const shown = all ? invitees : mine ? [mine] : [];
  return {
    id: poll.id,
    kind: poll.kind,
    kindLabel: sessionKindLabel(poll.kind, language),
    side: poll.side,
    minutes: poll.minutes,
    placeText: placeText(poll.place, language),
    status: poll.status,
    sessionId: poll.session_id,
    slots: poll.slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      shown: formatMissouriDateTime(s.startsAt, language),
      canAttend: all ? invitees.filter((i) => i.slot_ids?.includes(s.id)).length : null,
      mine: mine ? Boolean(mine.slot_ids?.includes(s.id)) : null,
      best: all && poll.status === 'open' && best?.id === s.id,
    })),
    invitees: shown.flatMap((i) => {
      const p = ctx.participants.find((x) => x.id === i.participant_id);
      return p
        ? [
            {
              participantId: p.id,
              name: p.name,
              role: p.role,
              side: p.side,
              answered: i.answered_at !== null,
              times: i.slot_ids ?? [],
            },
          ]
        : [];
    }),
    can: {
      answer: poll.status === 'open' && mine !== null,
      book: poll.status === 'open' && allows(() => requireScheduler(ctx)),
      close: poll.status === 'open' && allows(() => requireScheduler(ctx)),
    },
  };
}

/** The poll as its e-mailed link shows it, its words in `language` (the page's). */
export function presentByLink(
  found: { c: { reference: string } },
  person: { name: string },
  poll: repo.PollRow,
  invitee: repo.InviteeRow,
  language: Language,
): PollByLink {
  return {
    reference: found.c.reference,
    name: person.name,
    kind: poll.kind,
    minutes: poll.minutes,
    placeText: placeText(poll.place, language),
    status: poll.status,
    answered: invitee.answered_at !== null,
    slots: poll.slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      shown: formatMissouriDateTime(s.startsAt, language),
      mine: Boolean(invitee.slot_ids?.includes(s.id)),
    })),
  };
}
