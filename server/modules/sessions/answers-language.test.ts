import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCalendar } from '../../../contracts/session-calendar.ts';
import type { Poll } from '../../../contracts/session-polls.ts';
import type { CaseSessions, MoveRequest, SessionChanged } from '../../../contracts/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json } from '../../../test/client.ts';
import { pollBody, readySpecialEducationCase } from '../../../test/mediation.ts';

// What the sessions area answers reads in the page's language (Accept-Language): the kind of
// session from the sessions catalog, and the proposed and booked times in Missouri time, printed
// the reader's way — when a poll is created, answered, booked and closed, when a party asks to
// move the session, and on the lists.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type World = Awaited<ReturnType<typeof readySpecialEducationCase>>;
const headers = (language: string) => ({ headers: { 'accept-language': language } });
/** Creates, answers, books one poll and closes another, each asked in `language`. */
async function walkThrough(world: World, language: string, date: string, closeDate: string) {
  const { mediator, parent, caseId } = world;
  const polls = `/api/v1/cases/${caseId}/polls`;
  const created = await mediator.post(polls, pollBody(date), headers(language));
  expect(created.statusCode, created.body).toBe(201);
  const poll = json<Poll>(created);
  const answered = await parent.request(
    'PUT',
    `${polls}/${poll.id}/answer`,
    { times: [poll.slots[0]!.id] },
    headers(language),
  );
  expect(answered.statusCode, answered.body).toBe(200);
  const booked = await mediator.post(
    `${polls}/${poll.id}/book`,
    { timeId: poll.slots[0]!.id },
    headers(language),
  );
  expect(booked.statusCode, booked.body).toBe(201);
  const other = json<Poll>(
    await mediator.post(polls, pollBody(closeDate, 'pre_mediation', 'requester'), headers(language)),
  );
  const closed = await mediator.post(`${polls}/${other.id}/close`, undefined, headers(language));
  expect(closed.statusCode, closed.body).toBe(200);
  const moveRequest = await parent.post(
    `/api/v1/cases/${caseId}/sessions/${json<SessionChanged>(booked).id}/move-requests`,
    { reason: 'A medical appointment that morning.' },
    headers(language),
  );
  expect(moveRequest.statusCode, moveRequest.body).toBe(201);
  const sessions = json<CaseSessions>(
    await parent.get(`/api/v1/cases/${caseId}/sessions`, headers(language)),
  );
  const calendar = json<MyCalendar>(
    await mediator.get(`/api/v1/calendar?from=${date}&to=${date}`, headers(language)),
  );
  return {
    created: poll,
    answered: json<Poll>(answered),
    booked: json<SessionChanged>(booked),
    closed: json<Poll>(closed),
    listed: sessions.sessions.find((s) => s.id === json<SessionChanged>(booked).id)!,
    moveRequest: json<MoveRequest>(moveRequest),
    calendar: calendar.sessions.find((s) => s.sessionId === json<SessionChanged>(booked).id)!,
  };
}

// Each language's words, and the two days its walk-through proposes.
const READINGS = [
  {
    language: 'es-US',
    name: 'Spanish',
    date: '2026-04-14',
    closeDate: '2026-04-15',
    joint: 'Sesión conjunta',
    preMediation: 'Reunión previa a la mediación',
    morning: 'martes, 14 de abril de 2026, 9:00 a.m. CDT',
    afternoon: 'martes, 14 de abril de 2026, 1:00 p.m. CDT',
    nextMorning: 'miércoles, 15 de abril de 2026, 9:00 a.m. CDT',
    startTime: '9:00 a.m.',
  },
  {
    language: 'en-US',
    name: 'English',
    date: '2026-04-21',
    closeDate: '2026-04-22',
    joint: 'Joint session',
    preMediation: 'Pre-mediation meeting',
    morning: 'Tuesday, April 21, 2026 at 9:00 AM CDT',
    afternoon: 'Tuesday, April 21, 2026 at 1:00 PM CDT',
    nextMorning: 'Wednesday, April 22, 2026 at 9:00 AM CDT',
    startTime: '9:00 AM',
  },
];

describe('the sessions area’s answers in the page’s language', () => {
  it.each(READINGS)(
    'reads $name when the page asks in $name: the kind of session and the times',
    async (words) => {
      const world = await readySpecialEducationCase(t);
      const r = await walkThrough(world, words.language, words.date, words.closeDate);
      for (const poll of [r.created, r.answered]) {
        expect(poll.kindLabel).toBe(words.joint);
        expect(poll.slots.map((s) => s.shown)).toEqual([words.morning, words.afternoon]);
      }
      expect(r.booked.kindLabel).toBe(words.joint);
      expect(r.booked.shown).toBe(words.morning);
      expect(r.closed.kindLabel).toBe(words.preMediation);
      expect(r.closed.status).toBe('closed');
      expect(r.closed.slots[0]!.shown).toBe(words.nextMorning);
      expect(r.listed.kindLabel).toBe(words.joint);
      expect(r.moveRequest.sessionLabel).toBe(words.joint);
      expect(r.moveRequest.fromShown).toBe(words.morning);
      expect(r.calendar.kindLabel).toBe(words.joint);
      expect(r.calendar.startTime).toBe(words.startTime);
    },
  );
});
