/** What each person may do in the directory (keep a profile, check records), as the answers say it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicProfile } from '../../../contracts/directory.ts';
import { OwnProfile } from '../../../contracts/directory-profiles.ts';
import { ReviewQueue } from '../../../contracts/directory-review.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { attached, PNG_BYTES } from '../../../test/uploads.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile } from '../../db/seed/directory-builders.ts';
import { base } from './profile-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('what each person may do, as the answers say it', () => {
  const client = async (grants: NonNullable<Parameters<typeof buildUser>[1]>['grants']) => {
    const person = await buildUser(t.deps, { grants });
    return new TestClient(t.app).signIn(person.email, person.password);
  };

  it('offers the editor to those who keep a profile, and a course to remove until it is verified', async () => {
    const parent = await client([{ role: 'party' }]);
    expect(OwnProfile.parse(json(await parent.get('/api/v1/directory/me'))).can).toEqual({
      save: false,
      recordFederalPanels: false,
    });
    expect((await parent.put('/api/v1/directory/me', base)).statusCode).toBe(403);

    const member = await client([{ role: 'member' }]);
    expect(OwnProfile.parse(json(await member.get('/api/v1/directory/me'))).can).toEqual({
      save: true,
      recordFederalPanels: false,
    });
    await member.put('/api/v1/directory/me', { ...base, displayName: 'Hal Record' });
    const added = await member.post('/api/v1/directory/me/courses', {
      provider: 'Hal’s course',
      date: '2025-02-01',
      hours: 2,
      kind: 'continuing_education',
    });
    const course = OwnProfile.parse(json(added)).profile!.courses[0]!;
    expect(course.can).toEqual({ remove: true });
    const staff = await client([{ role: 'staff' }]);
    // Staff see the record, but a course is removed only by its own mediator (the route is theirs).
    const profileId = OwnProfile.parse(json(added)).profile!.id;
    const seen = OwnProfile.parse(json(await staff.get(`/api/v1/directory/profiles/${profileId}`)));
    expect(seen.can).toEqual({ save: true, recordFederalPanels: true });
    expect(seen.profile!.courses[0]!.can).toEqual({ remove: false });
    expect((await staff.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(200);
    const after = OwnProfile.parse(json(await member.get('/api/v1/directory/me')));
    expect(after.profile!.courses[0]!.can).toEqual({ remove: false });
    expect((await member.delete(`/api/v1/directory/me/courses/${course.id}`)).statusCode).toBe(409);
  });

  it('offers the special-education list to its program’s coordinator alone', async () => {
    const sped = await buildProgram(t.deps, { kind: 'special_education' });
    const family = await buildProgram(t.deps, { kind: 'family' });
    const m = await buildMediatorProfile(t.deps, { name: 'Ida Listed' });
    const url = `/api/v1/directory/mediators/${m.profileId}`;
    const can = async (c: TestClient) => PublicProfile.parse(json(await c.get(url))).can;
    expect(await can(new TestClient(t.app))).toMatchObject({ setSpecialEducationAdmission: false });
    expect(await can(await client([{ role: 'coordinator', programId: family.id }]))).toMatchObject({
      setSpecialEducationAdmission: false,
    });
    expect(await can(await client([{ role: 'admin' }]))).toMatchObject({
      setSpecialEducationAdmission: false,
    });
    expect(await can(await client([{ role: 'coordinator', programId: sped.id }]))).toMatchObject({
      setSpecialEducationAdmission: true,
    });
  });

  it('offers the check of degrees and bar admissions to staff, and of affidavits to coordinators too', async () => {
    const program = await buildProgram(t.deps, { kind: 'civil' });
    const member = await client([{ role: 'member' }]);
    await member.put('/api/v1/directory/me', {
      ...base,
      displayName: 'Jo Pending',
      barAdmissions: [{ state: 'Missouri', year: 2010 }],
    });
    await member.put('/api/v1/directory/me/affidavit', attached('affidavit.png', PNG_BYTES));
    const waiting = async (c: TestClient) =>
      ReviewQueue.parse(json(await c.get('/api/v1/directory/review'))).profiles.find(
        (p) => p.mediator === 'Jo Pending',
      )!;
    const coordinator = await client([{ role: 'coordinator', programId: program.id }]);
    const staff = await client([{ role: 'staff' }]);
    expect((await waiting(coordinator)).can).toEqual({
      verifyCredentials: false,
      verifyAffidavit: true,
      edit: false,
    });
    expect((await waiting(staff)).can).toEqual({
      verifyCredentials: true,
      verifyAffidavit: true,
      edit: true,
    });
    const id = (await waiting(staff)).id;
    expect((await coordinator.post(`/api/v1/directory/profiles/${id}/credentials/verify`)).statusCode).toBe(
      403,
    );
    expect((await staff.post(`/api/v1/directory/profiles/${id}/credentials/verify`)).statusCode).toBe(200);
    expect((await waiting(staff)).can).toEqual({
      verifyCredentials: false,
      verifyAffidavit: true,
      edit: true,
    });

    // Staff edit the profile (a bad field is named), record a federal panel, and the public sees both.
    const record = OwnProfile.parse(json(await staff.get(`/api/v1/directory/profiles/${id}`)));
    expect(record.can).toEqual({ save: true, recordFederalPanels: true });
    const bad = await staff.put(`/api/v1/directory/profiles/${id}`, {
      ...base,
      website: 'not a web address',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: object } }>(bad).error.fields).toHaveProperty('website');
    const saved = await staff.put(`/api/v1/directory/profiles/${id}`, {
      ...base,
      displayName: 'Jo Pending',
      practiceName: 'Pending Mediation',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      json(
        await staff.post(`/api/v1/directory/profiles/${id}/federal-panels`, {
          eastern: true,
          western: false,
        }),
      ),
    ).toEqual({ eastern: true, western: false });
    const bareBody = await staff.post(`/api/v1/directory/profiles/${id}/federal-panels`, { eastern: true });
    expect(json<{ error: { fields: object } }>(bareBody).error.fields).toHaveProperty('western');
    expect(
      (
        await coordinator.post(`/api/v1/directory/profiles/${id}/federal-panels`, {
          eastern: false,
          western: false,
        })
      ).statusCode,
    ).toBe(403);
    const pub = PublicProfile.parse(
      json(await new TestClient(t.app).get(`/api/v1/directory/mediators/${id}`)),
    );
    expect(pub.practiceName).toBe('Pending Mediation');
    expect(pub.eligibility.find((e) => e.roster === 'federal_ed')).toMatchObject({ met: true });
    const kinds = (
      await t.db.selectFrom('audit_events').select('kind').where('subject_id', '=', id).execute()
    ).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['directory.profile_updated', 'directory.federal_panels']));
  });
});
