import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseOutcome, Survey } from '../../../contracts/outcomes.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { pdfWords } from '../../../test/pdf-text.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let url: (rest: string) => string;
type Board = {
  issues: {
    id: string;
    title: string;
    templateId: string;
    options: { id: string; text: string; visibility: string }[];
  }[];
};

const board = async (c: TestClient) => json<Board>(await c.get(url('/issues')));

const draft = (ids: Record<string, string>, days = 30) => ({
  terms: [
    {
      issueId: ids.evaluation,
      text: 'The district completes a full speech and language evaluation of Maya.',
      responsible: 'Riverside R-IV School District',
    },
    {
      issueId: ids.provision_of_services,
      text: 'Maya receives speech therapy twice a week, 30 minutes each time.',
      responsible: 'Riverside R-IV School District',
    },
  ],
  milestones: [
    {
      what: 'Speech therapy services begin',
      responsible: 'Riverside R-IV School District',
      due: { kind: 'date', date: '2026-03-03' },
      evidence: 'Service log sent to the parent',
    },
    {
      what: 'The evaluation is completed',
      responsible: 'Riverside R-IV School District',
      due: { kind: 'days_after_signing', days },
      evidence: 'Evaluation report',
    },
  ],
  settledIssueIds: [ids.evaluation, ids.provision_of_services],
});

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  url = (rest) => `/api/v1/cases/${w.caseId}${rest}`;
  expect((await w.mediator.post(url('/sessions'), jointSession('2026-03-04'))).statusCode).toBe(201);
});
afterAll(async () => t.close());

