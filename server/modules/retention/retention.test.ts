import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { attached, PDF_BYTES } from '../../../test/uploads.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { purgeDeadLinks, purgeExpired } from './retention.service.ts';

// Confidential words written on the case that is purged first.
const NOTE = 'Caucus: the district would fund an aide if pressed';
const PREP = 'I worry the school will not listen again';
const PRIVATE_OPTION = 'A summer tutor paid by us, if it comes to that';
const SHARED_OPTION = 'Speech therapy twice a week';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let held: { caseId: string };
let later: { caseId: string };
let coordinator: TestClient;
const url = (caseId: string, rest = '') => `/api/v1/cases/${caseId}${rest}`;

const count = async (
  table:
    | 'case_notes'
    | 'case_preparations'
    | 'issue_options'
    | 'screening_responses'
    | 'case_messages'
    | 'folder_documents',
  caseId: string,
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function withdrawn(programId: string) {
  const opened = await openSpecialEducationCase(t, programId);
  const r = await opened.parent.post(url(opened.caseId, '/withdraw'), {});
  expect(r.statusCode, r.body).toBeLessThan(300);
  return opened;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  coordinator = w.coordinator;
  await w.parent.put(url(w.caseId, '/preparation'), {
    perspective: PREP,
    goals: 'Services back',
    concerns: '',
    solutions: '',
  });
  const session = json<{ id: string }>(
    await w.mediator.post(url(w.caseId, '/sessions'), jointSession('2026-03-04')),
  );
  expect(
    (await w.mediator.post(url(w.caseId, '/notes'), { kind: 'caucus', sessionId: session.id, body: NOTE }))
      .statusCode,
  ).toBe(201);
  // A message and a file in the case's folder: confidential words too.
  expect((await w.parent.post(url(w.caseId, '/threads/requester/messages'), { body: NOTE })).statusCode).toBe(
    201,
  );
  expect(
    (
      await w.parent.post(url(w.caseId, '/documents'), {
        file: attached('iep.pdf', PDF_BYTES),
        visibility: 'mediator',
      })
    ).statusCode,
  ).toBe(201);
  const issue = json<{ id: string }>(
    await w.mediator.post(url(w.caseId, '/issues'), { templateId: 'provision_of_services' }),
  );
  await w.parent.post(url(w.caseId, `/issues/${issue.id}/options`), {
    text: PRIVATE_OPTION,
    visibility: 'private',
  });
  await w.parent.post(url(w.caseId, `/issues/${issue.id}/options`), {
    text: SHARED_OPTION,
    visibility: 'shared',
  });
  t.clock.set('2026-03-04T19:00:00Z');
  w.mediator = await signedIn(t.app, w.mediatorUser);
  await w.mediator.post(url(w.caseId, `/sessions/${session.id}/held`), {
    attendedIds: [w.parentId, w.districtId],
  });
  expect((await w.mediator.post(url(w.caseId, '/outcome'), { outcome: 'no_agreement' })).statusCode).toBe(
    200,
  );
  coordinator = await signedIn(t.app, w.coordinatorUser);
  w.parent = await signedIn(t.app, w.parentUser);
  held = await withdrawn(w.programId);
}, 60_000);
afterAll(async () => t.close());

