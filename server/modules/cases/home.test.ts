import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyHome } from '../../../contracts/cases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedInAs, type TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/**
 * A party's home: each case with its stage, what happens next, who acts and by when, as the case
 * page says it; and the invitations sent to their address that wait for an answer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const home = async (client: TestClient) => {
  const response = await client.get('/api/v1/home');
  expect(response.statusCode, response.body).toBe(200);
  return json<MyHome>(response);
};

describe('a party’s home', () => {
  it('lists an invitation to the person’s address, then the case with the next step for each side', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education', name: 'Missouri DESE' });
    const rep = await signedInAs(t, { email: 'dana@riverside.example', name: 'Dana Director' });
    const { caseId, parent } = await openSpecialEducationCase(t, program.id, {
      districtJoins: false,
      districtEmail: 'dana@riverside.example',
    });
    const invited = await home(rep);
    expect(invited.cases).toEqual([]);
    expect(invited.invitations).toHaveLength(1);
    expect(invited.invitations[0]).toMatchObject({
      programName: 'Missouri DESE',
      invitedBy: 'Rosa Lopez',
      sentTo: 'dana@riverside.example',
    });
    expect(invited.invitations[0]!.about).toMatch(/^To take part in mediation case /);

    const asking = await home(parent);
    expect(asking.cases).toHaveLength(1);
    expect(asking.cases[0]).toMatchObject({ id: caseId, stage: 'Waiting for the other side', closed: false });
    expect(asking.cases[0]!.next).toMatchObject({ who: 'other_side' });
    expect(asking.cases[0]!.next.text).toContain('says whether they will take part');
    // The case page says the same.
    const page = json<{ next: unknown; stateLabel: string }>(await parent.get(`/api/v1/cases/${caseId}`));
    expect(page.next).toEqual(asking.cases[0]!.next);
  });

  it('a signed agreement: "Agreement signed", the promises next, nothing overdue; the mediator’s cases are not here', async () => {
    const w = await signedSpecialEducationAgreement(t);
    for (const client of [w.parent, w.district]) {
      const [c] = (await home(client)).cases;
      expect(c).toMatchObject({ stage: 'Agreement signed', hasPromises: true });
      expect(c!.next).toMatchObject({ who: 'everyone', page: 'promises', overdue: false });
    }
    expect((await home(w.mediator)).cases).toEqual([]);
  });

  it('ready to schedule: the parties wait for the mediator, whose own page says what to do, by when', async () => {
    const w = await readySpecialEducationCase(t);
    const [c] = (await home(w.parent)).cases;
    expect(c!.next).toMatchObject({
      who: 'mediator',
      text: 'The mediator sets the first session.',
      overdue: false,
    });
    expect(c!.next.byShown).toMatch(/end of day \(Missouri time\)$/);
    const asMediator = json<{ next: unknown }>(await w.mediator.get(`/api/v1/cases/${w.caseId}`));
    expect(asMediator.next).toMatchObject({ who: 'you', text: 'Set the first session.', page: 'sessions' });
  });

  it('after accepting, the district’s next step is its own, in words', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const { district } = await openSpecialEducationCase(t, program.id);
    const [c] = (await home(district)).cases;
    expect(c!.next).toMatchObject({
      who: 'you',
      text: expect.stringMatching(/^Answer a few private questions/),
    });
  });
});
