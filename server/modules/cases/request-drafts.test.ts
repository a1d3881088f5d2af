import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDraft, SavedDraft } from '../../../contracts/request-drafts.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { specialEducationRequest } from '../../../test/cases.ts';
import { json, signedInAs, TestClient } from '../../../test/client.ts';
import { buildProgram } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import { DRAFT_KEPT_DAYS, purgeStaleRequestDrafts } from './request-drafts.service.ts';

/** A request's draft is kept while it is written: the person's own, sealed at rest, gone once sent. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const URL = '/api/v1/request-draft';
const WORDS = 'Maya’s speech therapy stopped in October without an IEP meeting; we asked twice.';
const draft = (programId: string): RequestDraft => ({
  programId,
  answers: { student: 'Maya Lopez', district: 'Columbia Public Schools', description: WORDS },
  issues: ['provision_of_services'],
  askState: true,
});

describe('the request draft', () => {
  it('keeps every word for its writer only, sealed in the database, and is gone once the request is sent', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const parent = await signedInAs(t, { grants: [{ role: 'party' }] });
    const other = await signedInAs(t, { grants: [{ role: 'party' }] });
    expect(json<SavedDraft>(await parent.get(URL))).toEqual({ draft: null, savedAt: null });

    const saved = await parent.put(URL, draft(program.id));
    expect(saved.statusCode).toBe(200);
    const back = json<SavedDraft>(await parent.get(URL));
    expect(back.draft).toEqual(draft(program.id));
    expect(back.savedAt).toBe(json<{ savedAt: string }>(saved).savedAt);
    // Writing again replaces it.
    await parent.put(URL, { ...draft(program.id), answers: { description: `${WORDS} More.` } });
    expect(json<SavedDraft>(await parent.get(URL)).draft?.answers).toEqual({ description: `${WORDS} More.` });

    // Another person sees only their own (none); the stored row holds no readable word.
    expect(json<SavedDraft>(await other.get(URL)).draft).toBeNull();
    const rows = await t.db.selectFrom('request_drafts').selectAll().execute();
    for (const r of rows) expect(r.sealed).not.toContain('speech therapy');
    const audit = await t.db.selectFrom('audit_events').select('data').execute();
    for (const e of audit) expect(e.data).not.toContain('speech therapy');
    for (const line of t.logs) expect(line).not.toContain('speech therapy');

    // Sending the request ends the draft.
    const sent = await parent.post(
      '/api/v1/cases',
      specialEducationRequest(program.id, 'dana@district.example'),
    );
    expect(sent.statusCode).toBe(201);
    expect(json<SavedDraft>(await parent.get(URL)).draft).toBeNull();

    // Throwing it away.
    await other.put(URL, draft(program.id));
    expect((await other.delete(URL)).statusCode).toBe(204);
    expect(json<SavedDraft>(await other.get(URL)).draft).toBeNull();
  });

  it('is thrown away once untouched for 90 days', async () => {
    const parent = await signedInAs(t, { grants: [{ role: 'party' }] });
    await parent.put(URL, draft('p'));
    const drafts = async () => (await t.db.selectFrom('request_drafts').select('user_id').execute()).length;
    const before = await drafts();
    expect(before).toBeGreaterThanOrEqual(1);
    t.clock.advance((DRAFT_KEPT_DAYS - 1) * DAY);
    expect(await purgeStaleRequestDrafts(t.deps)).toBe(0);
    t.clock.advance(2 * DAY);
    expect(await purgeStaleRequestDrafts(t.deps)).toBe(before);
    expect(await drafts()).toBe(0);
  });

  it('is refused to someone not signed in, who keeps theirs in the browser', async () => {
    const stranger = new TestClient(t.app);
    await stranger.get('/api/v1/auth/session');
    expect((await stranger.get(URL)).statusCode).toBe(401);
    expect((await stranger.put(URL, draft('p'))).statusCode).toBe(401);
  });

  it('names in words what is wrong with a draft', async () => {
    const parent = await signedInAs(t, { grants: [{ role: 'party' }] });
    const long = await parent.put(URL, {
      ...draft('p'),
      answers: { description: 'x'.repeat(4001) },
    });
    expect(long.statusCode).toBe(400);
    const fields = json<{ error: { message: string; fields: Record<string, string> } }>(long).error.fields;
    expect(Object.values(fields)).toContain('Keep each answer under 4000 characters');
    const noAsk = await parent.put(URL, { ...draft('p'), askState: 'yes' });
    expect(noAsk.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(noAsk).error.fields.askState).toBe(
      'Say whether you ask for state-sponsored mediation',
    );
  });
});