describe("a program's retention schedule", () => {
  it("shows the pack's figure, where it comes from, and that it is not confirmed", async () => {
    const r = await coordinator.get(`/api/v1/programs/${w.programId}/retention`);
    expect(r.statusCode, r.body).toBe(200);
    const policy = json<{ closedCaseYears: Record<string, unknown>; confidentialAfterDays: null }>(r);
    expect(policy.closedCaseYears).toMatchObject({ value: 5, local: false, confirmed: false });
    expect(String(policy.closedCaseYears.cite)).toMatch(/2 CFR 200\.334/);
    expect(String(policy.closedCaseYears.note)).toMatch(/not read/);
    expect(policy.confidentialAfterDays).toBeNull();
  });

  it('refuses a schedule without its source or out of bounds, naming the field', async () => {
    const path = `/api/v1/programs/${w.programId}/retention`;
    const noCite = await coordinator.put(path, {
      closedCaseYears: { value: 7, cite: '' },
      confidentialAfterDays: 30,
    });
    expect(noCite.statusCode).toBe(400);
    expect(noCite.body).toMatch(/closedCaseYears/);
    const negative = await coordinator.put(path, { closedCaseYears: null, confidentialAfterDays: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toMatch(/confidentialAfterDays/);
    expect((await w.parent.put(path, { closedCaseYears: null, confidentialAfterDays: 30 })).statusCode).toBe(
      403,
    );
  });

  it('takes the early purge of confidential words, and is audited', async () => {
    const r = await coordinator.put(`/api/v1/programs/${w.programId}/retention`, {
      closedCaseYears: null,
      confidentialAfterDays: 30,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toMatchObject({ confidentialAfterDays: 30, closedCaseYears: { value: 5 } });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'retention.policy_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('legal holds', () => {
  it('a coordinator places one with a reason; everyone on the case sees it; a party cannot place one', async () => {
    const refused = await w.parent.post(url(held.caseId, '/legal-holds'), { reason: 'I want to keep it' });
    expect(refused.statusCode).toBe(404); // the parent of this case is another person
    const noReason = await coordinator.post(url(held.caseId, '/legal-holds'), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toMatch(/reason/);
    const placed = await coordinator.post(url(held.caseId, '/legal-holds'), {
      reason: 'Records request in Boone County case 26BA-CV00123',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(json(placed)).toMatchObject({
      placedBy: 'Casey Coordinator',
      liftedAt: null,
      can: { lift: true },
    });
    const seen = json<{ held: boolean; can: { place: boolean } }>(
      await coordinator.get(url(held.caseId, '/legal-holds')),
    );
    expect(seen).toMatchObject({ held: true, can: { place: true } });
    const party = json<{ held: boolean; can: { place: boolean }; holds: { can: { lift: boolean } }[] }>(
      await w.parent.get(url(w.caseId, '/legal-holds')),
    );
    expect(party).toMatchObject({ held: false, holds: [], can: { place: false } });
    expect((await w.parent.post(url(w.caseId, '/legal-holds'), { reason: 'Keep it all' })).statusCode).toBe(
      403,
    );
  });
});

describe('the daily purge', () => {
  it('purges nothing before anything has expired', async () => {
    t.clock.set('2026-03-20T12:00:00Z');
    expect(await purgeExpired(t.deps)).toEqual({ confidential: [], records: [], held: 0 });
    expect(await count('case_notes', w.caseId)).toBe(1);
    expect(await count('screening_responses', w.caseId)).toBeGreaterThan(0);
  });

  it('purges the confidential words when the early purge falls due, and keeps the rest', async () => {
    const screenings = await count('screening_responses', w.caseId);
    t.clock.set('2026-04-05T12:00:00Z');
    later = await withdrawn(w.programId);
    const report = await purgeExpired(t.deps);
    expect(report.confidential).toEqual([w.caseId]);
    expect(report.records).toEqual([]);
    expect(await count('case_notes', w.caseId)).toBe(0);
    expect(await count('case_preparations', w.caseId)).toBe(0);
    expect(await count('case_messages', w.caseId)).toBe(0);
    expect(await count('folder_documents', w.caseId)).toBe(0);
    expect(
      await t.db
        .selectFrom('files')
        .select('id')
        .where('case_id', '=', w.caseId)
        .where('purpose', '=', 'case-document')
        .execute(),
    ).toEqual([]);
    expect(await count('screening_responses', w.caseId)).toBe(0);
    const options = await t.db
      .selectFrom('issue_options')
      .select('visibility')
      .where('case_id', '=', w.caseId)
      .execute();
    expect(options).toEqual([{ visibility: 'shared' }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'retention.confidential_purged')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toEqual({
      notes: 1,
      preparations: 1,
      privateOptions: 1,
      screenings,
      negotiationAids: 0,
      messages: 1,
      moveRequests: 0,
      documents: 1,
    });
    for (const s of [NOTE, PREP, PRIVATE_OPTION]) expect(audit[0]!.data).not.toContain(s);
    // Run again: nothing more to purge, no second entry.
    expect((await purgeExpired(t.deps)).confidential).toEqual([]);
  });

  it('at the end of retention removes exactly the expired case, leaves a statistical row, and skips the held one', async () => {
    const emailsBefore = await t.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('case_id', '=', w.caseId)
      .execute();
    expect(emailsBefore.length).toBeGreaterThan(0);
    const auditBefore = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('case_id', '=', w.caseId)
      .execute();
    t.clock.set('2031-03-10T12:00:00Z');
    const report = await purgeExpired(t.deps);
    expect(report.records).toEqual([w.caseId]);
    expect(report.held).toBe(1);
    expect(
      await t.db.selectFrom('cases').select('id').where('id', '=', w.caseId).executeTakeFirst(),
    ).toBeUndefined();
    for (const table of [
      'case_participants',
      'case_sessions',
      'issue_options',
      'case_keys',
      'signatures',
    ] as const)
      expect(
        await t.db.selectFrom(table).select('case_id').where('case_id', '=', w.caseId).execute(),
      ).toEqual([]);
    expect(
      await t.db.selectFrom('outbox_emails').select('id').where('case_id', '=', w.caseId).execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom('files').select('id').where('case_id', '=', w.caseId).execute()).toEqual([]);
    expect(
      await t.db.selectFrom('invitations').select('id').where('case_id', '=', w.caseId).execute(),
    ).toEqual([]);
    // The held case and the case that closed later are still there, untouched.
    for (const id of [held.caseId, later.caseId])
      expect(await t.db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()).toEqual({
        id,
      });
    // The audit trail keeps every entry about the purged case, adds one, and still verifies.
    const auditAfter = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_id', '=', w.caseId)
      .execute();
    expect(auditAfter.length).toBe(auditBefore.length + 1);
    expect(auditAfter.at(-1)!.kind).toBe('retention.case_purged');
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
    // What is left says nothing of who or what: program, kind, months, counts.
    const stats = await t.db.selectFrom('case_statistics').selectAll().execute();
    expect(stats).toEqual([
      expect.objectContaining({
        program_id: w.programId,
        program_kind: 'special_education',
        closed_state: 'no_agreement',
        outcome: 'no_agreement',
        requested_month: '2026-03',
        closed_month: '2026-03',
        purged_month: '2031-03',
        parties: 2,
        sessions_held: 1,
        session_minutes: 120,
        signed_agreement: 0,
      }),
    ]);
    expect(JSON.stringify(stats)).not.toMatch(/Rosa|Lopez|Riverside|@/);
  });

  it("the program's report still counts the purged case", async () => {
    coordinator = await signedIn(t.app, w.coordinatorUser);
    const r = await coordinator.get(`/api/v1/programs/${w.programId}/case-report`);
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toEqual({
      from: null,
      to: null,
      closed: 3,
      purged: 1,
      byMonth: [
        { month: '2026-03', cases: 2 },
        { month: '2026-04', cases: 1 },
      ],
      byState: [
        { state: 'no_agreement', cases: 1 },
        { state: 'withdrawn', cases: 2 },
      ],
    });
    const april = json<{ closed: number; purged: number; byMonth: unknown[] }>(
      await coordinator.get(`/api/v1/programs/${w.programId}/case-report?from=2026-04&to=2026-04`),
    );
    expect(april).toMatchObject({
      from: '2026-04',
      to: '2026-04',
      closed: 1,
      byMonth: [{ month: '2026-04', cases: 1 }],
    });
    const backwards = await coordinator.get(
      `/api/v1/programs/${w.programId}/case-report?from=2026-05&to=2026-04`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The last month cannot come before the first');
    const badMonth = await coordinator.get(`/api/v1/programs/${w.programId}/case-report?from=March`);
    expect(badMonth.statusCode).toBe(400);
    expect(JSON.parse(badMonth.body).error.fields).toHaveProperty('from');

    const csv = await coordinator.get(`/api/v1/programs/${w.programId}/case-report.csv?to=2026-03`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('case-report-start-to-2026-03.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Closed in (month),How it ended,Record,Cases');
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',').at(-1)), 0)).toBe(2);
    expect(lines.some((l) => l.includes('purged (statistics kept)'))).toBe(true);
    expect([401, 403]).toContain(
      (await w.parent.get(`/api/v1/programs/${w.programId}/case-report.csv`)).statusCode,
    );
  });

  it('once the hold is lifted (with a reason, audited) the held case goes at the next run', async () => {
    const holds = json<{ holds: { id: string }[] }>(await coordinator.get(url(held.caseId, '/legal-holds')));
    const holdId = holds.holds[0]!.id;
    const noReason = await coordinator.post(url(held.caseId, `/legal-holds/${holdId}/lift`), {});
    expect(noReason.statusCode).toBe(400);
    const lifted = await coordinator.post(url(held.caseId, `/legal-holds/${holdId}/lift`), {
      reason: 'The records request was answered',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(json(lifted)).toMatchObject({
      liftReason: 'The records request was answered',
      can: { lift: false },
    });
    expect(
      (await coordinator.post(url(held.caseId, `/legal-holds/${holdId}/lift`), { reason: 'again' }))
        .statusCode,
    ).toBe(409);
    const kinds = (
      await t.db.selectFrom('audit_events').select('kind').where('case_id', '=', held.caseId).execute()
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['retention.hold_placed', 'retention.hold_lifted']));
    const report = await purgeExpired(t.deps);
    expect(report.records).toEqual([held.caseId]);
    expect(await t.db.selectFrom('case_statistics').select('id').execute()).toHaveLength(2);
  });
});

describe('dead links', () => {
  it('removes reset links and invitations dead for 30 days, and keeps newer ones', async () => {
    const person = await buildUser(t.deps, { email: 'forgetful@example.test' });
    const visitor = await signedIn(t.app, person);
    await visitor.post('/api/v1/auth/password-reset/request', { email: person.email });
    const tokens = () =>
      t.db.selectFrom('one_time_tokens').select('id').where('user_id', '=', person.id).execute();
    expect((await tokens()).length).toBeGreaterThan(0);
    await purgeDeadLinks(t.deps);
    expect((await tokens()).length).toBeGreaterThan(0);
    t.clock.set('2031-05-01T12:00:00Z');
    const removed = await purgeDeadLinks(t.deps);
    expect(removed.tokens).toBeGreaterThan(0);
    expect(await tokens()).toEqual([]);
    // The invitation into the case that closed later, never answered, is dead too.
    expect(
      await t.db.selectFrom('invitations').select('id').where('accepted_at', 'is', null).execute(),
    ).toEqual([]);
  });
});
