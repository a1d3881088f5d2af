import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURT_REPORT_FIELDS, COURT_REPORT_SCOPES } from '../../../domain/outcomes.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { familyCaseInMediation, jointSession } from '../../../test/mediation.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { attached } from '../../../test/uploads.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof familyCaseInMediation>>;
let url: (rest: string) => string;

// The smallest files that pass each check: a PDF header, and a text file pretending to be one.
const PDF = Buffer.from('%PDF-1.4\n% scanned signed agreement\n%%EOF\n');
const NOT_PDF = Buffer.from('hello, I am not a scan');

beforeAll(async () => {
  t = await createTestApp();
  f = await familyCaseInMediation(t);
  url = (rest) => `/api/v1/cases/${f.caseId}${rest}`;
});
afterAll(async () => t.close());

describe('a family agreement (Rule 88) and the report to the court', () => {
  let sessionId: string;
  it('is signed in ink, and is not binding until the court approves it', async () => {
    const s = await f.mediator.post(url('/sessions'), jointSession('2026-03-02', '10:00', 150));
    expect(s.statusCode).toBe(201);
    sessionId = json<{ id: string }>(s).id;
    const issue = json<{ id: string }>(
      await f.mediator.post(url('/issues'), { templateId: 'parenting_time' }),
    );
    await f.mediator.patch(url(`/issues/${issue.id}`), { status: 'agreed' });
    const drafted = await f.mediator.post(url('/agreement/versions'), {
      terms: [
        {
          issueId: issue.id,
          text: 'The children spend alternate weekends with each parent.',
          responsible: 'Both parents',
        },
      ],
      settledIssueIds: [issue.id],
    });
    expect(drafted.statusCode).toBe(201);
    expect((await f.mediator.post(url('/agreement/send'), { version: 1 })).statusCode).toBe(200);
    const a = json<{ sha256: string; signing: string; text: string; signers: { capacity: string }[] }>(
      await f.mom.get(url('/agreement')),
    );
    expect(a.signing).toBe('ink');
    expect(a.text).toContain('have their own attorney review this draft');
    expect(a.signers.map((s) => s.capacity)).toContain('Attorney for the requesting party');
    // Family law is outside ESIGN (15 U.S.C. 7003): electronic signing is refused.
    const e = await f.mom.post(url('/agreement/signatures'), {
      documentSha256: a.sha256,
      intent: true,
      consentToElectronic: true,
      typedName: 'Alex Rivera',
    });
    expect(e.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(e).error.message).toContain('7003');
    const wrong = await f.mediator.post(url('/agreement/signed-copy'), attached('scan.pdf', NOT_PDF));
    expect(wrong.statusCode).toBe(415);
    expect(json<{ error: { fields: Record<string, string> } }>(wrong).error.fields).toHaveProperty(
      'contentBase64',
    );
    expect((await f.mom.post(url('/agreement/signed-copy'), attached('scan.pdf', PDF))).statusCode).toBe(403);
    const up = await f.mediator.post(url('/agreement/signed-copy'), attached('scan.pdf', PDF));
    expect(up.statusCode).toBe(201);
    expect(json(up)).toMatchObject({ status: 'awaiting_court_approval', binding: false });
    expect(json(await f.dad.get(url('/agreement')))).toMatchObject({
      status: 'awaiting_court_approval',
      binding: false,
    });
    const copy = await f.lawyer.get(url('/agreement/signed-copy'));
    expect(copy.statusCode).toBe(200);
    expect(copy.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await f.mom.post(url('/agreement/court-approval'), { approvedOn: '2026-03-02' })).statusCode,
    ).toBe(403);
    expect(
      (await f.coordinator.post(url('/agreement/court-approval'), { approvedOn: 'soon' })).statusCode,
    ).toBe(400);
    expect(
      (await f.coordinator.post(url('/agreement/court-approval'), { approvedOn: '2026-03-02' })).statusCode,
    ).toBe(200);
    expect(json(await f.dad.get(url('/agreement')))).toMatchObject({ status: 'binding', binding: true });
  });

  it('the court report carries exactly the fields the circuit allows: by default only whether it settled; with the program’s choice, also took place, ended and who attended', async () => {
    t.clock.set('2026-03-02T18:45:00Z');
    // Sign in again after the hours that passed.
    f.mediator = await signedIn(t.app, f.users.mediatorUser);
    f.coordinator = await signedIn(t.app, f.users.coordinatorUser);
    f.mom = await signedIn(t.app, f.users.mom);
    const listed = await f.mediator.get(url('/sessions'));
    expect(listed.body).toContain('sessions');
    const sessions = json<{ sessions: { attendees: { id: string; role: string }[] }[] }>(listed);
    const parents = sessions.sessions[0]!.attendees.filter((a) => a.role === 'party').map((a) => a.id);
    expect(
      (await f.mediator.post(url(`/sessions/${sessionId}/held`), { attendedIds: parents })).statusCode,
    ).toBe(200);
    await f.mediator.post(url('/notes'), { kind: 'session', body: 'Father raised the school holidays' });
    expect((await f.mediator.post(url('/outcome'), { outcome: 'full_agreement' })).statusCode).toBe(200);
    // The family pack's default: the 7th Circuit's rule, only whether the case settled.
    const narrow = json<Record<string, unknown>>(await f.coordinator.get(url('/court-report')));
    expect(narrow).toMatchObject({
      scope: 'settlement_only',
      settlement: 'full',
      courtCaseNumber: '2616-FC01234',
    });
    expect(Object.keys(narrow).sort()).toEqual(
      [...COURT_REPORT_SCOPES.settlement_only, 'scope', 'scopeCite'].sort(),
    );
    const narrowPdf = pdfWords((await f.mediator.get(url('/court-report.pdf'))).rawPayload);
    expect(narrowPdf).toContain('Settlement reached: Yes, on all issues');
    expect(narrowPdf).not.toContain('Attendance');
    expect(narrowPdf).not.toContain('Alex Rivera');

    // A program whose circuit allows more chooses it, naming its local rule.
    const chose = await f.coordinator.put(`/api/v1/programs/${f.program.id}/rules/choices`, {
      courtReport: { value: 'settlement_and_attendance', cite: '16th Circuit Local Rule 68.10' },
    });
    expect(chose.statusCode).toBe(200);
    const r = await f.coordinator.get(url('/court-report'));
    expect(r.statusCode).toBe(200);
    const { scope, scopeCite, ...report } = json<Record<string, unknown>>(r);
    expect({ scope, scopeCite }).toEqual({
      scope: 'settlement_and_attendance',
      scopeCite: '16th Circuit Local Rule 68.10',
    });
    expect(Object.keys(report).sort()).toEqual([...COURT_REPORT_FIELDS].sort());
    expect({ ...report, caseReference: '<ref>', program: '<program>' }).toMatchInlineSnapshot(`
      {
        "attendance": [
          {
            "attended": true,
            "name": "Alex Rivera",
            "role": "party",
            "side": "requester",
          },
          {
            "attended": true,
            "name": "Jordan Rivera",
            "role": "party",
            "side": "respondent",
          },
          {
            "attended": false,
            "name": "Pat Counsel",
            "role": "attorney",
            "side": "requester",
          },
        ],
        "caseReference": "<ref>",
        "courtCaseNumber": "2616-FC01234",
        "endedOn": "2026-03-02",
        "mediationEnded": true,
        "mediationTookPlace": true,
        "program": "<program>",
        "settlement": "full",
      }
    `);
    const pdf = pdfWords((await f.mediator.get(url('/court-report.pdf'))).rawPayload);
    expect(pdf).toContain('Settlement reached: Yes, on all issues');
    expect(pdf).toContain('Pat Counsel (attorney, requester): did not attend');
    // In Spanish when asked: the same fields, the rule's citation as it is, the date as Spanish writes it.
    const es = pdfWords((await f.mediator.get(url('/court-report.pdf?language=es-US'))).rawPayload);
    expect(es).toContain('Informe de mediación');
    expect(es).toContain('Se llegó a un acuerdo: Sí, en todos los temas');
    expect(es).toContain('La mediación terminó: Sí (2 de marzo de 2026)');
    expect(es).toContain('Pat Counsel (abogado, parte que pidió la mediación): no asistió');
    expect(es).toMatch(/Página 1 de 1/);
    for (const said of ['alternate weekends', 'school holidays', 'Parenting time']) {
      expect(pdf).not.toContain(said);
      expect(r.body).not.toContain(said);
    }
    // Parties and the other program's people do not get the report.
    expect((await f.mom.get(url('/court-report'))).statusCode).toBe(403);
  });
});
