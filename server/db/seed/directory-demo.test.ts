import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { eligibleMediators } from '../../modules/directory/roster.service.ts';
import { seedDemo } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps);
}, 120_000);
afterAll(async () => t.close());

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
