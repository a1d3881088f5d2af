import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { District, ProgramDistricts } from '../../../contracts/programs.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { specialEducationRequest } from '../../../test/cases.ts';
import { json, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/** A special-education program's school districts: kept by its coordinators, chosen by parents. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Refusal = { error: { message: string; fields: Record<string, string> } };

describe('the program’s list of school districts', () => {
  it('the coordinator keeps it; anyone reads it; a request naming a listed district goes to its contact', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
    const parent = await signedInAs(t, { grants: [{ role: 'party' }] });
    const visitor = new TestClient(t.app);
    const url = `/api/v1/programs/${program.id}/districts`;

    const added = await coordinator.post(url, {
      name: 'Columbia Public Schools',
      email: 'Mediation@CPS.example',
    });
    expect(added.statusCode).toBe(201);
    const columbia = json<District>(added);
    expect(columbia.email).toBe('mediation@cps.example');
    await coordinator.post(url, { name: 'Jefferson City Public Schools', email: 'sped@jcps.example' });

    // Refusals name the field in words.
    const twice = await coordinator.post(url, { name: 'columbia public schools', email: 'x@cps.example' });
    expect(twice.statusCode).toBe(400);
    expect(json<Refusal>(twice).error.fields).toEqual({ name: 'is already on the list' });
    const badEmail = await coordinator.post(url, {
      name: 'Rockwood R-VI School District',
      email: 'rockwood',
    });
    expect(badEmail.statusCode).toBe(400);
    expect(json<Refusal>(badEmail).error.fields.email).toBe('Enter an e-mail address like name@example.com');

    const seen = json<ProgramDistricts>(await visitor.get(url));
    expect(seen.districts.map((d) => d.name)).toEqual([
      'Columbia Public Schools',
      'Jefferson City Public Schools',
    ]);
    expect(seen.can.manage).toBe(false);
    expect(json<ProgramDistricts>(await coordinator.get(url)).can.manage).toBe(true);
    expect((await parent.post(url, { name: 'Mine', email: 'a@b.example' })).statusCode).toBe(403);

    // The parent names the listed district: its name and contact come from the list.
    const sent = await parent.post('/api/v1/cases', {
      ...specialEducationRequest(program.id, 'someone.else@example.test'),
      district: { id: columbia.id, name: 'whatever was typed' },
    });
    expect(sent.statusCode).toBe(201);
    const invite = await lastEmailTo(t.db, 'mediation@cps.example', 'invitation-case-party');
    expect(invite.token).toBeTruthy();
    const { id: caseId } = json<{ id: string }>(sent);
    const view = json<{ details: { district: { name: string } } }>(
      await parent.get(`/api/v1/cases/${caseId}`),
    );
    expect(view.details.district.name).toBe('Columbia Public Schools');

    // A district not on this program's list is refused, naming the field.
    const other = await buildProgram(t.deps, { kind: 'special_education' });
    const wrong = await parent.post('/api/v1/cases', {
      ...specialEducationRequest(other.id, 'dana@district.example'),
      district: { id: columbia.id, name: 'Columbia Public Schools' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(json<Refusal>(wrong).error.fields)).toEqual(['district.name']);

    expect((await coordinator.delete(`${url}/${columbia.id}`)).statusCode).toBe(204);
    expect((await coordinator.delete(`${url}/${columbia.id}`)).statusCode).toBe(404);
    expect(json<ProgramDistricts>(await visitor.get(url)).districts.map((d) => d.name)).toEqual([
      'Jefferson City Public Schools',
    ]);
  });

  it('only a special-education program keeps one', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
    const url = `/api/v1/programs/${program.id}/districts`;
    expect(json<ProgramDistricts>(await coordinator.get(url)).can.manage).toBe(false);
    expect((await coordinator.post(url, { name: 'A district', email: 'a@b.example' })).statusCode).toBe(400);
  });
});
