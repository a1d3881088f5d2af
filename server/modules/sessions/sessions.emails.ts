import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { SESSION_KIND_LABELS, type SessionKind } from '../../../domain/sessions.ts';

/**
 * Session e-mails: the time (in Missouri time), the place and the case reference, with a
 * calendar file attached by sessions.notify.ts — never anything said in mediation.
 */
export type SessionNotice = 'invite' | 'moved' | 'cancelled' | 'reminder';

const SUBJECT: Record<SessionNotice, string> = {
  invite: 'a mediation session is set',
  moved: 'your mediation session has moved',
  cancelled: 'your mediation session is canceled',
  reminder: 'reminder: your mediation session is tomorrow',
};

export const SESSION_EMAILS = {
  notice(
    notice: SessionNotice,
    s: { kind: SessionKind; starts_at: string; minutes: number; place: string },
    to: { name: string; reference: string; sessionsUrl: string },
  ) {
    const kind = SESSION_KIND_LABELS[s.kind].toLowerCase();
    const when = formatMissouriDateTime(s.starts_at);
    const lines: Record<SessionNotice, string> = {
      invite: `A ${kind} is set for ${when} (Missouri time). It lasts about ${s.minutes} minutes.\n\nWhere: ${s.place}\n\nThe calendar file attached adds it to your calendar.`,
      moved: `Your ${kind} has a new time: ${when} (Missouri time), about ${s.minutes} minutes.\n\nWhere: ${s.place}\n\nThe calendar file attached updates your calendar.`,
      cancelled: `Your ${kind} on ${when} is canceled. The mediator will set a new time with you.`,
      reminder: `This is a reminder: your ${kind} is on ${when} (Missouri time).\n\nWhere: ${s.place}`,
    };
    return {
      template: `session-${notice}`,
      subject: `${to.reference}: ${SUBJECT[notice]}`,
      text: `Hello ${to.name},\n\n${lines[notice]}\n\nSee your sessions: ${to.sessionsUrl}\n\nParley`,
    };
  },
};

/**
 * Finding a time: the times the mediator proposes, in Missouri time, and the person's own link to
 * mark the ones they can attend (no account needed). Never anything said in mediation, and never
 * anyone else's name, address or answer.
 */
export const POLL_EMAILS = {
  asked(
    kind: 'asked' | 'reminder',
    poll: { kind: SessionKind; minutes: number; times: string[] },
    to: { name: string; reference: string; link: string },
  ) {
    const what = SESSION_KIND_LABELS[poll.kind].toLowerCase();
    const list = poll.times.map((t) => `- ${formatMissouriDateTime(t)}`).join('\n');
    const opening =
      kind === 'asked'
        ? `The mediator of case ${to.reference} proposes these times for a ${what} of about ${poll.minutes} minutes (Missouri time):`
        : `The mediator of case ${to.reference} is still waiting to hear which of these times you can attend for a ${what} (Missouri time):`;
    return {
      template: kind === 'asked' ? 'session-poll' : 'session-poll-reminder',
      subject: `${to.reference}: ${kind === 'asked' ? 'which times can you attend?' : 'reminder: which times can you attend?'}`,
      text: `Hello ${to.name},\n\n${opening}\n\n${list}\n\nMark the times you can attend: ${to.link}\n\nYou do not need an account to answer. Only you and the mediator see your answer. The mediator then sets the session and you get an invitation with a calendar file.\n\nParley`,
    };
  },
};

/**
 * Asking to move a session. The e-mails say who asked (to the mediators) and which session, and
 * link to the case; never the reason or the mediator's note (read on the sessions page, signed
 * in), and never anyone's contact details.
 */
export const MOVE_EMAILS = {
  asked(
    s: { kind: SessionKind; starts_at: string },
    to: { name: string; reference: string; askedBy: string; sessionsUrl: string },
  ) {
    const kind = SESSION_KIND_LABELS[s.kind].toLowerCase();
    return {
      template: 'session-move-asked',
      subject: `${to.reference}: a request to move a session`,
      text: `Hello ${to.name},\n\n${to.askedBy} asks to move the ${kind} on ${formatMissouriDateTime(s.starts_at)} (Missouri time).\n\nRead why and answer (a new time, times to choose from, or keep it): ${to.sessionsUrl}\n\nParley`,
    };
  },
  declined(
    s: { kind: SessionKind; starts_at: string },
    to: { name: string; reference: string; sessionsUrl: string },
  ) {
    const kind = SESSION_KIND_LABELS[s.kind].toLowerCase();
    return {
      template: 'session-move-declined',
      subject: `${to.reference}: your session stays at its time`,
      text: `Hello ${to.name},\n\nThe mediator could not move your ${kind}: it stays on ${formatMissouriDateTime(s.starts_at)} (Missouri time).\n\nSee the mediator's answer: ${to.sessionsUrl}\n\nParley`,
    };
  },
};
