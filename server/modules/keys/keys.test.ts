import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedIn } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { loadConfig } from '../../config.ts';
import { decrypt, encrypt } from '../../infra/crypto.ts';
import { legacyMasterKey } from '../../infra/master-keys.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { checkMasterKeys, rotateMasterKeys } from './keys.service.ts';

// Two master keys, as an administrator would make them with `npm run keys:new`.
const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const keys = (...entries: string[]) => ({ PARLEY_MASTER_KEYS: entries.join(',') });

const NOTE_ONE = 'Father hinted he would accept alternate weekends';
const NOTE_LEGACY = 'District counsel is under pressure from the board';
const PREP = 'I worry the school will not listen to me again';

let t: TestApp;
let one: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let legacy: Awaited<ReturnType<typeof readySpecialEducationCase>>;
const extra: TestApp[] = [];

/** Another app server on the same database with its own PARLEY_MASTER_KEYS. */
async function server(env: Record<string, string>) {
  const app = await createTestApp({ database: t.database, env });
  app.clock.set(t.clock.now().toISOString());
  extra.push(app);
  return app;
}

/** What the mediator and the parent read of both cases through that server. */
async function readAll(app: TestApp) {
  const mediatorOne = await signedIn(app.app, one.mediatorUser);
  const parentOne = await signedIn(app.app, one.parentUser);
  const mediatorLegacy = await signedIn(app.app, legacy.mediatorUser);
  const responses = [
    await mediatorOne.get(`/api/v1/cases/${one.caseId}/notes`),
    await parentOne.get(`/api/v1/cases/${one.caseId}/preparation`),
    await mediatorLegacy.get(`/api/v1/cases/${legacy.caseId}/notes`),
  ];
  return { statuses: responses.map((r) => r.statusCode), text: responses.map((r) => r.body).join('\n') };
}

