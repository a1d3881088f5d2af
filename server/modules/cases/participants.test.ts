import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json } from '../../../test/client.ts';
import { buildProgram } from '../../db/seed/builders.ts';

let t: TestApp;
let program: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  program = await buildProgram(t.deps, { kind: 'special_education' });
});
afterAll(async () => t.close());

const person = (name: string, role: string, isAttorney = false, side = 'requester') => ({
  side,
  role,
  name,
  isAttorney,
});

describe('who may attend (special-education pack)', () => {
  it('Missouri State Plan: an attorney cannot be added, but a non-attorney advocate can', async () => {
    const { caseId, parent, district } = await openSpecialEducationCase(t, program.id);
    await district.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' });
    const attorney = await parent.post(
      `/api/v1/cases/${caseId}/participants`,
      person('Lee Lawyer', 'attorney', true),
    );
    expect(attorney.statusCode).toBe(422);
    expect(json(attorney).error).toMatchObject({
      code: 'ATTORNEY_NOT_ALLOWED',
      message: expect.stringMatching(/Attorneys cannot take part.*State Plan.*advocate/),
      fields: { role: expect.any(String) },
    });
    // An advocate who is a lawyer is still a lawyer.
    const disguised = await parent.post(
      `/api/v1/cases/${caseId}/participants`,
      person('Lee Lawyer', 'advocate', true),
    );
    expect(json<{ error: { code: string; message: string } }>(disguised).error.code).toBe(
      'ATTORNEY_NOT_ALLOWED',
    );
    // The district cannot bring its attorney either.
    const districtLawyer = await district.post(
      `/api/v1/cases/${caseId}/participants`,
      person('District Counsel', 'attorney', true, 'respondent'),
    );
    expect(json<{ error: { code: string; message: string } }>(districtLawyer).error.code).toBe(
      'ATTORNEY_NOT_ALLOWED',
    );
    const advocate = await parent.post(`/api/v1/cases/${caseId}/participants`, {
      ...person('Ann Advocate', 'advocate'),
      email: 'ann.advocate@example.test',
    });
    expect(advocate.statusCode).toBe(201);
    const view = json<{ participants: { name: string; role: string }[] }>(
      await parent.get(`/api/v1/cases/${caseId}`),
    );
    expect(view.participants.map((p) => p.role)).toContain('advocate');
    expect(view.participants.some((p) => p.name === 'Lee Lawyer')).toBe(false);
  });

  it('DESE practice: a fourth companion is refused until both parties agree, and the agreement is recorded', async () => {
    const { caseId, parent, district } = await openSpecialEducationCase(t, program.id);
    await district.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' });
    for (const name of ['One', 'Two', 'Three']) {
      expect(
        (await parent.post(`/api/v1/cases/${caseId}/participants`, person(name, 'support'))).statusCode,
      ).toBe(201);
    }
    const fourth = await parent.post(`/api/v1/cases/${caseId}/participants`, person('Four', 'support'));
    expect(fourth.statusCode).toBe(422);
    expect(json(fourth).error).toMatchObject({
      code: 'COMPANION_LIMIT',
      message: expect.stringMatching(/up to 3/),
    });
    // One side agreeing is not enough.
    expect(json(await parent.post(`/api/v1/cases/${caseId}/companion-agreement`))).toEqual({
      bothAgreed: false,
    });
    expect(
      (await parent.post(`/api/v1/cases/${caseId}/participants`, person('Four', 'support'))).statusCode,
    ).toBe(422);
    expect(json(await district.post(`/api/v1/cases/${caseId}/companion-agreement`))).toEqual({
      bothAgreed: true,
    });
    expect(
      (await parent.post(`/api/v1/cases/${caseId}/participants`, person('Four', 'support'))).statusCode,
    ).toBe(201);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'data'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'case.companions_agreed')
      .execute();
    expect(events.map((e) => JSON.parse(e.data).bothAgreed)).toEqual([false, true]);
  });

  it('a party adds people to their own side only; bad input names the field', async () => {
    const { caseId, parent } = await openSpecialEducationCase(t, program.id);
    const otherSide = await parent.post(
      `/api/v1/cases/${caseId}/participants`,
      person('X', 'support', false, 'respondent'),
    );
    expect(otherSide.statusCode).toBe(403);
    const bad = await parent.post(`/api/v1/cases/${caseId}/participants`, {
      side: 'requester',
      role: 'wizard',
      name: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual(
      expect.arrayContaining(['role', 'name', 'isAttorney']),
    );
  });
});
