import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import type { SessionKind } from '../../../domain/sessions.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';
import type { Place } from './sessions.repository.ts';

/**
 * Session e-mails, each in its reader's language: the time (in Missouri time), the place and the
 * case reference, with a calendar file attached by sessions.notify.ts — never anything said in
 * mediation.
 */
export type SessionNotice = 'invite' | 'moved' | 'cancelled' | 'reminder';

/**
 * A session's place in words: the address, room and access notes, or the video link. One text in
 * the documents' words of `language`, for the e-mails, the calendar files and the pages alike.
 */
export function placeText(place: Place, language: Language = DEFAULT_LANGUAGE): string {
  const { t } = documentWords(language);
  if (place.kind === 'video') return t('calendar.place.video', { url: place.url });
  return [
    place.address,
    place.room ? t('calendar.place.room', { room: place.room }) : '',
    place.accessibility ? t('calendar.place.access', { access: place.accessibility }) : '',
  ]
    .filter(Boolean)
    .join('. ');
}

/** "Hello …", the lines, and the signature, as every session e-mail ends. */
const letter = (language: Language, name: string, lines: string[]) => {
  const t = translator(language, 'emails');
  return [t('greeting', { name }), ...lines, t('signature')].join('\n\n');
};

export const SESSION_EMAILS = {
  notice(
    notice: SessionNotice,
    s: { kind: SessionKind; starts_at: string; minutes: number; place: Place },
    to: { name: string; reference: string; sessionsUrl: string },
    language: Language,
  ): EmailText {
    const t = translator(language, 'emails');
    const facts = {
      kind: t(`session.kind.${s.kind}`),
      when: formatMissouriDateTime(s.starts_at, language),
      minutes: s.minutes,
      place: placeText(s.place, language),
    };
    return {
      template: `session-${notice}`,
      subject: t(`session.subject.${notice}`, { reference: to.reference }),
      text: letter(language, to.name, [
        t(`session.body.${notice}`, facts),
        t('session.seeSessions', { url: to.sessionsUrl }),
      ]),
    };
  },
  /** The title under the bell of a session booked, moved or canceled. */
  title: (notice: Exclude<SessionNotice, 'reminder'>, startsAt: string, language: Language) =>
    translator(language, 'emails')(`session.title.${notice}`, {
      when: formatMissouriDateTime(startsAt, language),
    }),
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
    language: Language,
  ): EmailText {
    const t = translator(language, 'emails');
    const facts = { reference: to.reference, kind: t(`session.kind.${poll.kind}`), minutes: poll.minutes };
    const list = poll.times.map((time) => `- ${formatMissouriDateTime(time, language)}`).join('\n');
    return {
      template: kind === 'asked' ? 'session-poll' : 'session-poll-reminder',
      subject: t(kind === 'asked' ? 'session.pollSubject' : 'session.pollReminderSubject', facts),
      text: letter(language, to.name, [
        t(kind === 'asked' ? 'session.pollAsked' : 'session.pollReminder', facts),
        list,
        t('session.pollLink', { link: to.link }),
        t('session.pollHow'),
      ]),
    };
  },
};

/**
 * Asking to move a session. The e-mails say who asked (to the mediators) and which session, and
 * link to the case; never the reason or the mediator's note (read on the sessions page, signed
 * in), and never anyone's contact details.
 */
export const MOVE_EMAILS = {
  asked:
    (
      s: { kind: SessionKind; starts_at: string },
      to: { name: string; reference: string; askedBy: string; sessionsUrl: string },
    ) =>
    (language: Language): EmailText => {
      const t = translator(language, 'emails');
      const when = formatMissouriDateTime(s.starts_at, language);
      return {
        template: 'session-move-asked',
        subject: t('session.moveAskedSubject', { reference: to.reference }),
        text: letter(language, to.name, [
          t('session.moveAsked', { askedBy: to.askedBy, kind: t(`session.kind.${s.kind}`), when }),
          t('session.moveAnswer', { url: to.sessionsUrl }),
        ]),
      };
    },
  askedTitle: (startsAt: string) => (language: Language) =>
    translator(language, 'emails')('session.moveAskedTitle', {
      when: formatMissouriDateTime(startsAt, language),
    }),
  declined:
    (
      s: { kind: SessionKind; starts_at: string },
      to: { name: string; reference: string; sessionsUrl: string },
    ) =>
    (language: Language): EmailText => {
      const t = translator(language, 'emails');
      const when = formatMissouriDateTime(s.starts_at, language);
      return {
        template: 'session-move-declined',
        subject: t('session.moveDeclinedSubject', { reference: to.reference }),
        text: letter(language, to.name, [
          t('session.moveDeclined', { kind: t(`session.kind.${s.kind}`), when }),
          t('session.moveDeclinedSee', { url: to.sessionsUrl }),
        ]),
      };
    },
  declinedTitle: (startsAt: string) => (language: Language) =>
    translator(language, 'emails')('session.moveDeclinedTitle', {
      when: formatMissouriDateTime(startsAt, language),
    }),
};
