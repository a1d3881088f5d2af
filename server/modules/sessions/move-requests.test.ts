import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveAnswered } from '../../../contracts/session-moves.ts';
import type { Poll } from '../../../contracts/session-polls.ts';
import type { CaseSessions, MoveRequest, SessionChanged } from '../../../contracts/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, type TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { HOUR, iso } from '../../infra/clock.ts';

/**
 * Asking to move a session: the parent asks with a reason, the mediator sees it on the case and
 * on the desk, and accepts with a new time (with the checks of moving one), or by proposing times,
 * or declines with a note; the reason stays between the mediator and the one who asked.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Envelope = { error: { code: string; message: string; fields?: Record<string, string> } };
const REASON = 'Maya has her evaluation that morning; could we meet later in the week?';
const sessionsOf = async (client: TestClient, caseId: string) =>
  json<CaseSessions>(await client.get(`/api/v1/cases/${caseId}/sessions`));
const ask = (client: TestClient, caseId: string, sessionId: string, reason = REASON) =>
  client.post(`/api/v1/cases/${caseId}/sessions/${sessionId}/move-requests`, { reason });

describe('asking to move a session', () => {
  it('the parent asks with a reason; the mediator sees it on the case and the desk and moves the session; everyone is told', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, parent, district, caseId } = world;
    const set = json<SessionChanged>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-10')),
    );
    expect(set.can.askToMove).toBe(false);
    expect((await sessionsOf(parent, caseId)).sessions[0]!.can.askToMove).toBe(true);

    // A reason is required, named in words.
    const empty = await ask(parent, caseId, set.id, '   ');
    expect(empty.statusCode).toBe(400);
    expect(json<Envelope>(empty).error.fields).toHaveProperty('reason');

    const asked = await ask(parent, caseId, set.id);
    expect(asked.statusCode, asked.body).toBe(201);
    const request = json<MoveRequest>(asked);
    expect(request).toMatchObject({
      mine: true,
      reason: REASON,
      status: 'open',
      askedBy: 'Rosa Lopez',
      fromShown: 'Tuesday, March 10, 2026 at 10:00 AM CDT',
      can: { accept: false, decline: false },
    });

    // One open request per person per session.
    const again = await ask(parent, caseId, set.id);
    expect(again.statusCode).toBe(409);
    expect(json<Envelope>(again).error.message).toMatch(/already asked/);
    expect((await sessionsOf(parent, caseId)).sessions[0]!.can.askToMove).toBe(false);

    // The district's representative does not learn of it, nor read the reason.
    expect((await sessionsOf(district, caseId)).moveRequests).toEqual([]);
    const asDistrict = await district.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/accept`, {
      how: 'new_time',
      date: '2026-03-12',
      time: '14:00',
      minutes: 120,
    });
    expect(asDistrict.statusCode).toBe(404);

    // The mediator: under the bell, by e-mail without the reason, on the case and on the desk.
    const mail = await lastEmailTo(t.db, world.mediatorUser.email, 'session-move-asked');
    expect(mail.text_body).toContain('Rosa Lopez asks to move the joint session');
    expect(mail.text_body).not.toContain('evaluation');
    const onCase = (await sessionsOf(mediator, caseId)).moveRequests;
    expect(onCase).toMatchObject([{ id: request.id, reason: REASON, can: { accept: true, decline: true } }]);
    const desk = json<{ moveRequests: { requestId: string; askedBy: string; caseId: string }[] }>(
      await mediator.get('/api/v1/desk'),
    );
    expect(desk.moveRequests).toMatchObject([{ requestId: request.id, askedBy: 'Rosa Lopez', caseId }]);
    const bell = json<{ items: { title: string; link: string }[] }>(
      await mediator.get('/api/v1/notifications'),
    );
    expect(bell.items[0]).toMatchObject({
      title: 'Request to move a session: Tuesday, March 10, 2026 at 10:00 AM CDT',
      link: `/cases/${caseId}/sessions`,
    });

    // Another session of the mediator's on Thursday afternoon: that time is refused as a double booking.
    const other = await readySpecialEducationCase(t, {
      programId: world.programId,
      mediator: world.mediatorUser,
    });
    await mediator.post(`/api/v1/cases/${other.caseId}/sessions`, jointSession('2026-03-12', '14:30', 60));
    const clash = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/accept`, {
      how: 'new_time',
      date: '2026-03-12',
      time: '14:00',
      minutes: 120,
    });
    expect(clash.statusCode).toBe(409);
    expect(json<Envelope>(clash).error.fields).toHaveProperty('time');
    const noDate = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/accept`, {
      how: 'new_time',
      time: '14:00',
      minutes: 120,
    });
    expect(noDate.statusCode).toBe(400);
    expect(json<Envelope>(noDate).error.fields).toHaveProperty('date');

    const accepted = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/accept`, {
      how: 'new_time',
      date: '2026-03-13',
      time: '13:00',
      minutes: 120,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const answered = json<MoveAnswered>(accepted);
    expect(answered.request).toMatchObject({ status: 'accepted', answer: 'new_time' });
    expect(answered.session.shown).toBe('Friday, March 13, 2026 at 1:00 PM CDT');

    // The parent and the district each get the new time by e-mail and under the bell; no reason in it.
    for (const to of [world.parentUser.email, world.districtEmail]) {
      const moved = await lastEmailTo(t.db, to, 'session-moved');
      expect(moved.text_body).toContain('Friday, March 13, 2026 at 1:00 PM CDT');
      expect(moved.text_body).not.toContain('evaluation');
    }
    const parentBell = json<{ items: { title: string }[] }>(await parent.get('/api/v1/notifications'));
    expect(parentBell.items[0]!.title).toBe('Session moved: Friday, March 13, 2026 at 1:00 PM CDT');
    const parentView = await sessionsOf(parent, caseId);
    expect(parentView.sessions[0]!.shown).toBe('Friday, March 13, 2026 at 1:00 PM CDT');
    expect(parentView.moveRequests).toMatchObject([{ status: 'accepted', reason: REASON }]);
    expect(json<{ moveRequests: unknown[] }>(await mediator.get('/api/v1/desk')).moveRequests).toEqual([]);
    // Answered once only.
    const twice = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/decline`, {});
    expect(twice.statusCode).toBe(409);

    // Audited, with no words of the reason.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'data'])
      .where('case_id', '=', caseId)
      .where('kind', 'like', 'session_move.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.kind)).toEqual(['session_move.requested', 'session_move.accepted']);
    expect(JSON.stringify(audit)).not.toContain('evaluation');
  });

  it('the mediator may answer by proposing times: the old time is canceled and everyone is asked', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, district, caseId } = world;
    const set = json<SessionChanged>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-16')),
    );
    // The district's representative asks too.
    const request = json<MoveRequest>(await ask(district, caseId, set.id, 'Our staff meeting moved.'));
    const accepted = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/accept`, {
      how: 'poll',
      times: [
        { date: '2026-03-18', time: '09:00' },
        { date: '2026-03-19', time: '09:00' },
      ],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const answered = json<MoveAnswered>(accepted);
    expect(answered.request).toMatchObject({ status: 'accepted', answer: 'poll' });
    expect(answered.session.status).toBe('cancelled');
    const polls = json<{ polls: Poll[] }>(await mediator.get(`/api/v1/cases/${caseId}/polls`)).polls;
    expect(polls).toHaveLength(1);
    expect(polls[0]!.invitees.map((i) => i.participantId).sort()).toEqual(
      [world.parentId, world.districtId].sort(),
    );
    expect((await lastEmailTo(t.db, world.parentUser.email, 'session-cancelled')).text_body).not.toContain(
      'staff meeting',
    );
    await lastEmailTo(t.db, world.parentUser.email, 'session-poll');
  });

  it('declines with a note only the asker reads; on a case kept apart no contact details reach them', async () => {
    const world = await readySpecialEducationCase(t, { separateSessions: true });
    const { mediator, parent, district, caseId } = world;
    const caucus = json<SessionChanged>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, {
        ...jointSession('2026-03-20'),
        kind: 'caucus',
        side: 'respondent',
      }),
    );
    // The parent is not invited to the district's caucus and cannot ask about it.
    expect((await ask(parent, caseId, caucus.id)).statusCode).toBe(404);
    const request = json<MoveRequest>(await ask(district, caseId, caucus.id, 'Board meeting that day.'));

    // A note carrying the parent's address is refused, naming the field; nothing is saved.
    const leaky = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/decline`, {
      note: `Rosa can be reached at ${world.parentUser.email}.`,
    });
    expect(leaky.statusCode).toBe(400);
    expect(json<Envelope>(leaky).error.fields).toHaveProperty('note');

    const declined = await mediator.post(`/api/v1/cases/${caseId}/move-requests/${request.id}/decline`, {
      note: 'That is the only day the room is free. We keep it.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(json<MoveRequest>(declined)).toMatchObject({
      status: 'declined',
      note: 'That is the only day the room is free. We keep it.',
    });
    const mail = await lastEmailTo(t.db, world.districtEmail, 'session-move-declined');
    expect(mail.text_body).toContain('it stays on Friday, March 20, 2026 at 10:00 AM CDT');
    expect(mail.text_body).not.toContain('room is free');
    expect((await sessionsOf(parent, caseId)).moveRequests).toEqual([]);
    // Declined, the district may ask again.
    expect((await sessionsOf(district, caseId)).sessions[0]!.can.askToMove).toBe(true);
  });

  it('a canceled or past session cannot be asked about, with a clear message', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, parent, caseId } = world;
    const soon = json<SessionChanged>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-04', '09:00', 60)),
    );
    const later = json<SessionChanged>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-25')),
    );
    await mediator.post(`/api/v1/cases/${caseId}/sessions/${later.id}/cancel`);
    const canceled = await ask(parent, caseId, later.id);
    expect(canceled.statusCode).toBe(409);
    expect(json<Envelope>(canceled).error.message).toMatch(/canceled/);

    // A session that has begun.
    const begun = iso(new Date(t.clock.now().getTime() - HOUR));
    await t.db.updateTable('case_sessions').set({ starts_at: begun }).where('id', '=', soon.id).execute();
    const past = await ask(parent, caseId, soon.id);
    expect(past.statusCode).toBe(409);
    expect(json<Envelope>(past).error.message).toMatch(/already started or taken place/);
  });
});
