import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyScreening, ScreeningResponse } from '../../../contracts/screening.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { CALM_DISTRICT, CALM_PARENT, openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedInAs } from '../../../test/client.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/** The screening fits the case: a special-education parent and district get their own questions and safeguards. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('screening on a special-education case', () => {
  it('asks the parent and the district their own questions, with no domestic-violence questions', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
    const { caseId, parent, district } = await openSpecialEducationCase(t, program.id);
    const url = `/api/v1/cases/${caseId}/screening`;

    const asParent = json<MyScreening>(await parent.get(url));
    const asDistrict = json<MyScreening>(await district.get(url));
    expect(asParent.questions.map((q) => q.id)).toEqual(Object.keys(CALM_PARENT));
    expect(asDistrict.questions.map((q) => q.id)).toEqual(Object.keys(CALM_DISTRICT));
    for (const q of [...asParent.questions, ...asDistrict.questions])
      expect(q.text).not.toMatch(/controlled you|protection order|hurt you/);

    // A question of another kind of screening is refused, naming it; so is a question left out.
    const foreign = await district.put(url, { answers: { ...CALM_DISTRICT, past_abuse: false }, note: '' });
    expect(foreign.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(foreign).error.fields).toEqual({
      'answers.past_abuse': 'is not one of your screening questions',
    });
    const { has_authority: _left, ...missing } = CALM_DISTRICT;
    const short = await district.put(url, { answers: missing, note: '' });
    expect(short.statusCode).toBe(400);
    expect(
      json<{ error: { fields: Record<string, string> } }>(short).error.fields['answers.has_authority'],
    ).toMatch(/sign an agreement for the district/);

    expect((await parent.put(url, { answers: CALM_PARENT, note: '' })).statusCode).toBe(200);
    expect(
      (await district.put(url, { answers: { ...CALM_DISTRICT, safety_concern: true }, note: '' })).statusCode,
    ).toBe(200);

    // The coordinator is offered the safeguards that fit each: no quick-exit button for the district.
    const responses = json<ScreeningResponse[]>(await coordinator.get(`${url}/responses`));
    const ofDistrict = responses.find((r) => r.side === 'respondent')!;
    const ofParent = responses.find((r) => r.side === 'requester')!;
    expect(ofDistrict.safeguardsOffered).toEqual(['separate_sessions', 'accommodation']);
    expect(ofDistrict.suggestedSafeguards).toEqual(['separate_sessions']);
    expect(ofParent.safeguardsOffered).toContain('quick_exit');
    const refused = await coordinator.post(`${url}/decision`, {
      decision: 'proceed_with_safeguards',
      safeguards: [{ participantId: ofDistrict.participantId, kind: 'quick_exit' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(
      json<{ error: { fields: Record<string, string> } }>(refused).error.fields['safeguards.0.kind'],
    ).toMatch(/does not fit/);
    const decided = await coordinator.post(`${url}/decision`, {
      decision: 'proceed_with_safeguards',
      safeguards: [{ participantId: ofDistrict.participantId, kind: 'separate_sessions' }],
    });
    expect(decided.statusCode).toBe(200);
  });
});
