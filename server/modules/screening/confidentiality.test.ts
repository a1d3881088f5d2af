import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { everyCaseResponse } from '../../../test/case-responses.ts';
import {
  buildRosterMediator,
  CALM_DISTRICT,
  CALM_PARENT,
  specialEducationRequest,
} from '../../../test/cases.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

const ADDRESS = '88 Quiet Refuge Road, Fulton MO 65251';
const PHONE = '573-555-0199';
const NOTE = 'He followed me home from the IEP meeting twice';

let t: TestApp;
let caseId: string;
let programId: string;
let parent: TestClient;
let district: TestClient;
let mediator: TestClient;
let coordinator: TestClient;
let parentEmail: string;
let districtEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  const program = await buildProgram(t.deps, { kind: 'special_education' });
  programId = program.id;
  const coordinatorUser = await buildUser(t.deps, {
    grants: [{ role: 'coordinator', programId: program.id }],
  });
  const mediatorUser = await buildRosterMediator(t, {
    programId: program.id,
    name: 'Quinn Neutral',
    rosters: ['special_education'],
  });
  const parentUser = await buildUser(t.deps, { name: 'Rosa Lopez', grants: [{ role: 'party' }] });
  parentEmail = parentUser.email;
  parent = await signedIn(t.app, parentUser);
  coordinator = await signedIn(t.app, coordinatorUser);
  districtEmail = 'director@riverside.example';
  const created = await parent.post('/api/v1/cases', {
    ...specialEducationRequest(program.id, districtEmail),
    requester: { name: 'Rosa Lopez', address: ADDRESS, phone: PHONE },
  });
  caseId = json<{ id: string }>(created).id;
  district = new TestClient(t.app, '10.1.1.2');
  const { token } = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
  await district.post('/api/v1/invitations/accept', { token, password: 'district rep password' });
  const screened = await parent.put(`/api/v1/cases/${caseId}/screening`, {
    answers: { ...CALM_PARENT, safety_concern: true, hide_address: true },
    note: NOTE,
  });
  expect(screened.statusCode).toBe(200);
  await district.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_DISTRICT, note: '' });
  const parentParticipant = json<{ participants: { id: string; isMe: boolean }[] }>(
    await parent.get(`/api/v1/cases/${caseId}`),
  ).participants.find((p) => p.isMe)!.id;
  const decided = await coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, {
    decision: 'proceed_with_safeguards',
    safeguards: [
      { participantId: parentParticipant, kind: 'hide_contact' },
      { participantId: parentParticipant, kind: 'quick_exit' },
      { participantId: parentParticipant, kind: 'separate_sessions' },
    ],
  });
  expect(decided.statusCode).toBe(200);
  await parent.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [mediatorUser.id] });
  await district.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [mediatorUser.id] });
  mediator = await signedIn(t.app, mediatorUser);
  await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: true, conflict: 'none' });
  await mediator.post(`/api/v1/cases/${caseId}/confidentiality-exceptions`, {
    kind: 'threat_of_serious_harm',
    reportedOn: '2026-01-05',
    reportedTo: 'Callaway County Sheriff',
    summary: 'A threat to hurt the other parent after the session.',
  });
  const atm = json<{ sha256: string }>(await parent.get(`/api/v1/cases/${caseId}/agreement-to-mediate`));
  for (const [client, name] of [
    [parent, 'Rosa Lopez'],
    [district, 'Dana Director'],
  ] as const) {
    await client.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {
      documentSha256: atm.sha256,
      intent: true,
      consentToElectronic: true,
      typedName: name,
    });
  }
  expect(json(await parent.get(`/api/v1/cases/${caseId}`))).toMatchObject({ state: 'ready_to_schedule' });
});
afterAll(async () => t.close());

const SECRETS = [ADDRESS, PHONE, NOTE, 'Quiet Refuge', '"safety_concern":true', 'hide_contact', 'quick_exit'];

describe('screening answers and a hidden address never reach the other side', () => {
  it('not through any case route, page data or PDF', async () => {
    const dq = await t.db.selectFrom('disqualification_requests').select('id').executeTakeFirst();
    const all = await everyCaseResponse(t, district, { caseId, programId, requestId: dq?.id ?? 'none' });
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    // Hiding contact details also hides the e-mail address from the other side.
    expect(all).not.toContain(parentEmail);
    // The district still sees the case and who is on it.
    expect(all).toContain('Rosa Lopez');
  });

  it('not through any e-mail to the district, nor the audit trail or logs', async () => {
    const mails = await t.db.selectFrom('outbox_emails').selectAll().execute();
    const toDistrict = mails.filter((m) => m.to_address === districtEmail);
    expect(toDistrict.length).toBeGreaterThan(4);
    for (const m of toDistrict)
      for (const s of [...SECRETS, parentEmail]) expect(`${m.subject} ${m.text_body}`).not.toContain(s);
    // No e-mail to anyone carries the screening note.
    for (const m of mails) expect(m.text_body).not.toContain(NOTE);
    // The audit trail records that safeguards were chosen (ids and states), never the words or contact details.
    const words = [ADDRESS, PHONE, NOTE];
    const audit = await t.db.selectFrom('audit_events').select('data').execute();
    for (const e of audit) for (const s of words) expect(e.data).not.toContain(s);
    for (const line of t.logs) for (const s of words) expect(line).not.toContain(s);
  });

  it('the party, the mediator and the screening coordinator see the answers; the other side and an administrator do not', async () => {
    expect((await district.get(`/api/v1/cases/${caseId}/screening/responses`)).statusCode).toBe(403);
    const admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
    expect((await admin.get(`/api/v1/cases/${caseId}/screening/responses`)).statusCode).toBe(403);
    for (const client of [mediator, coordinator]) {
      const responses = json<{ note: string | null; flags: string[] }[]>(
        await client.get(`/api/v1/cases/${caseId}/screening/responses`),
      );
      expect(responses.map((r) => r.note)).toContain(NOTE);
    }
    const mine = json<{ note: string }>(await parent.get(`/api/v1/cases/${caseId}/screening`));
    expect(mine.note).toBe(NOTE);
    const reads = await auditEvents(t.db, 'screening.read', { caseId: caseId });
    expect(reads.length).toBeGreaterThanOrEqual(2);
    // The parent's own view keeps their details and their quick-exit safeguard.
    const own = json<{
      participants: { isMe: boolean; address: string }[];
      screening: { quickExit: boolean };
    }>(await parent.get(`/api/v1/cases/${caseId}`));
    expect(own.participants.find((p) => p.isMe)?.address).toBe(ADDRESS);
    expect(own.screening.quickExit).toBe(true);
    // The mediator sees the address (to keep it safe), and the confidentiality exception is its own record.
    const { exceptions } = json<{ exceptions: { kind: string }[] }>(
      await mediator.get(`/api/v1/cases/${caseId}/confidentiality-exceptions`),
    );
    expect(exceptions).toEqual([expect.objectContaining({ kind: 'threat_of_serious_harm' })]);
    expect((await district.get(`/api/v1/cases/${caseId}/confidentiality-exceptions`)).statusCode).toBe(403);
  });
});
