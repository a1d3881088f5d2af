import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { json } from '../../../test/client.ts';
import { compliance, signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { attached, PDF_BYTES } from '../../../test/uploads.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;
const byWhat = async (what: string) =>
  (await compliance(w.parent, w.caseId)).milestones.find((m) => m.what.startsWith(what))!;
const fields = (r: { body: string }) =>
  json<{ error: { fields: Record<string, string> } }>(r as never).error.fields;

beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t);
});
afterAll(async () => t.close());

describe('milestones from the signed agreement', () => {
  it('are created when everyone signs, with Missouri due dates and who is responsible', async () => {
    const c = await compliance(w.parent, w.caseId);
    expect(c.signedOn).toBe('2026-03-02');
    expect(c.milestones.map((m) => [m.what, m.responsibleSide, m.dueDate, m.state])).toEqual([
      ['Speech therapy services begin', 'respondent', '2026-03-16', 'pending'],
      ['The evaluation is completed', 'respondent', '2026-04-01', 'pending'],
      ['The parent signs consent for the evaluation', 'requester', '2026-03-09', 'pending'],
      ['Both parties meet to review the IEP', 'both', '2026-05-04', 'pending'],
    ]);
    expect(c.milestones[0]!.log.map((l) => l.kind)).toEqual(['created']);
    const audit = await auditEvents(t.db, 'compliance.milestone_created', { caseId: w.caseId });
    expect(audit).toHaveLength(4);
    // The program reads them; someone outside the case cannot tell the case exists.
    expect((await w.coordinator.get(`/api/v1/cases/${w.caseId}/compliance`)).statusCode).toBe(200);
  });
});

