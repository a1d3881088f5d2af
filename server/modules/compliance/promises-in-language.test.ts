import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { compliance, DISTRICT_NAME, signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t);
});
afterAll(async () => t.close());

/** Each promise's words the server writes: who is responsible, when it falls due, where it stands. */
const wordsOf = async (language: string) =>
  (await compliance(w.parent, w.caseId, language)).milestones.map((m) => ({
    what: m.what,
    responsibleLabel: m.responsibleLabel,
    dueWords: m.dueWords,
    stateWords: m.stateWords,
  }));

describe('the promises page', () => {
  it('reads in Spanish on a Spanish page: who, when and where it stands; what was promised and names as written', async () => {
    expect(await wordsOf('es-US')).toEqual([
      {
        what: 'Speech therapy services begin',
        responsibleLabel: DISTRICT_NAME,
        dueWords: 'en una fecha fija',
        stateWords: 'Todavía no está hecho',
      },
      {
        what: 'The evaluation is completed',
        responsibleLabel: DISTRICT_NAME,
        dueWords: 'dentro de 30 días después de que todos firmaron',
        stateWords: 'Todavía no está hecho',
      },
      {
        what: 'The parent signs consent for the evaluation',
        responsibleLabel: 'Rosa Lopez',
        dueWords: 'dentro de 7 días después de que todos firmaron',
        stateWords: 'Todavía no está hecho',
      },
      {
        what: 'Both parties meet to review the IEP',
        responsibleLabel: 'Ambas partes',
        dueWords: 'en una fecha fija',
        stateWords: 'Todavía no está hecho',
      },
    ]);
  });

  it('reads in English on an English page, and in English when the page says nothing', async () => {
    const english = [
      ['Speech therapy services begin', DISTRICT_NAME, 'on a set date'],
      ['The evaluation is completed', DISTRICT_NAME, 'within 30 days after everyone signed'],
      ['The parent signs consent for the evaluation', 'Rosa Lopez', 'within 7 days after everyone signed'],
      ['Both parties meet to review the IEP', 'Both sides', 'on a set date'],
    ].map(([what, responsibleLabel, dueWords]) => ({
      what,
      responsibleLabel,
      dueWords,
      stateWords: 'Not done yet',
    }));
    expect(await wordsOf('en-US')).toEqual(english);
    expect(await wordsOf('')).toEqual(english);
  });

  it('says where a promise stands in the page language once it moves', async () => {
    const speech = (await compliance(w.parent, w.caseId)).milestones[0]!;
    expect(
      (await w.district.post(w.url(`/milestones/${speech.id}/done`), { doneOn: '2026-03-02', note: 'Held.' }))
        .statusCode,
    ).toBe(200);
    expect((await wordsOf('es-US'))[0]?.stateWords).toBe(
      'Marcado como hecho, esperando que la otra parte lo confirme',
    );
    expect((await wordsOf('en-US'))[0]?.stateWords).toBe(
      'Marked done, waiting for the other side to confirm',
    );
  });

  it("a reminder names who is responsible in each recipient's own language", async () => {
    expect((await w.parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    t.clock.set('2026-05-04T15:00:00Z'); // the day both sides meet to review the IEP, in Missouri
    const runner = createJobRunner(t.deps, JOBS, 'promises-in-language');
    for (let i = 0; i < 3; i += 1) await runner.runDueJobs();
    const mails = (
      await t.db
        .selectFrom('outbox_emails')
        .select(['to_address', 'text_body'])
        .where('template', '=', 'case-compliance-due-today')
        .where('case_id', '=', w.caseId)
        .execute()
    ).filter((m) => m.text_body.includes('Both parties meet to review the IEP'));
    const to = (email: string) => mails.find((m) => m.to_address === email.toLowerCase())?.text_body ?? '';
    expect(to(w.parentUser.email)).toContain('Ambas partes');
    expect(to(w.parentUser.email)).not.toContain('Both sides');
    expect(to(w.districtEmail)).toContain('Both sides');
  });
});
