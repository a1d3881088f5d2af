import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { buildCalendar, type CalendarEvent, calendarAttachment } from '../../infra/calendar.ts';
import type { Deps } from '../../infra/deps.ts';
import { findUsers } from '../accounts/accounts.service.ts';
import type { CaseAccess, CaseRow } from '../cases/case-access.ts';
import { coMediatorIds } from '../cases/co-mediators.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { textPerson } from '../sms/sms.service.ts';
import { SMS_TEXTS } from '../sms/sms.texts.ts';
import { placeText, SESSION_EMAILS, type SessionNotice } from './sessions.emails.ts';
import type { SessionRow } from './sessions.repository.ts';

/**
 * Sending a session's notices (their words are in sessions.emails.ts) with a calendar file, to
 * the people invited and the mediators; and the calendar events themselves, each person's in
 * their language.
 */
/** A session as a calendar event, its words in `language` (the time is an instant: any zone shows it). */
export function calendarEvent(
  s: SessionRow,
  c: Pick<CaseRow, 'reference'>,
  publicUrl: string,
  language: Language = DEFAULT_LANGUAGE,
): CalendarEvent {
  const place = s.place;
  const { t } = documentWords(language);
  const kind = t(`calendar.kind.${s.kind}`);
  return {
    uid: s.id,
    start: new Date(s.starts_at),
    durationMinutes: s.minutes,
    title: t('calendar.title', { reference: c.reference, kind }),
    description: t('calendar.description', {
      kind,
      reference: c.reference,
      place: placeText(place, language),
    }),
    location: place.kind === 'video' ? place.url : [place.address, place.room].filter(Boolean).join(', '),
    url: `${publicUrl.replace(/\/$/, '')}/cases/${s.case_id}/sessions`,
    sequence: s.sequence,
    status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

/** Who gets a session's notices: its attendees who have an e-mail address, and the mediators. */
export async function sessionRecipients(
  db: Executor,
  ctx: Pick<CaseAccess, 'c' | 'participants'>,
  s: SessionRow,
) {
  const attendees = ctx.participants.filter((p) => s.attendees.includes(p.id) && p.email);
  // Each is written to in the language of their account (English without one).
  const accounts = await findUsers(
    db,
    attendees.flatMap((p) => (p.user_id ? [p.user_id] : [])),
  );
  const languageOf = new Map(accounts.map((u) => [u.id, u.language]));
  const people: { email: string; userId: string | null; name: string; language?: string | null }[] =
    attendees.map((p) => ({
      email: p.email!,
      userId: p.user_id,
      name: p.name,
      language: (p.user_id && languageOf.get(p.user_id)) || null,
    }));
  const mediatorIds = [ctx.c.mediator_id, ...(await coMediatorIds(db, ctx.c.id))].filter(Boolean) as string[];
  const users = await findUsers(db, mediatorIds);
  people.push(...users.map((u) => ({ email: u.email, userId: u.id, name: u.name, language: u.language })));
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.email.toLowerCase()) && seen.add(p.email.toLowerCase()));
}

export async function sendSessionNotice(
  tx: Tx,
  deps: Deps,
  ctx: Pick<CaseAccess, 'c' | 'participants'>,
  s: SessionRow,
  notice: SessionNotice,
) {
  // Each person's calendar file is in their language.
  const attachmentIn = (language: Language) => {
    const ics = buildCalendar([calendarEvent(s, ctx.c, deps.config.publicUrl, language)], {
      method: notice === 'cancelled' ? 'CANCEL' : 'REQUEST',
    });
    return {
      ...calendarAttachment(ics, notice === 'cancelled' ? 'cancel.ics' : 'session.ics'),
      ...(notice === 'cancelled' ? { contentType: 'text/calendar; charset=utf-8; method=CANCEL' } : {}),
    };
  };

  const sessionsUrl = `${deps.config.publicUrl.replace(/\/$/, '')}/cases/${ctx.c.id}/sessions`;
  for (const person of await sessionRecipients(tx, ctx, s)) {
    const language = languageOr(person.language);
    const attachment = attachmentIn(language);
    const email = SESSION_EMAILS.notice(
      notice,
      s,
      { name: person.name, reference: ctx.c.reference, sessionsUrl },
      language,
    );
    // A booked, moved or canceled session is a notification for each person with an account: it
    // shows under their bell, and this e-mail (with its calendar file) goes only if they chose
    // e-mail now for sessions. The day-before reminder always goes, and by text to those opted in.
    if (person.userId && notice !== 'reminder') {
      await notify(tx, deps, {
        userId: person.userId,
        kind: 'session',
        caseId: ctx.c.id,
        link: `/cases/${ctx.c.id}/sessions`,
        title: SESSION_EMAILS.title(notice, s.starts_at, language),
        email: { ...email, attachments: [attachment], programId: ctx.c.program_id },
      });
      continue;
    }
    await queueEmail(tx, deps, {
      to: person.email,
      toUserId: person.userId ?? null,
      ...email,
      attachments: [attachment],
      programId: ctx.c.program_id,
      caseId: ctx.c.id,
    });
    if (person.userId && notice === 'reminder')
      await textPerson(tx, deps, person.userId, {
        template: 'session-reminder',
        caseId: ctx.c.id,
        body: SMS_TEXTS.sessionReminder(s.starts_at, ctx.c.reference, sessionsUrl),
      });
  }
}