describe('marking done with evidence, confirming and disputing', () => {
  it('refuses bad input naming the field (400, or 415 for a file of the wrong type), and the wrong side with 403', async () => {
    const speech = await byWhat('Speech therapy');
    const done = (c = w.district, body: unknown = {}) => c.post(w.url(`/milestones/${speech.id}/done`), body);
    let r = await done(w.district, { doneOn: '2026-03-99' });
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toHaveProperty('doneOn');
    r = await done(w.district, { doneOn: '2026-03-20', note: 'Started' });
    expect(r.statusCode).toBe(400);
    expect(fields(r).doneOn).toContain('future');
    r = await done(w.district, { doneOn: '2026-03-02' });
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toHaveProperty('note');
    r = await done(w.district, {
      doneOn: '2026-03-02',
      files: [attached('log.pdf', Buffer.from('MZ this is not a pdf at all'))],
    });
    expect(r.statusCode).toBe(415);
    expect(fields(r)).toHaveProperty('files.0.contentBase64');
    r = await done(w.parent, { doneOn: '2026-03-02', note: 'It started' });
    expect(r.statusCode).toBe(403);
    expect((await byWhat('Speech therapy')).state).toBe('pending');
  });

  it('the district marks it done with a file; the parent disputes, the district adds more, the parent confirms', async () => {
    const speech = await byWhat('Speech therapy');
    const r = await w.district.post(w.url(`/milestones/${speech.id}/done`), {
      doneOn: '2026-03-02',
      note: 'First session held in room 12.',
      files: [attached('service log.pdf', PDF_BYTES)],
    });
    expect(r.statusCode, r.body).toBe(200);
    const mail = await t.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'case-compliance-marked-done')
      .execute();
    expect(mail.map((m) => m.to_address)).toEqual([w.parentUser.email.toLowerCase()]);
    let m = await byWhat('Speech therapy');
    expect(m).toMatchObject({ state: 'done', doneOn: '2026-03-02' });
    expect(m.evidence).toHaveLength(1);
    expect(m.evidence[0]!.filename).toBe('service log.pdf');
    const file = await w.parent.get(w.url(`/milestones/${m.id}/evidence/${m.evidence[0]!.fileId}`));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(file.rawPayload).equals(PDF_BYTES)).toBe(true);
    expect((await w.district.post(w.url(`/milestones/${m.id}/confirm`), {})).statusCode).toBe(403);
    const noReason = await w.parent.post(w.url(`/milestones/${m.id}/dispute`), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toHaveProperty('reason');
    expect(
      (
        await w.parent.post(w.url(`/milestones/${m.id}/dispute`), {
          reason: 'Maya says no session happened.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await byWhat('Speech therapy')).state).toBe('disputed');
    expect(
      (
        await w.district.post(w.url(`/milestones/${m.id}/done`), {
          doneOn: '2026-03-02',
          note: 'Attendance sheet signed by the therapist.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await w.parent.post(w.url(`/milestones/${m.id}/confirm`), { note: 'Thank you' })).statusCode,
    ).toBe(200);
    m = await byWhat('Speech therapy');
    expect(m.state).toBe('confirmed');
    // The dispute is kept in the log, not lost.
    expect(m.log.map((l) => [l.kind, l.to])).toEqual([
      ['created', 'pending'],
      ['marked_done', 'done'],
      ['disputed', 'disputed'],
      ['marked_done', 'done'],
      ['confirmed', 'confirmed'],
    ]);
    expect(m.log[2]!.note).toBe('Maya says no session happened.');
    expect((await w.parent.post(w.url(`/milestones/${m.id}/confirm`), {})).statusCode).toBe(409);
    // The audit trail says what changed, never the words.
    const audit = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('subject_id', '=', m.id)
      .execute();
    expect(audit.map((a) => a.data).join()).not.toContain('Maya says');
  });
});

describe('what each person may do', () => {
  it('is said on each promise from the same rules the steps check, and a settled promise offers nothing', async () => {
    const can = async (c: typeof w.parent, what: string) =>
      (await compliance(c, w.caseId)).milestones.find((m) => m.what.startsWith(what))!.can;
    const none = { markDone: false, confirm: false, dispute: false, waive: false, correct: false };
    // The district's promise, still to do: the district marks it; the parent it protects may waive it.
    expect(await can(w.district, 'The evaluation')).toEqual({ ...none, markDone: true });
    expect(await can(w.parent, 'The evaluation')).toEqual({ ...none, waive: true });
    expect(await can(w.mediator, 'The evaluation')).toEqual({ ...none, correct: true });
    expect(await can(w.coordinator, 'The evaluation')).toEqual({ ...none, correct: true });
    // The parent's own promise, and one both made (which neither may waive alone).
    expect(await can(w.parent, 'The parent signs')).toEqual({ ...none, markDone: true });
    expect(await can(w.district, 'The parent signs')).toEqual({ ...none, waive: true });
    expect(await can(w.parent, 'Both parties')).toEqual({ ...none, markDone: true });
    // Confirmed: the parent may still say it is not done, and nobody corrects it any more.
    expect(await can(w.parent, 'Speech therapy')).toEqual({ ...none, dispute: true });
    expect(await can(w.coordinator, 'Speech therapy')).toEqual(none);
    const settled = await byWhat('Speech therapy');
    const refused = await w.coordinator.patch(w.url(`/milestones/${settled.id}`), {
      evidenceExpected: 'A dated service log',
      reason: 'Clearer words',
    });
    expect(refused.statusCode).toBe(409);
    // Nothing is late yet, so no enforcement packet is offered, and the download agrees.
    expect((await compliance(w.parent, w.caseId)).can).toEqual({ downloadEnforcementPacket: false });
    expect((await w.parent.get(w.url('/enforcement-packet.pdf'))).statusCode).toBe(422);
  });
});

describe('waivers', () => {
  it('only the party a promise protects may waive it, and the waiver is recorded', async () => {
    const consent = await byWhat('The parent signs consent');
    const waive = (c = w.parent, body: unknown = { confirm: true }) =>
      c.post(w.url(`/milestones/${consent.id}/waive`), body);
    expect((await waive(w.parent)).statusCode).toBe(403); // the parent made this promise
    expect((await waive(w.coordinator)).statusCode).toBe(403);
    const unticked = await waive(w.district, { confirm: false });
    expect(unticked.statusCode).toBe(400);
    expect(fields(unticked)).toHaveProperty('confirm');
    expect(
      (await waive(w.district, { confirm: true, note: 'We have consent on file already.' })).statusCode,
    ).toBe(200);
    const m = await byWhat('The parent signs consent');
    expect(m.state).toBe('waived');
    expect(m.log.at(-1)).toMatchObject({ kind: 'waived', by: 'Dana Director' });
    expect((await waive(w.district)).statusCode).toBe(409);
    const both = await byWhat('Both parties');
    expect((await w.parent.post(w.url(`/milestones/${both.id}/waive`), { confirm: true })).statusCode).toBe(
      403,
    );
  });
});

describe('corrections by the program', () => {
  it('a coordinator corrects a due date to "within 2 months", with a reason, in the log and the audit trail', async () => {
    const both = await byWhat('Both parties');
    const patch = (c = w.coordinator, body: unknown = {}) => c.patch(w.url(`/milestones/${both.id}`), body);
    expect(
      (await patch(w.parent, { due: { kind: 'date', date: '2026-06-01' }, reason: 'Later' })).statusCode,
    ).toBe(403);
    const noReason = await patch(w.coordinator, { due: { kind: 'months_after_signing', months: 2 } });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toHaveProperty('reason');
    const badMonths = await patch(w.coordinator, {
      due: { kind: 'months_after_signing', months: 0 },
      reason: 'x fix',
    });
    expect(badMonths.statusCode).toBe(400);
    const r = await patch(w.coordinator, {
      due: { kind: 'months_after_signing', months: 2 },
      reason: 'The agreement said two months; the date was typed wrong.',
    });
    expect(r.statusCode, r.body).toBe(200);
    const m = await byWhat('Both parties');
    expect(m.dueDate).toBe('2026-05-02');
    expect(m.log.at(-1)).toMatchObject({ kind: 'corrected', note: expect.stringContaining('two months') });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('kind', '=', 'compliance.milestone_corrected')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ fields: ['dueDate'] });
  });
});

describe('the program view and settings', () => {
  it('is the program’s, and settings refuse bad input naming the field', async () => {
    const programUrl = `/api/v1/programs/${w.programId}`;
    expect((await w.parent.get(`${programUrl}/compliance`)).statusCode).toBe(403);
    const bad = await w.coordinator.put(`${programUrl}/compliance/settings`, {
      remindDaysBefore: 90,
      escalateToMediator: true,
      escalateToCoordinator: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(['escalateToCoordinator', 'remindDaysBefore']);
    const view = json<{
      agreementsTracked: number;
      overdueAgreements: unknown[];
      keptOnTime: { counted: number };
    }>(await w.coordinator.get(`${programUrl}/compliance`));
    expect(view.agreementsTracked).toBe(1);
    expect(view.overdueAgreements).toEqual([]);
    // Kept on time so far: speech therapy began on its first day.
    expect(view.keptOnTime).toMatchObject({ counted: 1, kept: 1, share: 1 });
  });
});

describe('evidence files', () => {
  // Last: marking this promise done changes the program's figures checked above.
  it('are taken as large as the page promises (10 MB each), not only up to the 1 MB of other requests', async () => {
    const evaluation = await byWhat('The evaluation is completed');
    const report = Buffer.concat([PDF_BYTES, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    const r = await w.district.post(w.url(`/milestones/${evaluation.id}/done`), {
      doneOn: '2026-03-02',
      files: [attached('evaluation report.pdf', report)],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await byWhat('The evaluation is completed')).evidence).toMatchObject([
      { filename: 'evaluation report.pdf', size: report.length },
    ]);
  });
});
