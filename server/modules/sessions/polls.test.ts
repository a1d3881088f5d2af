import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePolls, Poll, PollByLink } from '../../../contracts/session-polls.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { DAY, HOUR } from '../../infra/clock.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

/**
 * Finding a time: the mediator proposes times, the parent (signed in) and the district's
 * representative (from the e-mailed link, without signing in) mark theirs, Parley names the best one, and
 * booking it sets a session with the checks of setting one by hand.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const place = jointSession('2026-03-10').place;
const pollBody = (dates: [string, string][], kind = 'joint', side?: string) => ({
  kind,
  ...(side ? { side } : {}),
  minutes: 90,
  place,
  times: dates.map(([date, time]) => ({ date, time })),
});
type Envelope = { error: { code: string; message: string; fields?: Record<string, string> } };

describe('finding a time', () => {
  it('the parent and the district answer, the best time is shown, double booking is still refused, and booking closes the poll', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, parent, caseId } = world;
    const created = await mediator.post(
      `/api/v1/cases/${caseId}/polls`,
      pollBody([
        ['2026-03-12', '13:00'],
        ['2026-03-10', '09:00'],
        ['2026-03-11', '09:00'],
      ]),
    );
    expect(created.statusCode, created.body).toBe(201);
    const poll = json<Poll>(created);
    // The times come in time order, in Missouri time.
    expect(poll.slots.map((s) => s.shown)).toEqual([
      'Tuesday, March 10, 2026 at 9:00 AM CDT',
      'Wednesday, March 11, 2026 at 9:00 AM CDT',
      'Thursday, March 12, 2026 at 1:00 PM CDT',
    ]);
    expect(poll.invitees.map((i) => [i.participantId, i.answered]).sort()).toEqual(
      [
        [world.parentId, false],
        [world.districtId, false],
      ].sort(),
    );
    const [tue, wed, thu] = poll.slots.map((s) => s.id) as [string, string, string];

    // Each gets their own link by e-mail; it names no one else.
    const districtMail = await lastEmailTo(t.db, world.districtEmail, 'session-poll');
    expect(districtMail.text_body).toContain('Wednesday, March 11, 2026 at 9:00 AM CDT');
    expect(districtMail.text_body).not.toContain('Rosa Lopez');
    const parentMail = await lastEmailTo(t.db, world.parentUser.email, 'session-poll');
    expect(parentMail.token).not.toBe(districtMail.token);

    // The parent answers signed in and sees only their own answer.
    const mine = await parent.put(`/api/v1/cases/${caseId}/polls/${poll.id}/answer`, { times: [tue, wed] });
    expect(mine.statusCode, mine.body).toBe(200);
    const parentView = json<Poll>(mine);
    expect(parentView.invitees.map((i) => i.participantId)).toEqual([world.parentId]);
    expect(parentView.slots.map((s) => [s.mine, s.canAttend, s.best])).toEqual([
      [true, null, false],
      [true, null, false],
      [false, null, false],
    ]);

    // The district's representative answers from the link, without signing in.
    const visitor = new TestClient(t.app, '10.9.9.9');
    const link = `/api/v1/poll-links/${districtMail.token}`;
    const shown = json<PollByLink>(await visitor.get(link));
    expect(shown).toMatchObject({ name: 'Dana Director', kind: 'joint', answered: false });
    const answered = await visitor.put(link, { times: [wed, thu] });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(json<PollByLink>(answered).slots.map((s) => s.mine)).toEqual([false, true, true]);

    // The mediator sees everyone's answers and the best time: Wednesday, both can come.
    const view = json<CasePolls>(await mediator.get(`/api/v1/cases/${caseId}/polls`)).polls[0]!;
    expect(view.slots.map((s) => [s.canAttend, s.best])).toEqual([
      [1, false],
      [2, true],
      [1, false],
    ]);
    expect(view.invitees.every((i) => i.answered)).toBe(true);

    // Another case of the same mediator takes Wednesday at 9:30: booking Wednesday is refused.
    const other = await readySpecialEducationCase(t, {
      programId: world.programId,
      mediator: world.mediatorUser,
    });
    const clash = await mediator.post(
      `/api/v1/cases/${other.caseId}/sessions`,
      jointSession('2026-03-11', '09:30', 60),
    );
    expect(clash.statusCode, clash.body).toBe(201);
    const refused = await mediator.post(`/api/v1/cases/${caseId}/polls/${poll.id}/book`, { timeId: wed });
    expect(refused.statusCode).toBe(409);
    expect(json<Envelope>(refused).error.fields).toHaveProperty('time');
    expect(json<CasePolls>(await mediator.get(`/api/v1/cases/${caseId}/polls`)).polls[0]!.status).toBe(
      'open',
    );

    // Thursday is free: booked as a session for both, with its invitation; the poll closes.
    const booked = await mediator.post(`/api/v1/cases/${caseId}/polls/${poll.id}/book`, { timeId: thu });
    expect(booked.statusCode, booked.body).toBe(201);
    const session = json<{ id: string; shown: string; attendees: { id: string }[] }>(booked);
    expect(session.shown).toBe('Thursday, March 12, 2026 at 1:00 PM CDT');
    expect(session.attendees.map((a) => a.id).sort()).toEqual([world.parentId, world.districtId].sort());
    const after = json<CasePolls>(await mediator.get(`/api/v1/cases/${caseId}/polls`)).polls[0]!;
    expect(after).toMatchObject({
      status: 'booked',
      sessionId: session.id,
      can: { book: false, answer: false },
    });
    expect((await lastEmailTo(t.db, world.districtEmail, 'session-invite')).text_body).toContain(
      'Thursday, March 12, 2026 at 1:00 PM CDT',
    );
    const late = await visitor.put(link, { times: [tue] });
    expect(late.statusCode).toBe(409);
    expect(json<Envelope>(late).error.message).toMatch(/closed/);
  });

  it('only the people asked answer; bad input is refused naming the field in words', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, caseId } = world;
    const poll = json<Poll>(
      await mediator.post(
        `/api/v1/cases/${caseId}/polls`,
        pollBody([
          ['2026-03-16', '10:00'],
          ['2026-03-17', '10:00'],
        ]),
      ),
    );
    const url = `/api/v1/cases/${caseId}/polls/${poll.id}/answer`;
    // Someone outside the case cannot see or answer it.
    const stranger = await signedInAs(t, {});
    expect((await stranger.put(url, { times: [] })).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/cases/${caseId}/polls`)).statusCode).toBe(404);
    // The program's coordinator sees it but was not asked.
    const coordinator = await world.coordinator.put(url, { times: [] });
    expect(coordinator.statusCode).toBe(403);
    // A made-up link does not work.
    const nobody = new TestClient(t.app, '10.9.9.8');
    expect((await nobody.get(`/api/v1/poll-links/${'x'.repeat(43)}`)).statusCode).toBe(410);

    const one = await mediator.post(`/api/v1/cases/${caseId}/polls`, pollBody([['2026-03-16', '10:00']]));
    expect(one.statusCode).toBe(400);
    expect(json<Envelope>(one).error).toMatchObject({
      message: 'Please check the times: Offer at least two times.',
      fields: { times: 'Offer at least two times' },
    });
    const past = await mediator.post(
      `/api/v1/cases/${caseId}/polls`,
      pollBody([
        ['2026-03-01', '10:00'],
        ['2026-03-17', '10:00'],
      ]),
    );
    expect(past.statusCode).toBe(400);
    expect(json<Envelope>(past).error.message).toBe('Please check the times: choose times in the future.');
    const twice = await mediator.post(
      `/api/v1/cases/${caseId}/polls`,
      pollBody([
        ['2026-03-17', '10:00'],
        ['2026-03-17', '10:00'],
      ]),
    );
    expect(json<Envelope>(twice).error.fields).toEqual({ times: 'offer each time once' });
    const unknown = await world.parent.put(url, { times: ['not-a-time'] });
    expect(unknown.statusCode).toBe(400);
    expect(json<Envelope>(unknown).error.message).toBe(
      'Please check the times: choose among the proposed times.',
    );
    const noTime = await mediator.post(`/api/v1/cases/${caseId}/polls/${poll.id}/book`, {});
    expect(noTime.statusCode).toBe(400);
    expect(json<Envelope>(noTime).error.fields).toHaveProperty('timeId');
    // A party cannot book or close.
    expect((await world.parent.post(`/api/v1/cases/${caseId}/polls/${poll.id}/close`)).statusCode).toBe(403);
  });

  it('reminds those who have not answered once, two days after asking', async () => {
    const world = await readySpecialEducationCase(t);
    const poll = json<Poll>(
      await world.mediator.post(
        `/api/v1/cases/${world.caseId}/polls`,
        pollBody([
          ['2026-03-23', '10:00'],
          ['2026-03-24', '10:00'],
        ]),
      ),
    );
    await world.parent.put(`/api/v1/cases/${world.caseId}/polls/${poll.id}/answer`, {
      times: [poll.slots[0]!.id],
    });
    const reminders = () =>
      t.db
        .selectFrom('outbox_emails')
        .select(['to_address', 'text_body'])
        .where('template', '=', 'session-poll-reminder')
        .where('case_id', '=', world.caseId)
        .execute();
    const runner = createJobRunner(t.deps, JOBS, 'server-a');
    await runner.runDueJobs();
    expect(await reminders()).toEqual([]);
    t.clock.advance(2 * DAY + HOUR);
    await runner.runDueJobs();
    t.clock.advance(HOUR);
    await runner.runDueJobs();
    const sent = await reminders();
    expect(sent.map((m) => m.to_address)).toEqual([world.districtEmail.toLowerCase()]);
    // The reminder carries the same link as the first e-mail.
    const first = await lastEmailTo(t.db, world.districtEmail, 'session-poll');
    expect(sent[0]!.text_body).toContain(first.token!);
  });

  it('keeps the sides apart where screening says so: no joint poll, and a side’s poll is its own', async () => {
    const world = await readySpecialEducationCase(t, { separateSessions: true });
    const { mediator, caseId } = world;
    const joint = await mediator.post(
      `/api/v1/cases/${caseId}/polls`,
      pollBody([
        ['2026-03-18', '10:00'],
        ['2026-03-19', '10:00'],
      ]),
    );
    expect(joint.statusCode).toBe(409);
    const own = await mediator.post(
      `/api/v1/cases/${caseId}/polls`,
      pollBody(
        [
          ['2026-03-18', '10:00'],
          ['2026-03-19', '10:00'],
        ],
        'pre_mediation',
        'requester',
      ),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(json<Poll>(own).invitees.map((i) => i.participantId)).toEqual([world.parentId]);
    expect(json<CasePolls>(await world.district.get(`/api/v1/cases/${caseId}/polls`)).polls).toEqual([]);
    const parentView = json<CasePolls>(await world.parent.get(`/api/v1/cases/${caseId}/polls`)).polls;
    expect(parentView.map((p) => p.invitees.map((i) => i.name))).toEqual([['Rosa Lopez']]);
  });
});