describe('issues, options and the written agreement (special education)', () => {
  const ids: Record<string, string> = {};
  let v1: { sha256: string };

  it('issues come from the pack’s templates; a private option stays with the mediator until its proposer releases it', async () => {
    for (const templateId of ['evaluation', 'provision_of_services', 'educational_placement']) {
      expect((await w.mediator.post(url('/issues'), { templateId })).statusCode).toBe(201);
    }
    expect((await w.mediator.post(url('/issues'), { templateId: 'evaluation' })).statusCode).toBe(409);
    expect((await w.parent.post(url('/issues'), { title: 'Bus' })).statusCode).toBe(403);
    for (const i of (await board(w.mediator)).issues) ids[i.templateId] = i.id;
    const shared = await w.parent.post(url(`/issues/${ids.evaluation}/options`), {
      text: 'An outside evaluator',
      visibility: 'shared',
    });
    expect(shared.statusCode).toBe(201);
    const priv = json<{ id: string }>(
      await w.district.post(url(`/issues/${ids.provision_of_services}/options`), {
        text: 'We could add a summer session',
        visibility: 'private',
      }),
    );
    expect((await board(w.parent)).issues.flatMap((i) => i.options.map((o) => o.text))).toEqual([
      'An outside evaluator',
    ]);
    expect((await board(w.mediator)).issues.flatMap((i) => i.options.map((o) => o.text))).toContain(
      'We could add a summer session',
    );
    expect((await w.parent.post(url(`/options/${priv.id}/release`))).statusCode).toBe(404);
    expect((await w.district.post(url(`/options/${priv.id}/release`))).statusCode).toBe(200);
    expect((await board(w.parent)).issues.flatMap((i) => i.options.map((o) => o.text))).toContain(
      'We could add a summer session',
    );
    expect((await w.coordinator.get(url('/issues'))).statusCode).toBe(403);
    expect((await w.mediator.patch(url(`/issues/${ids.evaluation}`), { status: 'maybe' })).statusCode).toBe(
      400,
    );
    for (const [id, status] of [
      [ids.evaluation, 'agreed'],
      [ids.provision_of_services, 'agreed'],
      [ids.educational_placement, 'not_agreed'],
    ] as const) {
      expect((await w.mediator.patch(url(`/issues/${id}`), { status })).statusCode).toBe(200);
    }
  });

  it('an agreement is drafted from the agreed issues, revised once, and the differences are shown', async () => {
    // The server names the issues an agreement may settle, and only to the one who may write it.
    expect(json(await w.mediator.get(url('/agreement/drafting')))).toEqual({
      written: false,
      issues: [
        { id: ids.evaluation, title: expect.any(String) },
        { id: ids.provision_of_services, title: expect.any(String) },
      ],
      can: { write: true },
    });
    expect(json(await w.parent.get(url('/agreement/drafting')))).toEqual({
      written: false,
      issues: [],
      can: { write: false },
    });
    expect((await w.coordinator.get(url('/agreement/drafting'))).statusCode).toBe(403);
    const bad = await w.mediator.post(url('/agreement/versions'), {
      ...draft(ids),
      settledIssueIds: [ids.educational_placement],
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(bad).error.fields).toHaveProperty(
      'settledIssueIds.0',
    );
    const noTerms = await w.mediator.post(url('/agreement/versions'), { ...draft(ids), terms: [] });
    expect(noTerms.statusCode).toBe(400);
    expect(JSON.stringify(json(noTerms))).toContain('terms');
    const first = await w.mediator.post(url('/agreement/versions'), draft(ids));
    expect(first.statusCode).toBe(201);
    v1 = json<{ sha256: string; scope: string }>(first);
    expect(json<{ scope: string }>(first).scope).toBe('partial');
    // The draft is the mediator's alone until they send it: nobody else reads it or is told.
    const drafts = () =>
      t.db.selectFrom('outbox_emails').select('id').where('template', '=', 'case-agreement-draft').execute();
    expect((await w.parent.get(url('/agreement'))).statusCode).toBe(404);
    expect(await drafts()).toHaveLength(0);
    expect(
      json<{ sentAt: string | null; can: { send: boolean } }>(await w.mediator.get(url('/agreement'))),
    ).toMatchObject({
      sentAt: null,
      can: { send: true },
    });
    expect((await w.parent.post(url('/agreement/send'), { version: 1 })).statusCode).toBe(403);
    expect((await w.mediator.post(url('/agreement/send'), { version: 1 })).statusCode).toBe(200);
    expect((await w.mediator.post(url('/agreement/send'), { version: 1 })).statusCode).toBe(409);
    expect((await drafts()).length).toBeGreaterThan(0);
    expect(
      (await w.parent.post(url('/agreement/comments'), { body: 'Can the evaluation be sooner?' })).statusCode,
    ).toBe(201);
    const second = await w.mediator.post(url('/agreement/versions'), {
      ...draft(ids, 21),
      changeNote: 'Evaluation within 21 days',
    });
    expect(json<{ version: number }>(second).version).toBe(2);
    // While the mediator revises, the parties keep reading version 1 and cannot sign it.
    const meanwhile = json<{ version: number; can: { sign: boolean } }>(
      await w.parent.get(url('/agreement')),
    );
    expect(meanwhile).toMatchObject({ version: 1, can: { sign: false } });
    expect((await w.parent.get(url('/agreement/diff?from=1&to=2'))).statusCode).toBe(400);
    // Sending asks for the version previewed: an older one is refused, naming it.
    const stale = await w.mediator.post(url('/agreement/send'), { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json<{ error: { fields: Record<string, string> } }>(stale).error.fields).toHaveProperty('version');
    expect((await w.mediator.post(url('/agreement/send'), { version: 2 })).statusCode).toBe(200);
    const diff = json<{ lines: { kind: string; text: string }[] }>(
      await w.parent.get(url('/agreement/diff?from=1&to=2')),
    );
    expect(
      diff.lines
        .filter((l) => l.kind === 'removed')
        .map((l) => l.text)
        .join(),
    ).toContain('within 30 days');
    expect(
      diff.lines
        .filter((l) => l.kind === 'added')
        .map((l) => l.text)
        .join(),
    ).toContain('within 21 days');
    expect((await w.parent.get(url('/agreement/diff?from=1&to=9'))).statusCode).toBe(400);
    const a = json<{ text: string; comments: unknown[]; versions: unknown[] }>(
      await w.parent.get(url('/agreement')),
    );
    expect(a.comments).toHaveLength(1);
    expect(a.versions).toHaveLength(2);
    expect(a.text).toContain('may not be used as evidence');
    // The program does not read drafts.
    expect((await w.coordinator.get(url('/agreement'))).statusCode).toBe(403);
  });

  it('signing a superseded version is refused; the district’s representative must attest authority', async () => {
    const sign = (c: TestClient, sha: string, typedName: string, attestAuthority = false) =>
      c.post(url('/agreement/signatures'), {
        documentSha256: sha,
        intent: true,
        consentToElectronic: true,
        typedName,
        attestAuthority,
        agreesBinding: true,
      });
    const stale = await sign(w.parent, v1.sha256, 'Rosa Lopez');
    expect(stale.statusCode).toBe(409);
    expect(json<{ error: { fields: Record<string, string> } }>(stale).error.fields).toHaveProperty(
      'documentSha256',
    );
    const current = json<{ sha256: string; can: { sign: boolean }; mustAttestAuthority: boolean }>(
      await w.district.get(url('/agreement')),
    );
    expect(current.mustAttestAuthority).toBe(true);
    expect(current.can.sign).toBe(true);
    // What each may do with the draft: the mediator revises, the people at the table comment and sign.
    expect(json<{ can: object }>(await w.mediator.get(url('/agreement'))).can).toEqual({
      sign: false,
      edit: true,
      send: false,
      comment: true,
      uploadInkCopy: false,
      recordCourtApproval: false,
      downloadPdf: true,
    });
    expect(json<{ can: object }>(await w.parent.get(url('/agreement'))).can).toMatchObject({
      sign: true,
      edit: false,
      comment: true,
      uploadInkCopy: false,
    });
    // The typed name must be the signer's own, accents and case aside; "Rosa" alone is refused.
    const short = await sign(w.parent, current.sha256, 'Rosa');
    expect(short.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(short).error.fields.typedName).toContain(
      'full name',
    );
    const unbound = await w.parent.post(url('/agreement/signatures'), {
      documentSha256: current.sha256,
      intent: true,
      consentToElectronic: true,
      typedName: 'rosa  LÓPEZ',
    });
    expect(unbound.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(unbound).error.fields).toHaveProperty(
      'agreesBinding',
    );
    expect(json(await w.parent.get(url('/agreement')))).toMatchObject({ nextStep: null });
    expect((await sign(w.parent, current.sha256, 'rosa  LÓPEZ')).statusCode).toBe(201);
    expect(json<{ nextStep: string }>(await w.parent.get(url('/agreement'))).nextStep).toContain(
      'Waiting for',
    );
    const noAttest = await sign(w.district, current.sha256, 'Dana Director');
    expect(noAttest.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(noAttest).error.fields).toHaveProperty(
      'attestAuthority',
    );
    const done = await sign(w.district, current.sha256, 'Dana Director', true);
    expect(json<{ allSigned: boolean }>(done).allSigned).toBe(true);
    const after = json<{ status: string; binding: boolean; programCopySentAt: string | null }>(
      await w.mediator.get(url('/agreement')),
    );
    expect(after).toMatchObject({ status: 'binding', binding: true });
    expect(after.programCopySentAt).toBeTruthy();
    expect((await w.mediator.post(url('/agreement/versions'), draft(ids))).statusCode).toBe(409);
  });

  it('the state program receives its copy; the PDF holds the confidentiality statement, terms, milestones, signature page and certificate', async () => {
    const copy = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'agreement-program-copy')
      .executeTakeFirstOrThrow();
    expect(copy.to_address).toBe(w.coordinatorUser.email.toLowerCase());
    const attachment = (JSON.parse(copy.attachments) as { content: string; contentType: string }[])[0]!;
    expect(attachment.contentType).toBe('application/pdf');
    const fromMail = pdfWords(Buffer.from(attachment.content, 'base64'));
    const r = await w.parent.get(url('/agreement.pdf'));
    expect(r.statusCode).toBe(200);
    for (const flat of [fromMail, pdfWords(r.rawPayload)]) {
      expect(flat).toContain('may not be used as evidence in any later due process hearing');
      expect(flat).toContain('speech therapy twice a week');
      expect(flat).toContain('Speech therapy services begin');
      expect(flat).toContain('by March 3, 2026');
      expect(flat).toContain('within 21 days after everyone signs');
      expect(flat).toContain('Signatures');
      expect(flat).toContain('/s/ Dana Director');
      expect(flat).toContain('authority to bind the school district');
      expect(flat).toContain('Versions: version 1');
      expect(flat).toMatch(/SHA-256 of the signed text: [0-9a-f]{64}/);
    }
    // The district and the program can download it too; the structured milestones stay for compliance tracking.
    expect((await w.district.get(url('/agreement.pdf'))).statusCode).toBe(200);
    expect((await w.coordinator.get(url('/agreement.pdf'))).statusCode).toBe(200);
    const a = json<{ content: { milestones: { due: unknown }[] } }>(
      await w.coordinator.get(url('/agreement')),
    );
    expect(a.content.milestones.map((m) => m.due)).toEqual([
      { kind: 'date', date: '2026-03-03' },
      { kind: 'days_after_signing', days: 21 },
    ]);
  });

  it('the case closes as partial agreement (not full), with next steps and a survey for each party', async () => {
    const open = json<CaseOutcome>(await w.mediator.get(url('/outcome')));
    expect(open).toEqual({
      result: null,
      // 34 CFR 300.506(b)(6): no "informal" (unwritten) agreement among a special-education case's outcomes.
      outcomes: ['full_agreement', 'partial_agreement', 'no_agreement', 'withdrawn', 'not_suitable'],
      courtReportScope: 'settlement_and_attendance',
      can: { close: true, answerSurvey: false, readCourtReport: true },
    });
    const informal = await w.mediator.post(url('/outcome'), { outcome: 'informal_agreement' });
    expect(informal.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(informal).error.fields.outcome).toMatch(
      /must be written and signed to count \(34 CFR 300\.506\(b\)\(6\)\)/,
    );
    expect(json<CaseOutcome>(await w.parent.get(url('/outcome'))).can).toEqual({
      close: false,
      answerSurvey: false,
      readCourtReport: false,
    });
    const full = await w.mediator.post(url('/outcome'), { outcome: 'full_agreement' });
    expect(full.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(full).error.fields).toHaveProperty('outcome');
    expect((await w.mediator.post(url('/outcome'), { outcome: 'sort_of' })).statusCode).toBe(400);
    expect((await w.parent.post(url('/outcome'), { outcome: 'partial_agreement' })).statusCode).toBe(403);
    const closed = await w.mediator.post(url('/outcome'), { outcome: 'partial_agreement' });
    expect(closed.statusCode).toBe(200);
    expect(json(await w.parent.get(url('')))).toMatchObject({ state: 'partial_agreement', closed: true });
    const outcome = json<CaseOutcome>(await w.parent.get(url('/outcome')));
    expect(outcome.result?.nextSteps.join(' ')).toContain('due process complaint');
    expect(outcome.can).toEqual({ close: false, answerSurvey: true, readCourtReport: false });
    expect(json<CaseOutcome>(await w.mediator.get(url('/outcome'))).can.close).toBe(false);
    expect(json<Survey>(await w.parent.get(url('/survey')))).toEqual({
      answeredAt: null,
      answers: null,
      can: { answer: true },
    });
    const mail = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'case-closed')
      .execute();
    expect(mail).toHaveLength(2);
    expect(mail[0]!.text_body).toContain('/survey');
    const bad = await w.parent.put(url('/survey'), { overall: 9, heard: 5, fair: 5, recommend: true });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('overall');
    expect(
      (
        await w.parent.put(url('/survey'), {
          overall: 5,
          heard: 4,
          fair: 5,
          recommend: true,
          comment: 'Helpful',
        })
      ).statusCode,
    ).toBe(200);
    expect(json<Survey>(await w.parent.get(url('/survey'))).can.answer).toBe(false);
    expect(json<CaseOutcome>(await w.parent.get(url('/outcome'))).can.answerSurvey).toBe(false);
    expect(json(await w.coordinator.get(`/api/v1/programs/${w.programId}/survey-summary`))).toMatchObject({
      sent: 2,
      answered: 1,
      overall: 5,
    });
  });
});
