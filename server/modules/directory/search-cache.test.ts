import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchPage } from '../../../contracts/directory.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { buildUser } from '../../db/seed/builders.ts';

// Two app servers on one database: the first answers a search (and caches it); a mediator edits
// their profile through the second; the first must answer the next search with the change.
let first: TestApp;
let second: TestApp;
let uncached: TestApp;
beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp({ database: first.database, db: first.database.open() });
  uncached = await createTestApp({
    database: first.database,
    db: first.database.open(),
    env: { DIRECTORY_CACHE_ENTRIES: '0' },
  });
});
afterAll(async () => {
  await uncached.app.close();
  await uncached.db.destroy();
  await second.app.close();
  await second.db.destroy();
  await first.close();
});

const SEARCH = '/api/v1/directory/mediators?q=zephyrine';

describe('cached directory searches', () => {
  it('see a profile change made through another server at once, and match an uncached server', async () => {
    const person = await buildUser(first.deps, { grants: [{ role: 'member' }] });
    const editor = await new TestClient(second.app).signIn(person.email, person.password);
    const profile = {
      displayName: 'Zephyrine Okafor',
      bio: 'I help neighbours settle disagreements.',
      areas: ['community'],
      languages: ['en'],
      counties: ['29077'],
      slidingScale: true,
    };
    expect((await editor.put('/api/v1/directory/me', profile)).statusCode).toBe(200);

    const visitor = new TestClient(first.app);
    const answer = await visitor.get(SEARCH);
    const before = json<SearchPage>(answer);
    expect(before.results.map((r) => r.languages)).toEqual([['en']]);
    // Sent as the JSON it was written as, it is still exactly the contract's answer: its schema
    // keeps every field (it would drop one the contract does not name).
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(SearchPage.parse(before)).toEqual(before);
    // Asked again, the answer comes from the cache and is the same, byte for byte.
    expect((await visitor.get(SEARCH)).body).toBe(answer.body);

    expect(
      (await editor.put('/api/v1/directory/me', { ...profile, languages: ['en', 'es'] })).statusCode,
    ).toBe(200);
    const after = json<SearchPage>(await visitor.get(SEARCH));
    expect(after.results.map((r) => r.languages)).toEqual([['en', 'es']]);
    expect(json<SearchPage>(await new TestClient(uncached.app).get(SEARCH))).toEqual(after);

    // Each server's index took only the changed profile; a misspelt name finds it on every server.
    expect(
      (await editor.put('/api/v1/directory/me', { ...profile, displayName: 'Zephyrine Adeyemi' })).statusCode,
    ).toBe(200);
    for (const server of [first, second, uncached]) {
      const misspelt = json<SearchPage>(
        await new TestClient(server.app).get('/api/v1/directory/mediators?q=adeyem'),
      );
      expect(misspelt.results.map((r) => r.name)).toEqual(['Zephyrine Adeyemi']);
      const typo = json<SearchPage>(
        await new TestClient(server.app).get('/api/v1/directory/mediators?q=adeyimi'),
      );
      expect(typo.results.map((r) => r.name)).toEqual(['Zephyrine Adeyemi']);
    }
  });

  it('a server that fell behind the pruned changes reads every profile again', async () => {
    const { pruneIndexChanges } = await import('./search-sync.ts');
    const person = await buildUser(first.deps, { grants: [{ role: 'member' }] });
    const editor = await new TestClient(second.app).signIn(person.email, person.password);
    const body = {
      displayName: 'Quillon Baptiste',
      areas: ['civil'],
      languages: ['en'],
      counties: ['29019'],
    };
    expect((await editor.put('/api/v1/directory/me', body)).statusCode).toBe(200);
    const search = '/api/v1/directory/mediators?q=quillon';
    expect(json<SearchPage>(await new TestClient(uncached.app).get(search)).total).toBe(1);
    expect(
      (await editor.put('/api/v1/directory/me', { ...body, displayName: 'Quillon Marchetti' })).statusCode,
    ).toBe(200);
    // The list of that change is pruned before the server looks again.
    await first.db
      .updateTable('directory_state')
      .set((eb) => ({ version: eb('version', '+', 20_000) }))
      .execute();
    expect(await pruneIndexChanges(first.deps)).toBeGreaterThan(10_000);
    expect(await first.db.selectFrom('directory_changes').select('version').execute()).toEqual([]);
    const found = json<SearchPage>(
      await new TestClient(uncached.app).get('/api/v1/directory/mediators?q=quillon'),
    );
    expect(found.results.map((r) => r.name)).toEqual(['Quillon Marchetti']);
  });
});
