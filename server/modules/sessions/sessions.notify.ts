import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { SESSION_KIND_LABELS } from '../../../domain/sessions.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { buildCalendar, type CalendarEvent, calendarAttachment } from '../../infra/calendar.ts';
import type { Deps } from '../../infra/deps.ts';
import { findUsers } from '../accounts/accounts.service.ts';
import type { CaseAccess, CaseRow } from '../cases/case-access.ts';
import { coMediatorIds } from '../cases/co-mediators.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import type { Place, SessionRow } from './sessions.repository.ts';

/**
 * Session e-mails with a calendar file, and the calendar events themselves. They carry the time,
 * the place and the case reference — never anything said in mediation.
 */
export function describePlace(place: Place): string {
  if (place.kind === 'video') return `By video: ${place.url}`;
  return [
    place.address,
    place.room ? `Room: ${place.room}` : '',
    place.accessibility ? `Access: ${place.accessibility}` : '',
  ]
    .filter(Boolean)
    .join('. ');
}

export function calendarEvent(
  s: SessionRow,
  c: Pick<CaseRow, 'reference'>,
  publicUrl: string,
): CalendarEvent {
  const place = s.place;
  return {
    uid: s.id,
    start: new Date(s.starts_at),
    durationMinutes: s.minutes,
    title: `Mediation ${c.reference}: ${SESSION_KIND_LABELS[s.kind]}`,
    description: `${SESSION_KIND_LABELS[s.kind]} for case ${c.reference}. ${describePlace(place)}`,
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
  const people = ctx.participants
    .filter((p) => s.attendees.includes(p.id) && p.email)
    .map((p) => ({ email: p.email!, userId: p.user_id, name: p.name }));
  const mediatorIds = [ctx.c.mediator_id, ...(await coMediatorIds(db, ctx.c.id))].filter(Boolean) as string[];
  const users = await findUsers(db, mediatorIds);
  people.push(...users.map((u) => ({ email: u.email, userId: u.id, name: u.name })));
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.email.toLowerCase()) && seen.add(p.email.toLowerCase()));
}

export type SessionNotice = 'invite' | 'moved' | 'cancelled' | 'reminder';

const SUBJECT: Record<SessionNotice, string> = {
  invite: 'a mediation session is set',
  moved: 'your mediation session has moved',
  cancelled: 'your mediation session is cancelled',
  reminder: 'reminder: your mediation session is tomorrow',
};

export async function sendSessionNotice(
  tx: Tx,
  deps: Deps,
  ctx: Pick<CaseAccess, 'c' | 'participants'>,
  s: SessionRow,
  notice: SessionNotice,
) {
  const when = formatMissouriDateTime(s.starts_at);
  const place = describePlace(s.place);
  const ics = buildCalendar([calendarEvent(s, ctx.c, deps.config.publicUrl)], {
    method: notice === 'cancelled' ? 'CANCEL' : 'REQUEST',
  });
  const attachment = {
    ...calendarAttachment(ics, notice === 'cancelled' ? 'cancel.ics' : 'session.ics'),
    ...(notice === 'cancelled' ? { contentType: 'text/calendar; charset=utf-8; method=CANCEL' } : {}),
  };
  const lines: Record<SessionNotice, string> = {
    invite: `A ${SESSION_KIND_LABELS[s.kind].toLowerCase()} is set for ${when} (Missouri time). It lasts about ${s.minutes} minutes.\n\nWhere: ${place}\n\nThe calendar file attached adds it to your calendar.`,
    moved: `Your ${SESSION_KIND_LABELS[s.kind].toLowerCase()} has a new time: ${when} (Missouri time), about ${s.minutes} minutes.\n\nWhere: ${place}\n\nThe calendar file attached updates your calendar.`,
    cancelled: `Your ${SESSION_KIND_LABELS[s.kind].toLowerCase()} on ${when} is cancelled. The mediator will set a new time with you.`,
    reminder: `This is a reminder: your ${SESSION_KIND_LABELS[s.kind].toLowerCase()} is on ${when} (Missouri time).\n\nWhere: ${place}`,
  };
  for (const person of await sessionRecipients(tx, ctx, s)) {
    await queueEmail(tx, deps, {
      to: person.email,
      toUserId: person.userId ?? null,
      template: `session-${notice}`,
      subject: `${ctx.c.reference}: ${SUBJECT[notice]}`,
      text: `Hello ${person.name},\n\n${lines[notice]}\n\nSee your sessions: ${deps.config.publicUrl.replace(/\/$/, '')}/cases/${ctx.c.id}/sessions\n\nParley`,
      attachments: [attachment],
      programId: ctx.c.program_id,
      caseId: ctx.c.id,
    });
  }
}
