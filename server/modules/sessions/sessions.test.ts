import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { DAY, HOUR } from '../../infra/clock.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof readySpecialEducationCase>>;

const events = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const attachmentOf = (m: { attachments: string }) =>
  JSON.parse(m.attachments) as { filename: string; content: string; contentType: string }[];

beforeAll(async () => {
  t = await createTestApp();
  world = await readySpecialEducationCase(t);
});
afterAll(async () => t.close());

describe('sessions', () => {
  let sessionId: string;
  it('the mediator sets a joint session: the case is in mediation and everyone gets a calendar file that parses', async () => {
    const r = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, jointSession('2026-03-06'));
    expect(r.statusCode).toBe(201);
    const s = json<{ id: string; shown: string; warnings: string[] }>(r);
    sessionId = s.id;
    expect(s.shown).toBe('Friday, March 6, 2026 at 10:00 AM CST');
    expect(json(await world.parent.get(`/api/v1/cases/${world.caseId}`))).toMatchObject({
      state: 'in_mediation',
    });
    const mails = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'session-invite')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [world.districtEmail, world.mediatorUser.email, world.parentUser.email]
        .map((e) => e.toLowerCase())
        .sort(),
    );
    const [ev] = events(attachmentOf(mails[0]!)[0]!.content);
    expect(formatMissouriDateTime(ev!.startDate.toJSDate())).toBe('Friday, March 6, 2026 at 10:00 AM CST');
    expect(ev!.endDate.toJSDate().getTime() - ev!.startDate.toJSDate().getTime()).toBe(2 * HOUR);
    expect(ev!.location).toContain('Room 4B');
  });

  it('refuses the mediator’s double booking, on this case or any other', async () => {
    const r = await world.mediator.post(
      `/api/v1/cases/${world.caseId}/sessions`,
      jointSession('2026-03-06', '11:00', 60),
    );
    expect(r.statusCode).toBe(409);
    expect(json<{ error: { fields: Record<string, string> } }>(r).error.fields).toHaveProperty('time');
    const other = await readySpecialEducationCase(t, {
      programId: world.programId,
      mediator: world.mediatorUser,
    });
    const clash = await other.mediator.post(
      `/api/v1/cases/${other.caseId}/sessions`,
      jointSession('2026-03-06', '09:30', 60),
    );
    expect(clash.statusCode).toBe(409);
    const backToBack = await other.mediator.post(
      `/api/v1/cases/${other.caseId}/sessions`,
      jointSession('2026-03-06', '12:00', 60),
    );
    expect(backToBack.statusCode).toBe(201);
  });

  it('refuses an attorney as an attendee where the pack bars attorneys, and accepts an interpreter', async () => {
    const body = {
      ...jointSession('2026-03-10'),
      guests: [{ name: 'Lee Lawyer', role: 'attorney', side: 'respondent', isAttorney: true }],
    };
    const r = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, body);
    expect(r.statusCode).toBe(422);
    expect(json<{ error: { code: string; message: string } }>(r).error).toMatchObject({
      code: 'ATTORNEY_NOT_ALLOWED',
    });
    expect(json<{ error: { message: string } }>(r).error.message).toContain('Missouri State Plan');
    const ok = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, {
      ...jointSession('2026-03-10'),
      guests: [
        {
          name: 'Ana Intérprete',
          role: 'interpreter',
          side: 'requester',
          isAttorney: false,
          language: 'Spanish',
        },
      ],
    });
    expect(ok.statusCode).toBe(201);
  });

  it('bad input gets 400 naming the field, and a party cannot set sessions', async () => {
    const bad = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, {
      ...jointSession('2026-03-12'),
      time: '25:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('time');
    const past = await world.mediator.post(
      `/api/v1/cases/${world.caseId}/sessions`,
      jointSession('2026-03-01'),
    );
    expect(past.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(past).error.fields).toHaveProperty('date');
    expect(
      (await world.parent.post(`/api/v1/cases/${world.caseId}/sessions`, jointSession('2026-03-12')))
        .statusCode,
    ).toBe(403);
  });

  it('warns when a session falls after a deadline not yet met (DESE: completed within 30 days of agreeing)', async () => {
    // A joint session is already scheduled, which meets the 15-day rule; completion is still open.
    const r = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, {
      ...jointSession('2026-04-10'),
      kind: 'caucus',
      side: 'requester',
    });
    expect(r.statusCode).toBe(201);
    const warnings = json<{ warnings: string[] }>(r).warnings.join(' ');
    expect(warnings).toContain('30 days');
    expect(warnings).not.toContain('15 days');
  });

  it('moving a session across the daylight-saving change sends an update that lands at the right Missouri hour; cancelling sends a CANCEL', async () => {
    const moved = await world.mediator.put(`/api/v1/cases/${world.caseId}/sessions/${sessionId}`, {
      date: '2026-03-09',
      time: '10:00',
      minutes: 90,
    });
    expect(moved.statusCode).toBe(200);
    const update = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'session-moved')
      .executeTakeFirstOrThrow();
    const [ev] = events(attachmentOf(update)[0]!.content);
    expect(formatMissouriDateTime(ev!.startDate.toJSDate())).toBe('Monday, March 9, 2026 at 10:00 AM CDT');
    expect(ev!.startDate.toJSDate().toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(ev!.component.getFirstPropertyValue('sequence')).toBe(1);
    expect(update.text_body).toContain('Monday, March 9, 2026 at 10:00 AM CDT');
  });

  it('sends each reminder once the day before, even with two servers running the job', async () => {
    t.clock.set('2026-03-08T16:00:00Z');
    const a = createJobRunner(t.deps, JOBS, 'server-a');
    const b = createJobRunner(t.deps, JOBS, 'server-b');
    await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    t.clock.advance(HOUR);
    await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    const reminders = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'session-reminder')
      .execute();
    expect(reminders.map((m) => m.to_address).sort()).toEqual(
      [world.districtEmail, world.mediatorUser.email, world.parentUser.email]
        .map((e) => e.toLowerCase())
        .sort(),
    );
    expect(reminders[0]!.text_body).toContain('Monday, March 9, 2026 at 10:00 AM CDT');
    t.clock.advance(DAY);
  });

  it('a private calendar feed per person parses, shows only their sessions, and can be revoked', async () => {
    // Sessions expire after the day that passed: sign in again.
    const parent = await signedIn(t.app, world.parentUser);
    const mediator = await signedIn(t.app, world.mediatorUser);
    const res = await parent.post('/api/v1/calendar-feed');
    expect(res.body).toContain('url');
    const made = json<{ url: string }>(res);
    const path = new URL(made.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const evs = events(feed.body);
    // The parent's joint sessions and their own side's caucus; not the other case's sessions.
    expect(evs.length).toBe(3);
    expect(evs.map((e) => formatMissouriDateTime(e.startDate.toJSDate()))).toContain(
      'Monday, March 9, 2026 at 10:00 AM CDT',
    );
    expect(t.logs.join('\n')).not.toContain(path.split('/').at(-1));
    await parent.delete('/api/v1/calendar-feed');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const mediatorFeed = json<{ url: string }>(await mediator.post('/api/v1/calendar-feed'));
    const feedPath = new URL(mediatorFeed.url).pathname;
    expect(events((await t.app.inject({ method: 'GET', url: feedPath })).body).length).toBe(4);
    // Cancelling sends a CANCEL to everyone invited and marks the event cancelled in the feed.
    const sessions = json<{ sessions: { id: string; kind: string }[] }>(
      await mediator.get(`/api/v1/cases/${world.caseId}/sessions`),
    );
    const caucus = sessions.sessions.find((x) => x.kind === 'caucus')!;
    expect(
      (await mediator.post(`/api/v1/cases/${world.caseId}/sessions/${caucus.id}/cancel`)).statusCode,
    ).toBe(200);
    const cancel = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'session-cancelled')
      .executeTakeFirstOrThrow();
    const ics = attachmentOf(cancel)[0]!.content;
    expect(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('method')).toBe('CANCEL');
    const after = events((await t.app.inject({ method: 'GET', url: feedPath })).body);
    expect(after.find((e) => e.uid.startsWith(caucus.id))?.component.getFirstPropertyValue('status')).toBe(
      'CANCELLED',
    );
  });
});

