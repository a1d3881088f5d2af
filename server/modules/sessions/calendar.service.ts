import { CALENDAR_MAX_DAYS, type MyCalendar } from '../../../contracts/session-calendar.ts';
import { addDays } from '../../../domain/deadlines.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriTime, fromMissouriTime, missouriDate } from '../../../domain/missouri-time.ts';
import type { Executor } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { casesOf, caseTitlesOf } from '../cases/cases.service.ts';
import type { SessionRow } from './sessions.repository.ts';
import * as repo from './sessions.repository.ts';
import { sessionKindLabel } from './sessions.view.ts';

/**
 * The sessions a person may see on their cases (those they mediate or co-mediate, and those they
 * are invited to) among the ones `list` finds on the cases they are on, with each case's number
 * and title. Their calendar and their calendar feed both read them here.
 */
export async function sessionsSeenBy(
  db: Executor,
  userId: string,
  list: (caseIds: string[]) => Promise<SessionRow[]>,
) {
  const { participations, coMediated } = await casesOf(db, userId);
  const participantIds = new Set(participations.map((p) => p.id));
  const caseIds = [...new Set([...participations.map((p) => p.case_id), ...coMediated])];
  const sessions = (await list(caseIds)).filter(
    (s) =>
      s.mediator_id === userId ||
      coMediated.includes(s.case_id) ||
      s.attendees.some((id) => participantIds.has(id)),
  );
  return { sessions, coMediated, titleOf: await caseTitlesOf(db, sessions) };
}

/**
 * A person's calendar across cases: the sessions they mediate or co-mediate, and those they are
 * invited to, between two Missouri days. The same sessions as their private calendar feed
 * (feed.service.ts), past ones included, each with its case's number and title; the kinds and
 * times in `language` (the page's), the times in Missouri time.
 */
export async function getMyCalendar(
  deps: Deps,
  actor: Actor | null,
  range: { from: string; to: string },
  language: Language = DEFAULT_LANGUAGE,
): Promise<MyCalendar> {
  requireActor(actor);
  if (range.to < range.from) throw invalid('to', 'the last day comes before the first day');
  if (range.to > addDays(range.from, CALENDAR_MAX_DAYS - 1, 'calendar'))
    throw invalid('to', `show at most ${CALENDAR_MAX_DAYS} days at a time`);
  const userId = actor.userId;
  const { sessions, coMediated, titleOf } = await sessionsSeenBy(deps.db, userId, (caseIds) =>
    repo.listCalendarFor(
      deps.db,
      userId,
      caseIds,
      iso(fromMissouriTime(range.from, '00:00:00')),
      iso(fromMissouriTime(addDays(range.to, 1, 'calendar'), '00:00:00')),
    ),
  );
  return {
    today: missouriDate(deps.clock.now()),
    from: range.from,
    to: range.to,
    sessions: sessions.map((s) => ({
      sessionId: s.id,
      caseId: s.case_id,
      ...titleOf(s.case_id),
      kind: s.kind,
      kindLabel: sessionKindLabel(s.kind, language),
      status: s.status,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      date: missouriDate(new Date(s.starts_at)),
      startTime: formatMissouriTime(s.starts_at, language),
      endTime: formatMissouriTime(s.ends_at, language),
      minutes: s.minutes,
      coMediated: s.mediator_id !== userId && coMediated.includes(s.case_id),
    })),
  };
}
