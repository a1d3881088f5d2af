import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, MyHome } from '../../../contracts/cases.ts';
import type { CaseSessions, SessionChanged } from '../../../contracts/sessions.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';

// The words the server writes into a case's answers (its stage, the next step, the deadlines and
// the steps of the mediation) come in the request's language (issue 19): the web app sends the
// page's language as Accept-Language. English stays exactly as it was.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const inLanguage = (language: string) => ({ headers: { 'accept-language': language } });

async function read<T>(client: TestClient, url: string, language: string) {
  const response = await client.get(url, inLanguage(language));
  expect(response.statusCode, response.body).toBe(200);
  return json<T>(response);
}

describe('a case’s words in the reader’s language', () => {
  it('a Spanish page reads the stage, the next step and its deadline in Spanish; an English one as before', async () => {
    const w = await readySpecialEducationCase(t);
    const url = `/api/v1/cases/${w.caseId}`;
    const english = await read<CaseView>(w.parent, url, 'en-US');
    const spanish = await read<CaseView>(w.parent, url, 'es-US');

    expect(english.stateLabel).toBe('Ready to schedule');
    // The title both sides read names the child and the district in no one language.
    expect(spanish.title).toBe(english.title);
    expect(english.title).toMatch(/^\S.* – .*School District$/);
    expect(english.title).not.toMatch(/ and /);
    expect(english.next).toMatchObject({ who: 'mediator', text: 'The mediator sets the first session.' });
    expect(spanish.stateLabel).toBe('Listo para fijar la sesión');
    expect(spanish.next).toMatchObject({ who: 'mediator', text: 'El mediador fija la primera sesión.' });

    // The same deadline, its day written in each language.
    const due = english.next.byDate!;
    expect(spanish.next.byDate).toBe(due);
    expect(english.next.byShown).toBe(
      `${formatMissouriDate(due, { weekday: true })}, end of day (Missouri time)`,
    );
    expect(spanish.next.byShown).toBe(
      `${formatMissouriDate(due, { weekday: true }, 'es-US')}, al final del día (hora de Misuri)`,
    );
    expect(spanish.next.byShown).not.toBe(english.next.byShown);
    const shownIn = (view: CaseView) => view.deadlines.filter((d) => d.shown).map((d) => d.shown!);
    expect(shownIn(english).every((s) => s.endsWith(', end of day (Missouri time)'))).toBe(true);
    expect(shownIn(spanish).every((s) => s.endsWith(', al final del día (hora de Misuri)'))).toBe(true);
    expect(shownIn(spanish)).toHaveLength(shownIn(english).length);
    // The deadlines' names come from the rule pack, in the page's language; their citations stay as they are.
    const named = (view: CaseView) => view.deadlines.map((d) => [d.id, d.label, d.cite]);
    expect(named(english)).toContainEqual([
      'session_scheduled',
      'First session scheduled (a date set)',
      expect.any(String),
    ]);
    expect(named(spanish)).toContainEqual([
      'session_scheduled',
      'Primera sesión programada (con fecha fijada)',
      english.deadlines.find((d) => d.id === 'session_scheduled')!.cite,
    ]);

    // The mediator's own next step, and the steps of the mediation, also follow the page.
    const mine = await read<CaseView>(w.mediator, url, 'es-US');
    expect(mine.next).toMatchObject({ who: 'you', text: 'Fije la primera sesión.' });
    expect((await read<CaseView>(w.mediator, url, 'en-US')).next.text).toBe('Set the first session.');
  });

  it('the home lists the case with the same Spanish words as its page, and English ones for an English page', async () => {
    const w = await readySpecialEducationCase(t);
    const [spanish] = (await read<MyHome>(w.parent, '/api/v1/home', 'es-US')).cases;
    expect(spanish).toMatchObject({ stage: 'Listo para fijar la sesión' });
    expect(spanish!.next.text).toBe('El mediador fija la primera sesión.');
    expect(spanish!.next.byShown).toMatch(/, al final del día \(hora de Misuri\)$/);
    const page = await read<CaseView>(w.parent, `/api/v1/cases/${w.caseId}`, 'es-US');
    expect(page.next).toEqual(spanish!.next);

    const [english] = (await read<MyHome>(w.parent, '/api/v1/home', 'en-US')).cases;
    expect(english).toMatchObject({ stage: 'Ready to schedule' });
    expect(english!.next.text).toBe('The mediator sets the first session.');
    expect(english!.next.byShown).toMatch(/, end of day \(Missouri time\)$/);
  });

  it('a request to move a session gives its time in the page’s language', async () => {
    const w = await readySpecialEducationCase(t);
    const url = `/api/v1/cases/${w.caseId}/sessions`;
    const set = json<SessionChanged>(await w.mediator.post(url, jointSession('2026-03-10')));
    const asked = await w.parent.post(`${url}/${set.id}/move-requests`, { reason: 'Una cita médica.' });
    expect(asked.statusCode, asked.body).toBe(201);
    const [spanish] = (await read<CaseSessions>(w.parent, url, 'es-US')).moveRequests;
    expect(spanish!.fromShown).toMatch(/^martes, 10 de marzo de 2026/);
    const [english] = (await read<CaseSessions>(w.parent, url, 'en-US')).moveRequests;
    expect(english!.fromShown).toBe('Tuesday, March 10, 2026 at 10:00 AM CDT');
  });

  it('with no Accept-Language the case reads in English', async () => {
    const w = await readySpecialEducationCase(t);
    const view = json<CaseView>(await w.parent.get(`/api/v1/cases/${w.caseId}`));
    expect(view.stateLabel).toBe('Ready to schedule');
    expect(view.steps.map((s) => s.label)).not.toContain('Sesiones');
  });
});
