/**
 * Find a Mediator from a visitor's side: the contact form, search input refused by field, and a
 * request for mediation that names a mediator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from '../../db/seed/directory-builders.ts';
import { HOUR } from '../../infra/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the contact form', () => {
  it('e-mails the mediator without revealing the address, and is throttled', async () => {
    const m = await buildMediatorProfile(t.deps, { name: 'Gus Contact', email: 'gus.private@example.test' });
    const visitor = new TestClient(t.app, '10.20.30.40');
    const body = {
      name: 'Pat Parent',
      email: 'pat@example.test',
      message: 'We need help with a parenting plan.',
    };
    for (let i = 0; i < 5; i++) {
      const r = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body);
      expect(r.statusCode).toBe(202);
      expect(r.body).not.toContain('gus.private');
    }
    const limited = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body);
    expect(limited.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(limited).error.message).toMatch(/5 messages this hour/);
    expect(limited.headers['retry-after']).toBeDefined();
    const email = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', 'gus.private@example.test')
      .executeTakeFirstOrThrow();
    expect(email.text_body).toContain('Reply to them at: pat@example.test');
    const page = await new TestClient(t.app).get(`/api/v1/directory/mediators/${m.profileId}`);
    expect(page.body).not.toContain('gus.private');
    t.clock.advance(HOUR + 1000);
    expect((await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body)).statusCode).toBe(
      202,
    );
  });

  it('refuses a Spanish page in Spanish, with the count and the wait', async () => {
    const m = await buildMediatorProfile(t.deps, { name: 'Lupe Contacto' });
    const visitor = new TestClient(t.app, '10.20.30.41');
    const body = { name: 'Ana Madre', email: 'ana@example.test', message: 'Necesitamos ayuda.' };
    const spanish = { headers: { 'accept-language': 'es-US' } };
    // Ten minutes before the hour's window ends.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / HOUR) * HOUR + 50 * 60 * 1000));
    for (let i = 0; i < 5; i++) {
      expect(
        (await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body, spanish)).statusCode,
      ).toBe(202);
    }
    const limited = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body, spanish);
    expect(limited.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(limited).error.message).toBe(
      'Usted ya envió 5 mensajes en esta hora, el máximo que permitimos, para proteger a los mediadores del correo no deseado. Vuelva a intentarlo en unos 10 minutos.',
    );
  });
});

describe('bad search input', () => {
  it.each([
    ['area=knitting', 'area'],
    ['county=12345', 'county'],
    ['circuit=99', 'circuit'],
    ['roster=gold', 'roster'],
    ['fee=cheap', 'fee'],
    ['limit=500', 'limit'],
    ['accepting=maybe', 'accepting'],
    ['sort=distance', 'near'],
    ['cursor=garbage', 'cursor'],
  ])('%s → 400 naming %s', async (query, field) => {
    const r = await new TestClient(t.app).get(`/api/v1/directory/mediators?${query}`);
    expect(r.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: Record<string, string> } }>(r).error.fields)).toContain(field);
  });
});

describe('asking a mediator from Find a Mediator to mediate', () => {
  it('names them in a request, held to the program’s roster and selection rules', async () => {
    const unlisted = await buildMediatorProfile(t.deps, { name: 'Una Unlisted' });
    const listed = await buildMediatorProfile(t.deps, { name: 'Fay Family', ...FAMILY_QUALIFIED });
    const family = await buildProgram(t.deps, { kind: 'family' });
    const community = await buildProgram(t.deps, { kind: 'community' });
    const person = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const party = await new TestClient(t.app).signIn(person.email, person.password);
    const request = (programId: string, preferredMediator: string) => ({
      form: 'community',
      programId,
      respondent: { name: 'Lee Neighbour', email: 'lee.neighbour@example.test' },
      description: 'The fence between our yards.',
      caseType: 'neighbour',
      preferredMediator,
    });
    // The community center appoints its mediators: the name is a wish the center sees.
    const asked = await party.post('/api/v1/cases', request(community.id, unlisted.profileId));
    expect(asked.statusCode).toBe(201);
    const seen = json<{ details: { preferredMediator?: unknown } }>(
      await party.get(`/api/v1/cases/${json<{ id: string }>(asked).id}`),
    );
    expect(seen.details.preferredMediator).toEqual({
      profileId: unlisted.profileId,
      name: 'Una Unlisted',
      how: 'wish',
    });
    // A family court program draws from the Rule 88.05 list: a mediator not on it is refused, naming the field.
    const referral = (preferredMediator: string) => ({
      form: 'court_referral',
      programId: family.id,
      respondent: { name: 'Lee Parent', email: 'lee.parent@example.test' },
      description: 'Parenting time.',
      caseType: 'family',
      court: 'Greene County Circuit Court',
      circuit: 31,
      caseNumber: '2531-DR00001',
      rule: '88',
      orderDate: '2026-02-20',
      issues: ['parenting_time'],
      preferredMediator,
    });
    const refused = await party.post('/api/v1/cases', referral(unlisted.profileId));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(
      json<{ error: { fields: Record<string, string> } }>(refused).error.fields.preferredMediator,
    ).toMatch(/Una Unlisted is not on the Rule 88\.05/);
    // One on the list is proposed: the parties may choose their mediator together (Rule 88.04).
    const proposed = await party.post('/api/v1/cases', {
      ...referral(listed.profileId),
      respondent: { name: 'Lee Parent', email: 'lee.parent2@example.test' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const kept = json<{ details: { preferredMediator?: { how: string } } }>(
      await party.get(`/api/v1/cases/${json<{ id: string }>(proposed).id}`),
    );
    expect(kept.details.preferredMediator?.how).toBe('proposed');
    const unknown = await party.post('/api/v1/cases', request(community.id, 'no-such-profile'));
    expect(unknown.statusCode).toBe(400);
  });
});
