import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../contracts/cases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { CALM_DISTRICT, CALM_PARENT, openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedInAs, type TestClient } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/**
 * The case answer says, for its viewer, which steps of the mediation they may open and what they
 * may do now; each flag agrees with what the action's route answers that viewer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const view = async (client: TestClient, caseId: string) => {
  const response = await client.get(`/api/v1/cases/${caseId}`);
  expect(response.statusCode).toBe(200);
  return json<CaseView>(response);
};
const stepIds = (c: CaseView) => c.steps.map((s) => s.id);

describe('what the case answer lets each viewer open and do', () => {
  it('the district’s yes was accepting the invitation: nothing to agree again; only the other side may answer', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const { caseId, parent, district } = await openSpecialEducationCase(t, program.id);
    const asked = await view(district, caseId);
    expect(asked.state).toBe('screening');
    expect(asked.can).toMatchObject({ agree: false, decline: false, answerScreening: true });
    expect(asked.steps).toEqual([]);
    const asking = await view(parent, caseId);
    expect(asking.can).toMatchObject({ agree: false, decline: false, withdraw: true });
    expect(asking.next).toMatchObject({ who: 'you' });
    expect(asking.can.downloadRequestLetter).toBe(true);
    expect(asked.can.downloadRequestLetter).toBe(false);
    // The flags say what the routes answer.
    expect((await parent.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' })).statusCode).toBe(
      403,
    );
    expect((await district.get(`/api/v1/cases/${caseId}/request-letter.pdf`)).statusCode).toBe(403);
  });

  it('screening: parties answer; the screening coordinator reviews and decides; an administrator does neither', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
    const admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
    const { caseId, parent, district } = await openSpecialEducationCase(t, program.id);

    expect((await view(parent, caseId)).can).toMatchObject({ answerScreening: true, reviewScreening: false });
    expect((await view(coordinator, caseId)).can).toMatchObject({
      answerScreening: false,
      reviewScreening: true,
      decideScreening: true,
    });
    const asAdmin = await view(admin, caseId);
    expect(asAdmin.viewer.kind).toBe('coordinator');
    expect(asAdmin.can).toMatchObject({ reviewScreening: false, decideScreening: false });
    expect((await admin.get(`/api/v1/cases/${caseId}/screening/responses`)).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/cases/${caseId}/screening/responses`)).statusCode).toBe(200);

    await parent.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_PARENT, note: '' });
    await district.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_DISTRICT, note: '' });
    await coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, { decision: 'proceed' });
    // Choosing the mediator: the parties pick, the program does not.
    const choosing = await view(parent, caseId);
    expect(choosing.state).toBe('choosing_mediator');
    expect(choosing.can).toMatchObject({
      pickMediators: true,
      decideScreening: false,
      appointMediator: false,
    });
    expect((await view(coordinator, caseId)).can.pickMediators).toBe(false);
  });

  it('in mediation each viewer gets the steps its pages let it use, and the mediator may bring in a co-mediator', async () => {
    const ready = await readySpecialEducationCase(t);
    const { caseId } = ready;
    const atTheTable = ['preparation', 'sessions', 'messages', 'documents', 'issues', 'agreement'];
    expect(stepIds(await view(ready.parent, caseId))).toEqual(atTheTable);
    const asMediator = await view(ready.mediator, caseId);
    expect(stepIds(asMediator)).toEqual([...atTheTable, 'notes']);
    expect(asMediator.steps[1]).toEqual({
      id: 'sessions',
      label: 'Sessions',
      hint: 'Set sessions and record who came.',
    });
    expect(asMediator.can).toMatchObject({ addCoMediators: true, signAgreementToMediate: false });
    const asProgram = await view(ready.coordinator, caseId);
    expect(stepIds(asProgram)).toEqual(['sessions', 'messages']);
    expect(asProgram.can).toMatchObject({ addCoMediators: false, downloadAgreementToMediate: true });
    expect((await view(ready.parent, caseId)).can).toMatchObject({
      signAgreementToMediate: false,
      downloadAgreementToMediate: true,
      updateMyContact: true,
    });
  });
});

describe('my contact details on a case', () => {
  it('an empty change is refused naming the field, not a server error', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const { caseId, parent } = await openSpecialEducationCase(t, program.id);
    const empty = await parent.put(`/api/v1/cases/${caseId}/my-contact`, {});
    expect(empty.statusCode).toBe(400);
    const error = json<{ error: { code: string; fields: Record<string, string> } }>(empty).error;
    expect(Object.keys(error.fields).join(' ')).toContain('address');
    expect(
      (await parent.put(`/api/v1/cases/${caseId}/my-contact`, { phone: '573-555-0100' })).statusCode,
    ).toBe(200);
  });
});
