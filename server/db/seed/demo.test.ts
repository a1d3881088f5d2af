import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { eligibleMediators } from '../../modules/directory/roster.service.ts';
import { seedDemo } from './demo.ts';
import { DEMO_PASSWORD } from './demo-people.ts';

/**
 * The demo's data, written once for the file: the cases a visitor finds when signing in as the
 * demo people, and the directory of fictional mediators.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps);
}, 120_000);
afterAll(async () => t.close());

type Summary = { id: string; title: string; state: string; hasPromises: boolean };
const as = (email: string) => signedIn(t.app, { email, password: DEMO_PASSWORD });

describe('the demo cases', () => {
  it('the parent finds three special-education cases at different steps', async () => {
    const parent = await as('parent@demo.parley.test');
    const cases = json<Summary[]>(await parent.get('/api/v1/cases'));
    const byStudent = (name: string) => cases.find((c) => c.title.startsWith(name))!;
    expect(byStudent('Sofia Reyes').state).toBe('ready_to_schedule');
    expect(byStudent('Maya Reyes').state).toBe('in_mediation');
    expect(byStudent('Noah Reyes').state).toBe('in_mediation');
    // "My cases" leads to the promises of a signed agreement.
    expect(cases.filter((c) => c.hasPromises).map((c) => c.title)).toEqual([byStudent('Noah Reyes').title]);

    // In mediation: a joint session set, and issues on the board with an option.
    const maya = byStudent('Maya Reyes').id;
    const sessions = json<{ sessions: { kindLabel: string; status: string }[] }>(
      await parent.get(`/api/v1/cases/${maya}/sessions`),
    );
    expect(sessions.sessions).toEqual([
      expect.objectContaining({ kindLabel: 'Joint session', status: 'scheduled' }),
    ]);
    const board = json<{ issues: { title: string; options: { text: string }[] }[] }>(
      await parent.get(`/api/v1/cases/${maya}/issues`),
    );
    expect(board.issues.map((i) => i.title)).toHaveLength(2);
    expect(board.issues.flatMap((i) => i.options.map((o) => o.text))).toContain(
      'An outside speech and language evaluation, chosen together',
    );

    // The signed partial agreement: one promise kept, one still to come; its session took place.
    const noah = byStudent('Noah Reyes').id;
    const view = json<{
      mediation: { agreementSigned: boolean };
      deadlines: { id: string; status: string }[];
    }>(await parent.get(`/api/v1/cases/${noah}`));
    expect(view.mediation.agreementSigned).toBe(true);
    expect(view.deadlines.find((d) => d.id === 'session_scheduled')?.status).toBe('met');
    const promises = json<{ milestones: { what: string; state: string }[] }>(
      await parent.get(`/api/v1/cases/${noah}/compliance`),
    );
    expect(promises.milestones.map((m) => [m.what, m.state])).toEqual([
      ['Reading intervention begins', 'done'],
      ['The IEP team meets to review Noah’s progress', 'pending'],
    ]);
    const agreement = json<{ scope: string; status: string }>(
      await parent.get(`/api/v1/cases/${noah}/agreement`),
    );
    expect(agreement).toMatchObject({ scope: 'partial' });
  });

  it('the mediator sees the district’s cases and her court cases; the audit trail holds every step', async () => {
    const mediator = await as('mediator@demo.parley.test');
    // Hers too: the family and civil cases where the negotiation aids fit (negotiation-demo.ts).
    expect(json<Summary[]>(await mediator.get('/api/v1/cases'))).toHaveLength(5);
    const district = await as('district@demo.parley.test');
    expect(json<Summary[]>(await district.get('/api/v1/cases'))).toHaveLength(3);
    const kinds = await t.db
      .selectFrom('audit_events')
      .select('kind')
      .where('case_id', 'is not', null)
      .execute();
    const seen = new Set(kinds.map((k) => k.kind));
    for (const kind of ['case.requested', 'invitation.accepted', 'session.scheduled', 'agreement.signed'])
      expect(
        [...seen].some((k) => k.startsWith(kind.split('.')[0]!) && k.includes(kind.split('.')[1]!)),
      ).toBe(true);
  });
});

describe('the demo directory', () => {
  it('has about 300 fictional mediators and answers the Greene County search', async () => {
    const count = await t.db
      .selectFrom('directory_profiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(295);
    const page = (
      await new TestClient(t.app).get(
        '/api/v1/directory/mediators?area=family&county=29077&language=es&roster=rule88&fee=sliding&limit=50',
      )
    ).json() as { results: { name: string }[] };
    expect(page.results.length).toBeGreaterThanOrEqual(8);
    expect(page.results.map((r) => r.name)).toContain('Helen Park');
  });

  it('gives the demo mediator Rule 17, Rule 88.05 and the special-education list', async () => {
    const mediator = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'mediator@demo.parley.test')
      .executeTakeFirstOrThrow();
    for (const roster of ['rule17', 'rule88', 'special_education'] as const) {
      const list = await eligibleMediators(t.db, { roster });
      expect(
        list.map((m) => m.userId),
        roster,
      ).toContain(mediator.id);
    }
    const forDistrict = await eligibleMediators(t.db, {
      roster: 'special_education',
      excludeEmployers: ['Springfield R-12 School District'],
    });
    expect(forDistrict.map((m) => m.name)).not.toContain('Corinne Vale');
    expect(forDistrict.map((m) => m.userId)).toContain(mediator.id);
  });
});
