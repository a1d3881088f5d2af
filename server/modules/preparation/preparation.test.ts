import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoMediators } from '../../../contracts/notes.ts';
import type { Preparation } from '../../../contracts/preparation.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildUser } from '../../db/seed/builders.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
});
afterAll(async () => t.close());

describe('preparation', () => {
  it('tells a party they may save their own answers, and the mediator that they may note each party’s', async () => {
    const party = json<Preparation>(await w.parent.get(url('/preparation')));
    expect(party).toMatchObject({ role: 'party', submittedAt: null, can: { save: true } });
    const mediator = json<Preparation>(await w.mediator.get(url('/preparation')));
    expect(mediator.role).toBe('mediator');
    if (mediator.role !== 'mediator') return;
    expect(mediator.parties.map((p) => [p.side, p.answers, p.can.note])).toEqual([
      ['requester', null, true],
      ['respondent', null, true],
    ]);
  });

  it('names the field that is too long', async () => {
    const res = await w.parent.put(url('/preparation'), {
      perspective: 'x'.repeat(4001),
      goals: '',
      concerns: '',
      solutions: '',
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(res).error.fields).toEqual({
      perspective: 'Keep it under 4000 characters',
    });
  });

  it('keeps a party’s saved answers, and lets the mediator note them', async () => {
    const answers = { perspective: 'Speech stopped', goals: 'Therapy back', concerns: '', solutions: '' };
    expect((await w.parent.put(url('/preparation'), answers)).statusCode).toBe(200);
    expect(json<Preparation>(await w.parent.get(url('/preparation')))).toMatchObject({ answers });
    const note = await w.mediator.put(url(`/preparation/${w.parentId}/note`), { note: 'Ready to talk' });
    expect(json(note)).toEqual({ participantId: w.parentId, saved: true });
  });
});

describe('co-mediators', () => {
  it('offers the case’s mediator to bring in another mediator of the program, and no one else', async () => {
    const second = await buildUser(t.deps, {
      name: 'Sam Second',
      grants: [{ role: 'mediator', programId: w.programId }],
    });
    const before = json<CoMediators>(await w.mediator.get(url('/co-mediators')));
    expect(before.can.add).toBe(true);
    expect(before.candidates.map((m) => m.userId)).toContain(second.id);
    expect((await w.mediator.post(url('/co-mediators'), { userId: second.id })).statusCode).toBe(201);
    const asCoMediator = await signedIn(t.app, second);
    const theirs = json<CoMediators>(await asCoMediator.get(url('/co-mediators')));
    expect(theirs).toMatchObject({ can: { add: false }, candidates: [] });
    expect(theirs.coMediators.map((m) => m.name)).toEqual(['Sam Second']);
    expect((await asCoMediator.post(url('/co-mediators'), { userId: w.mediatorUser.id })).statusCode).toBe(
      403,
    );
  });

  it('asks the mediator to choose someone', async () => {
    const res = await w.mediator.post(url('/co-mediators'), {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose a mediator');
  });
});
