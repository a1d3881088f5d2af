import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedIn } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

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
    const events = await auditEvents(t.db, 'case.companions_agreed', { caseId });
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

  it('an account holding the attorney role is an attorney, whatever is declared: when added and when it joins', async () => {
    const { caseId, parent } = await openSpecialEducationCase(t, program.id);
    const lawyer = await buildUser(t.deps, { name: 'Lee Lawyer', grants: [{ role: 'attorney' }] });
    const declared = await parent.post(`/api/v1/cases/${caseId}/participants`, {
      ...person('Lee Lawyer', 'advocate', false),
      email: lawyer.email,
    });
    expect(declared.statusCode).toBe(422);
    expect(json(declared).error).toMatchObject({
      code: 'ATTORNEY_NOT_ALLOWED',
      fields: { role: expect.any(String) },
    });

    // Invited before the account held the role: joining with it is refused, and the person is not on the case.
    const email = `later-lawyer-${caseId.slice(-6)}@example.test`;
    const invited = await parent.post(`/api/v1/cases/${caseId}/participants`, {
      ...person('Lou Later', 'advocate', false),
      email,
    });
    expect(invited.statusCode).toBe(201);
    const laterLawyer = await buildUser(t.deps, { email, name: 'Lou Later', grants: [{ role: 'attorney' }] });
    const { token } = await lastEmailTo(t.db, email, 'invitation-case-party');
    const lou = await signedIn(t.app, laterLawyer);
    const joined = await lou.post('/api/v1/invitations/accept', { token });
    expect(joined.statusCode).toBe(422);
    expect(json(joined).error).toMatchObject({ code: 'ATTORNEY_NOT_ALLOWED' });
    expect((await lou.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    // A person without an attorney's account still comes as an advocate.
    const me = await buildUser(t.deps, { grants: [{ role: 'advocate' }] });
    expect(
      (
        await parent.post(`/api/v1/cases/${caseId}/participants`, {
          ...person('Ann Advocate', 'advocate'),
          email: me.email,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('interpreters never count against the companion cap', async () => {
    const { caseId, parent } = await openSpecialEducationCase(t, program.id);
    const add = (name: string, role: string) =>
      parent.post(`/api/v1/cases/${caseId}/participants`, person(name, role));
    expect((await add('Ines Interpreter', 'interpreter')).statusCode).toBe(201);
    for (const name of ['One', 'Two', 'Three']) expect((await add(name, 'support')).statusCode).toBe(201);
    // With three companions, an interpreter is still welcome; a fourth companion is not.
    expect((await add('Ivan Interpreter', 'interpreter')).statusCode).toBe(201);
    expect(json(await add('Four', 'support')).error).toMatchObject({ code: 'COMPANION_LIMIT' });
  });

  it('interpreters never count against the companion cap when a session is scheduled either', async () => {
    const ready = await readySpecialEducationCase(t, { programId: program.id });
    const guest = (name: string, role: string) => ({ name, role, side: 'requester', isAttorney: false });
    const supports = ['One', 'Two', 'Three'].map((name) => guest(name, 'support'));
    const interpreter = { ...guest('Ana Intérprete', 'interpreter'), language: 'Spanish' };
    const schedule = (guests: object[], date: string) =>
      ready.mediator.post(`/api/v1/cases/${ready.caseId}/sessions`, { ...jointSession(date), guests });
    expect((await schedule([interpreter, ...supports], '2026-03-10')).statusCode).toBe(201);
    const fourth = await schedule([...supports, guest('Four', 'support')], '2026-03-11');
    expect(json(fourth).error).toMatchObject({ code: 'COMPANION_LIMIT' });
  });
});
