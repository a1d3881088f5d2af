import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { everyCaseResponse } from '../../../test/case-responses.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { storedText } from '../../../test/stored-text.ts';

// Seeded secrets: words said in confidence that must stay where they were written.
const CAUCUS = 'The district quietly budgeted for a full-time aide in April';
const PREP = 'I am afraid Maya will fall behind for good this year';
const PREP_NOTE = 'Parent seems ready to settle on services first';
const PRIVATE_OPTION = 'We could pay for a private tutor over the summer';
const SECRETS = [CAUCUS, PREP, PREP_NOTE, PRIVATE_OPTION];

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let admin: TestClient;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
  expect(
    (
      await w.parent.put(url('/preparation'), {
        perspective: PREP,
        goals: 'Speech therapy back',
        concerns: 'Time lost',
        solutions: 'Extra sessions',
      })
    ).statusCode,
  ).toBe(200);
  await w.district.put(url('/preparation'), {
    perspective: 'We followed the IEP',
    goals: 'A workable plan',
    concerns: '',
    solutions: '',
  });
  expect((await w.mediator.put(url(`/preparation/${w.parentId}/note`), { note: PREP_NOTE })).statusCode).toBe(
    200,
  );
  const session = json<{ id: string }>(await w.mediator.post(url('/sessions'), jointSession('2026-03-04')));
  expect(
    (await w.mediator.post(url('/notes'), { kind: 'caucus', sessionId: session.id, body: CAUCUS }))
      .statusCode,
  ).toBe(201);
  const issue = json<{ id: string }>(
    await w.mediator.post(url('/issues'), { templateId: 'provision_of_services' }),
  );
  expect(
    (await w.parent.post(url(`/issues/${issue.id}/options`), { text: PRIVATE_OPTION, visibility: 'private' }))
      .statusCode,
  ).toBe(201);
  await w.mediator.patch(url(`/issues/${issue.id}`), { status: 'agreed' });
  await w.mediator.post(url('/agreement/versions'), {
    terms: [{ issueId: issue.id, text: 'Speech therapy resumes twice a week.', responsible: 'District' }],
    settledIssueIds: [issue.id],
  });
  await w.mediator.post(url('/agreement/send'), { version: 1 });
  const a = json<{ sha256: string }>(await w.parent.get(url('/agreement')));
  const sign = { documentSha256: a.sha256, intent: true, consentToElectronic: true, agreesBinding: true };
  await w.parent.post(url('/agreement/signatures'), { ...sign, typedName: 'Rosa Lopez' });
  await w.district.post(url('/agreement/signatures'), {
    ...sign,
    typedName: 'Dana Director',
    attestAuthority: true,
  });
  t.clock.set('2026-03-04T19:00:00Z');
  for (const c of ['parent', 'district', 'mediator', 'coordinator'] as const) {
    w[c] = await signedIn(
      t.app,
      c === 'parent'
        ? w.parentUser
        : c === 'mediator'
          ? w.mediatorUser
          : c === 'coordinator'
            ? w.coordinatorUser
            : { email: w.districtEmail, password: 'district rep password' },
    );
  }
  admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
  await w.mediator.post(url(`/sessions/${session.id}/held`), { attendedIds: [w.parentId, w.districtId] });
  expect((await w.mediator.post(url('/outcome'), { outcome: 'full_agreement' })).statusCode).toBe(200);
});
afterAll(async () => t.close());

/** Every GET route of the API about this case (and the caller's list of cases), as this client. */
const everyResponse = (client: TestClient) =>
  everyCaseResponse(t, client, {
    caseId: w.caseId,
    participantId: w.parentId,
    programId: w.programId,
    token: 'x'.repeat(43),
  });

describe('confidential words stay with the people allowed to read them', () => {
  it('the mediator reads them all (so the check below is not vacuous)', async () => {
    const all = await everyResponse(w.mediator);
    for (const s of SECRETS) expect(all).toContain(s);
  });

  it('the parent reads their own preparation and option, never the caucus note or the mediator’s preparation note', async () => {
    const all = await everyResponse(w.parent);
    expect(all).toContain(PREP);
    expect(all).toContain(PRIVATE_OPTION);
    expect(all).not.toContain(CAUCUS);
    expect(all).not.toContain(PREP_NOTE);
  });

  it('no response to the other party, the coordinator or an administrator carries any of them', async () => {
    for (const client of [w.district, w.coordinator, admin]) {
      const all = await everyResponse(client);
      for (const s of SECRETS) expect(all).not.toContain(s);
    }
  });

  it('no e-mail in the outbox (nor its attachments), no audit event and no log line carries them', async () => {
    const mails = await t.db.selectFrom('outbox_emails').selectAll().execute();
    expect(mails.length).toBeGreaterThan(8);
    for (const m of mails) {
      const attachments = (
        JSON.parse(m.attachments) as { content: string; contentType: string; encoding?: string }[]
      ).map((a) => (a.contentType.includes('pdf') ? pdfText(Buffer.from(a.content, 'base64')) : a.content));
      for (const s of SECRETS)
        expect([m.subject, m.text_body, m.html_body ?? '', ...attachments].join('\n')).not.toContain(s);
    }
    const audit = await t.db.selectFrom('audit_events').select('data').execute();
    for (const e of audit) for (const s of SECRETS) expect(e.data).not.toContain(s);
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(logs).not.toContain(s);
  });

  it('the database holds them only as ciphertext', async () => {
    const stored = await storedText(t);
    expect(stored.length).toBeGreaterThan(10_000);
    expect(stored).toContain('Speech therapy resumes twice a week');
    for (const s of SECRETS) expect(stored).not.toContain(s);
  });
});
