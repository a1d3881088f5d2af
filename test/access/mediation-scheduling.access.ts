import { inTransaction } from '../../server/db/database.ts';
import { HOUR, iso } from '../../server/infra/clock.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn, signedInAs } from '../client.ts';
import { lastEmailTo } from '../mailbox.ts';
import { jointSession } from '../mediation.ts';
import { type AccessEntry, type AccessWorld, type Caller, SIGNED_IN } from './matrix.ts';
import { caseEntry, copyMatrixCase, ON_CASE } from './matrix-case.ts';

/**
 * Sessions, polls of proposed times and the calendar, on a copy of the cases area's matrix case
 * (its setup runs first) in mediation: a session, one that has begun, polls to book, to close and
 * to answer, and sessions to ask to move.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const base = world.extra.caseId;
  if (!base) throw new Error('the cases area’s matrix case comes first');
  const now = iso(t.clock.now());
  const caseId = await inTransaction(t.db, async (tx) => {
    const id = await copyMatrixCase(tx, base, 'S');
    await tx
      .updateTable('cases')
      .set({ state: 'in_mediation', ready_at: now })
      .where('id', '=', id)
      .execute();
    return id;
  });
  const party = await signedIn(t.app, world.people.party);
  const mediator = await signedIn(t.app, world.people.mediator);
  const session = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-20')),
  );
  // A session that has already started, so its mediator may record who came.
  const started = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-27')),
  );
  const begun = iso(new Date(t.clock.now().getTime() - HOUR));
  await t.db
    .updateTable('case_sessions')
    .set({ starts_at: begun, ends_at: begun })
    .where('id', '=', started.id)
    .execute();
  // Polls of proposed times: one to book, one to close, one that stays open for answers.
  const poll = async (day: number) =>
    json<{ id: string; slots: { id: string }[] }>(
      await mediator.post(`/api/v1/cases/${caseId}/polls`, {
        kind: 'joint',
        minutes: 60,
        place: jointSession('2026-03-20').place,
        times: [
          { date: `2026-03-${day}`, time: '14:00' },
          { date: `2026-03-${day + 1}`, time: '14:00' },
        ],
      }),
    );
  const toBook = await poll(23);
  const toClose = await poll(25);
  const open = await poll(29);
  const pollMail = await lastEmailTo(t.db, world.people.party.email, 'session-poll');
  // Sessions to ask to move: one the party asks about in the matrix, two already asked about, for
  // the mediator to accept and to decline.
  const later = async (day: number) =>
    json<{ id: string }>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession(`2026-04-${day}`, '10:00', 60)),
    ).id;
  const toAsk = await later(13);
  const askedAbout = async (day: number) =>
    json<{ id: string }>(
      await party.post(`/api/v1/cases/${caseId}/sessions/${await later(day)}/move-requests`, {
        reason: 'Matrix reason',
      }),
    ).id;
  const toAccept = await askedAbout(14);
  const toDecline = await askedAbout(15);
  Object.assign(world.extra, {
    schedCase: caseId,
    schedSession: session.id,
    schedStartedSession: started.id,
    schedPollToBook: toBook.id,
    schedPollTime: toBook.slots[0]!.id,
    schedPollToClose: toClose.id,
    schedPoll: open.id,
    schedPollToken: pollMail.token!,
    schedSessionToAsk: toAsk,
    schedMoveToAccept: toAccept,
    schedMoveToDecline: toDecline,
  });
}

const signedIn_: Caller[] = SIGNED_IN;
const c = (w: AccessWorld, rest = '') => `/api/v1/cases/${w.extra.schedCase}${rest}`;

export const entries: AccessEntry[] = [
  caseEntry('GET', '/sessions', ON_CASE, (w) => ({ url: c(w, '/sessions') })),
  caseEntry('POST', '/sessions', ['mediator'], (w) => ({
    url: c(w, '/sessions'),
    body: jointSession('2026-03-23'),
  })),
  caseEntry('PUT', '/sessions/:sessionId', ['mediator'], (w) => ({
    url: c(w, `/sessions/${w.extra.schedSession}`),
    body: { date: '2026-03-21', time: '10:00', minutes: 60 },
  })),
  caseEntry('POST', '/sessions/:sessionId/held', ['mediator'], (w) => ({
    url: c(w, `/sessions/${w.extra.schedStartedSession}/held`),
    body: { attendedIds: [] },
  })),
  caseEntry('POST', '/sessions/:sessionId/cancel', ['mediator'], (w) => ({
    url: c(w, `/sessions/${w.extra.schedSession}/cancel`),
  })),
  caseEntry(
    'POST',
    '/sessions/:sessionId/move-requests',
    ['party'],
    (w) => ({ url: c(w, `/sessions/${w.extra.schedSessionToAsk}/move-requests`), body: { reason: 'r' } }),
    'a party invited to the session: not a companion, not the program',
  ),
  caseEntry('POST', '/move-requests/:requestId/accept', ['mediator'], (w) => ({
    url: c(w, `/move-requests/${w.extra.schedMoveToAccept}/accept`),
    body: { how: 'new_time', date: '2026-04-20', time: '10:00', minutes: 60 },
  })),
  caseEntry('POST', '/move-requests/:requestId/decline', ['mediator'], (w) => ({
    url: c(w, `/move-requests/${w.extra.schedMoveToDecline}/decline`),
    body: { note: 'n' },
  })),
  caseEntry('GET', '/polls', ON_CASE, (w) => ({ url: c(w, '/polls') })),
  caseEntry('POST', '/polls', ['mediator'], (w) => ({
    url: c(w, '/polls'),
    body: {
      kind: 'joint',
      minutes: 60,
      place: { kind: 'video', url: 'https://video.example/matrix' },
      times: [
        { date: '2026-04-06', time: '09:00' },
        { date: '2026-04-07', time: '09:00' },
      ],
    },
  })),
  caseEntry(
    'PUT',
    '/polls/:pollId/answer',
    ['party', 'advocate'],
    (w) => ({ url: c(w, `/polls/${w.extra.schedPoll}/answer`), body: { times: [] } }),
    'the people asked: everyone joined on the case, not the program',
  ),
  caseEntry('POST', '/polls/:pollId/book', ['mediator'], (w) => ({
    url: c(w, `/polls/${w.extra.schedPollToBook}/book`),
    body: { timeId: w.extra.schedPollTime },
  })),
  caseEntry('POST', '/polls/:pollId/close', ['mediator'], (w) => ({
    url: c(w, `/polls/${w.extra.schedPollToClose}/close`),
  })),
  {
    method: 'GET',
    route: '/api/v1/calendar',
    allowed: signedIn_,
    request: () => ({ url: '/api/v1/calendar?from=2026-03-01&to=2026-03-31' }),
  },
  { method: 'GET', route: '/api/v1/calendar-feed', allowed: signedIn_ },
  {
    method: 'GET',
    route: '/api/v1/poll-links/:token',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/poll-links/${w.extra.schedPollToken}` }),
    note: 'the e-mailed link is the credential (no account needed to answer); an unknown link is 410',
  },
  {
    method: 'PUT',
    route: '/api/v1/poll-links/:token',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/poll-links/${w.extra.schedPollToken}`, body: { times: [] } }),
    note: 'the e-mailed link is the credential (no account needed to answer)',
  },
  { method: 'POST', route: '/api/v1/calendar-feed', allowed: signedIn_ },
  { method: 'DELETE', route: '/api/v1/calendar-feed', allowed: signedIn_ },
  {
    method: 'GET',
    route: '/api/v1/calendar-feeds/:token',
    allowed: 'everyone',
    // Each caller opens a live link someone else made (a calendar app holds only the link).
    request: async (_w, { t }) => {
      const owner = await signedInAs(t);
      const { url } = json<{ url: string }>(await owner.post('/api/v1/calendar-feed'));
      return { url: new URL(url).pathname };
    },
    note: 'the secret link is the credential (calendar apps cannot sign in); an unknown or revoked link is 404',
  },
];