describe('the "separate sessions" safeguard', () => {
  let apart: Awaited<ReturnType<typeof readySpecialEducationCase>>;
  const caucus = (date: string, side: 'requester' | 'respondent') => ({
    ...jointSession(date, '13:00', 60),
    kind: 'caucus',
    side,
  });
  beforeAll(async () => {
    apart = await readySpecialEducationCase(t, { programId: world.programId, separateSessions: true });
  });

  it('refuses a joint session, naming the safeguard', async () => {
    const r = await apart.mediator.post(`/api/v1/cases/${apart.caseId}/sessions`, jointSession('2026-03-16'));
    expect(r.statusCode).toBe(409);
    const { error } = json<{ error: { message: string; fields: Record<string, string> } }>(r);
    expect(error.message).toContain('“separate sessions” safeguard');
    expect(error.fields).toHaveProperty('kind');
  });

  it('still sets pre-mediation meetings and caucuses with each side on its own', async () => {
    const url = `/api/v1/cases/${apart.caseId}/sessions`;
    expect((await apart.mediator.post(url, caucus('2026-03-17', 'requester'))).statusCode).toBe(201);
    expect((await apart.mediator.post(url, caucus('2026-03-18', 'respondent'))).statusCode).toBe(201);
    const meeting = { ...caucus('2026-03-19', 'requester'), kind: 'pre_mediation' };
    expect((await apart.mediator.post(url, meeting)).statusCode).toBe(201);
  });

  it('tells the mediator before the form is sent, and tells the parties nothing of it', async () => {
    type View = { jointRefused: string | null; can: { schedule: boolean; scheduleJoint: boolean } };
    const mine = json<View>(await apart.mediator.get(`/api/v1/cases/${apart.caseId}/sessions`));
    expect(mine.can).toEqual({ schedule: true, scheduleJoint: false });
    expect(mine.jointRefused).toContain('“separate sessions” safeguard');
    const theirs = json<View>(await apart.district.get(`/api/v1/cases/${apart.caseId}/sessions`));
    expect(theirs).toMatchObject({ jointRefused: null, can: { schedule: false, scheduleJoint: false } });
    const mediator = await signedIn(t.app, world.mediatorUser);
    const elsewhere = json<View>(await mediator.get(`/api/v1/cases/${world.caseId}/sessions`));
    expect(elsewhere).toMatchObject({ jointRefused: null, can: { scheduleJoint: true } });
  });
});