beforeAll(async () => {
  t = await createTestApp({ env: keys(`k1:${K1}`) });
  one = await readySpecialEducationCase(t);
  legacy = await readySpecialEducationCase(t);
  // The second case's key was made before master keys existed: wrapped under APP_SECRET, as the
  // migration labels such rows.
  const dataKey = randomBytes(32).toString('base64');
  await t.db
    .insertInto('case_keys')
    .values({
      case_id: legacy.caseId,
      wrapped_key: encrypt(dataKey, legacyMasterKey(t.config.appSecret).key),
      master_key_id: 'app-secret',
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  const write = async (c: typeof one, body: string) =>
    expect(
      (await c.mediator.post(`/api/v1/cases/${c.caseId}/notes`, { kind: 'general', body })).statusCode,
    ).toBe(201);
  await write(one, NOTE_ONE);
  await write(legacy, NOTE_LEGACY);
  const prep = await one.parent.put(`/api/v1/cases/${one.caseId}/preparation`, {
    perspective: PREP,
    goals: 'A plan',
    concerns: '',
    solutions: '',
  });
  expect(prep.statusCode).toBe(200);
});
afterAll(async () => {
  for (const app of extra) await app.close();
  await t.close();
});

describe('master keys and their rotation', () => {
  it('wraps a new case key under the first master key and names it beside the key', async () => {
    const rows = await t.db.selectFrom('case_keys').select(['case_id', 'master_key_id']).execute();
    expect(rows.find((r) => r.case_id === one.caseId)?.master_key_id).toBe('k1');
    expect(rows.find((r) => r.case_id === legacy.caseId)?.master_key_id).toBe('app-secret');
    const record = await t.db
      .selectFrom('master_keys')
      .selectAll()
      .where('id', '=', 'k1')
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ state: 'active', retired_at: null });
    expect(record.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(record)).not.toContain(K1);
  });

  it('reads case keys made before master keys existed', async () => {
    const read = await readAll(t);
    expect(read.statuses).toEqual([200, 200, 200]);
    for (const words of [NOTE_ONE, PREP, NOTE_LEGACY]) expect(read.text).toContain(words);
  });

  it('refuses to rotate to a key while a key the case keys need is not held, changing nothing', async () => {
    const lacking = await server(keys(`k2:${K2}`));
    await expect(rotateMasterKeys(lacking.deps)).rejects.toThrow(/"k1" \(1\).*does not hold/);
    const rows = await t.db.selectFrom('case_keys').select('master_key_id').execute();
    expect(rows.map((r) => r.master_key_id).sort()).toEqual(['app-secret', 'k1']);
  });

  it('re-wraps every case key under the new key without touching the words, and retires the old keys', async () => {
    const notesBefore = await t.db
      .selectFrom('case_notes')
      .select(['id', 'body_enc'])
      .orderBy('id')
      .execute();
    const rotating = await server(keys(`k2:${K2}`, `k1:${K1}`));
    // A server that has not switched yet (k1 first, k2 known) keeps reading while keys move.
    const notSwitched = await server(keys(`k1:${K1}`, `k2:${K2}`));
    const result = await rotateMasterKeys(rotating.deps, { batchSize: 1 });
    expect(result).toEqual({ to: 'k2', rewrapped: 2, retired: ['app-secret', 'k1'], remaining: [] });

    const rows = await t.db.selectFrom('case_keys').select('master_key_id').execute();
    expect(new Set(rows.map((r) => r.master_key_id))).toEqual(new Set(['k2']));
    expect(await t.db.selectFrom('case_notes').select(['id', 'body_enc']).orderBy('id').execute()).toEqual(
      notesBefore,
    );
    const records = await t.db.selectFrom('master_keys').select(['id', 'state']).orderBy('id').execute();
    expect(records).toEqual([
      { id: 'app-secret', state: 'retired' },
      { id: 'k1', state: 'retired' },
      { id: 'k2', state: 'active' },
    ]);
    const read = await readAll(notSwitched);
    expect(read.statuses).toEqual([200, 200, 200]);
    expect(read.text).toContain(NOTE_LEGACY);

    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'keys.rotated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({ rewrapped: 2, retired: ['app-secret', 'k1'], remaining: [] });
    for (const key of [K1, K2]) expect(JSON.stringify(event)).not.toContain(key);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
  });

  it('after rotation every private note still decrypts with the new key alone', async () => {
    const read = await readAll(await server(keys(`k2:${K2}`)));
    expect(read.statuses).toEqual([200, 200, 200]);
    for (const words of [NOTE_ONE, PREP, NOTE_LEGACY]) expect(read.text).toContain(words);
  });

  it('the old master key no longer opens any case key, and a server given it is stopped', async () => {
    const rows = await t.db.selectFrom('case_keys').select('wrapped_key').execute();
    expect(rows).toHaveLength(2);
    for (const old of [Buffer.from(K1, 'base64'), legacyMasterKey(t.config.appSecret).key])
      for (const row of rows) expect(() => decrypt(row.wrapped_key, old)).toThrow();

    const stale = await server(keys(`k1:${K1}`));
    await expect(checkMasterKeys(stale.deps)).rejects.toThrow(
      /PARLEY_MASTER_KEYS: the key "k1" was retired on/,
    );
    const read = await readAll(stale);
    expect(read.statuses).toEqual([500, 500, 500]);
    for (const words of [NOTE_ONE, PREP, NOTE_LEGACY]) expect(read.text).not.toContain(words);
    // Nor can it make a case key under the retired key for a case that has none yet.
    const fresh = await readySpecialEducationCase(t);
    const mediator = await signedIn(stale.app, fresh.mediatorUser);
    const written = await mediator.post(`/api/v1/cases/${fresh.caseId}/notes`, {
      kind: 'general',
      body: 'x',
    });
    expect(written.statusCode).toBe(500);
    expect(
      await t.db.selectFrom('case_keys').where('case_id', '=', fresh.caseId).selectAll().execute(),
    ).toEqual([]);
  });

  it('stops a server that gives other bytes under a known key id', async () => {
    const wrong = await server(keys(`k2:${randomBytes(32).toString('base64')}`));
    await expect(checkMasterKeys(wrong.deps)).rejects.toThrow(
      /the key "k2" is not the key this database knows/,
    );
    const good = await server(keys(`k2:${K2}`));
    expect(await checkMasterKeys(good.deps)).toEqual({ unheld: [], legacyCaseKeys: 0 });
  });
});

describe('the PARLEY_MASTER_KEYS setting', () => {
  const base = { PARLEY_MODE: 'test' };
  it('is required in production and checked entry by entry, naming the setting', () => {
    expect(() =>
      loadConfig({ PARLEY_MODE: 'production', PUBLIC_URL: 'https://p.example', APP_SECRET: 'x'.repeat(32) }),
    ).toThrow(/PARLEY_MASTER_KEYS: is required in production/);
    expect(() => loadConfig({ ...base, PARLEY_MASTER_KEYS: 'k1' })).toThrow(
      /PARLEY_MASTER_KEYS: entry 1 must be <id>:<base64 key>/,
    );
    expect(() => loadConfig({ ...base, PARLEY_MASTER_KEYS: 'k1:c2hvcnQ=' })).toThrow(
      /must be 32 random bytes/,
    );
    expect(() => loadConfig({ ...base, ...keys(`k1:${K1}`, `k1:${K2}`) })).toThrow(/"k1" is listed twice/);
    expect(() => loadConfig({ ...base, ...keys(`app-secret:${K1}`) })).toThrow(/reserved/);
  });

  it('lists keys first to last; without it, outside production, one is derived for the demo', () => {
    const config = loadConfig({ ...base, ...keys(`k2:${K2}`, `k1:${K1}`) });
    expect(config.masterKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(config.masterKeys[0].key.equals(Buffer.from(K2, 'base64'))).toBe(true);
    expect(loadConfig(base).masterKeys.map((k) => k.id)).toEqual(['dev']);
  });
});
