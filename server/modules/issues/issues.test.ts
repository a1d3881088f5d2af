import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueBoard } from '../../../contracts/issues.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let issueId: string;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
const board = async (who: 'mediator' | 'parent' | 'district', language = 'en-US') =>
  json<IssueBoard>(await w[who].get(url('/issues'), { headers: { 'accept-language': language } }));
const issue = async () => (await board('mediator')).issues.find((i) => i.id === issueId)!;
type Refusal = { error: { message: string; fields: Record<string, string> } };

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  issueId = json<{ id: string }>(await w.mediator.post(url('/issues'), { templateId: 'evaluation' })).id;
});
afterAll(async () => t.close());

describe('the issues board', () => {
  it('tells the mediator they keep the board, and a party that they may propose options', async () => {
    const mine = await board('mediator');
    expect(mine.can).toEqual({ addIssue: true });
    expect(mine.issues[0]!.can).toEqual({ update: true, propose: true });
    const theirs = await board('parent');
    expect(theirs.can).toEqual({ addIssue: false });
    expect(theirs.templates).toEqual([]);
    expect(theirs.issues[0]!.can).toEqual({ update: false, propose: true });
  });

  it('lets only the proposer share a private option', async () => {
    await w.parent.post(url(`/issues/${issueId}/options`), { text: 'A tutor', visibility: 'private' });
    const own = (await board('parent')).issues[0]!.options;
    expect(own.map((o) => [o.text, o.can.release])).toEqual([['A tutor', true]]);
    const mediators = (await board('mediator')).issues[0]!.options;
    expect(mediators.map((o) => [o.text, o.can.release])).toEqual([['A tutor', false]]);
    expect((await board('district')).issues[0]!.options).toEqual([]);
  });
});

describe("the board's words", () => {
  it("are in the page's language: the program's issues, where each stands, who proposed an option", async () => {
    const english = await board('parent', 'en-US');
    const spanish = await board('parent', 'es-US');
    expect(english.issues.map((i) => [i.title, i.statusLabel])).toEqual([['Evaluation', 'Open']]);
    expect(spanish.issues.map((i) => [i.title, i.statusLabel])).toEqual([['Evaluación', 'Abierto']]);
    expect(spanish.statuses.map((s) => s.label)).toContain('Dejado para más tarde');
    await w.mediator.post(url(`/issues/${issueId}/options`), {
      text: 'A reading plan',
      visibility: 'shared',
    });
    const byMediator = (b: IssueBoard) =>
      b.issues[0]!.options.find((o) => o.text === 'A reading plan')?.proposedBy;
    expect(byMediator(english)).toBeUndefined();
    expect(byMediator(await board('parent', 'en-US'))).toBe('The mediator');
    expect(byMediator(await board('parent', 'es-US'))).toBe('El mediador');
    // The program's list the mediator adds from, too.
    expect((await board('mediator', 'es-US')).templates.map((x) => x.label)).toEqual([
      'Identificación',
      'Ubicación educativa',
      'Prestación de servicios (FAPE y servicios relacionados)',
    ]);
  });

  it("are the case page's list of the program's issues in the page's language", async () => {
    const rules = async (language: string) =>
      json<{ rules: { issues: { id: string; label: string }[] } }>(
        await w.parent.get(`/api/v1/cases/${w.caseId}`, { headers: { 'accept-language': language } }),
      ).rules.issues.find((i) => i.id === 'evaluation')?.label;
    expect(await rules('en-US')).toBe('Evaluation');
    expect(await rules('es-US')).toBe('Evaluación');
  });
});

describe('changing an issue', () => {
  it('changes only the field it names', async () => {
    const before = await issue();
    const renamed = await w.mediator.patch(url(`/issues/${issueId}`), { title: 'Evaluation and reports' });
    expect(renamed.statusCode).toBe(200);
    expect(await issue()).toMatchObject({ title: 'Evaluation and reports', status: before.status });
    await w.mediator.patch(url(`/issues/${issueId}`), { status: 'partly_agreed' });
    expect(await issue()).toMatchObject({ title: 'Evaluation and reports', status: 'partly_agreed' });
    // A name the mediator wrote reads as written, in any language.
    expect((await board('parent', 'es-US')).issues[0]!.title).toBe('Evaluation and reports');
  });

  it('refuses a change that names nothing, or an empty title, naming the field', async () => {
    const nothing = await w.mediator.patch(url(`/issues/${issueId}`), {});
    expect(nothing.statusCode).toBe(400);
    expect(json<Refusal>(nothing).error.fields).toHaveProperty('status');
    const blank = await w.mediator.patch(url(`/issues/${issueId}`), { title: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(json<Refusal>(blank).error.fields).toEqual({ title: 'Name the issue' });
    const wrong = await w.mediator.patch(url(`/issues/${issueId}`), { status: 'settled' });
    expect(wrong.statusCode).toBe(400);
    expect(json<Refusal>(wrong).error.fields).toHaveProperty('status');
    expect(await issue()).toMatchObject({ title: 'Evaluation and reports', status: 'partly_agreed' });
  });

  it('is the mediator’s to change', async () => {
    expect((await w.parent.patch(url(`/issues/${issueId}`), { status: 'agreed' })).statusCode).toBe(403);
  });
});
