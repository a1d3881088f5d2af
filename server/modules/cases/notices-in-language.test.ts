import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildRosterMediator, familyCaseAtAgreementToMediate } from '../../../test/cases.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { compliance, signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile } from '../../db/seed/directory-builders.ts';
import { DAY } from '../../infra/clock.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { scanMilestones } from '../compliance/reminders.ts';
import { settleLapsedApplications } from '../selection/disqualification-settle.ts';

// The notices of a case (who joined, was added, withdrew; the mediator chosen or disqualified;
// screening's decision; promises kept or due; the outcome) reach each person in the language of
// their account: a parent who reads Spanish and a district that reads English, told the same
// thing at the same moment, each read it in their own language. So does a message written to a
// mediator through Find a Mediator, and the answer the visitor reads.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The same notice to the Spanish reader and to the English one. */
const both = async (spanishTo: string, englishTo: string, template: string) => ({
  es: await lastEmailTo(t.db, spanishTo, template),
  en: await lastEmailTo(t.db, englishTo, template),
});

describe('case notices in each reader’s language', () => {
  it('from the district joining to the mediator accepting, and someone added', async () => {
    const w = await readySpecialEducationCase(t, { parentReads: 'es-US' });
    const parent = w.parentUser.email;

    const agreed = await both(parent, w.districtEmail, 'case-agreed');
    expect(agreed.es.subject).toMatch(/^Buenas noticias: la mediación sigue adelante \(\S+\)$/);
    expect(agreed.es.text_body).toContain('Hola, Rosa Lopez:');
    expect(agreed.es.text_body).toContain(
      'aceptó participar en la mediación. Ahora, cada uno de ustedes responde',
    );
    expect(agreed.es.text_body).toMatch(/Vea su caso: http\S+\/cases\/\S+\n\nParley$/);
    expect(agreed.en.subject).toMatch(/^Good news: mediation is going ahead \(\S+\)$/);
    expect(agreed.en.text_body).toContain('agreed to mediate. Next, each of you answers');

    const choose = await both(parent, w.districtEmail, 'case-choose-mediator');
    expect(choose.es.subject).toMatch(/: ahora, elija un mediador$/);
    expect(choose.es.text_body).toContain('La evaluación terminó. Ahora, cada parte marca los mediadores');
    expect(choose.en.subject).toMatch(/: next, choose a mediator$/);
    expect(choose.en.text_body).toContain('Screening is done. Next, each side marks the mediators');

    const asked = await both(parent, w.districtEmail, 'case-mediator-offered');
    expect(asked.es.text_body).toContain('Le pedimos a un mediador que acepte su caso.');
    expect(asked.en.text_body).toContain('We asked a mediator to take your case.');

    const accepted = await both(parent, w.districtEmail, 'case-mediator-accepted');
    expect(accepted.es.subject).toMatch(/: su mediador es Quinn Neutral$/);
    expect(accepted.es.text_body).toContain('Quinn Neutral aceptó ser su mediador.');
    expect(accepted.es.text_body).toContain('cada parte lee y firma el Acuerdo para Mediar');
    expect(accepted.en.subject).toMatch(/: your mediator is Quinn Neutral$/);
    expect(accepted.en.text_body).toContain('Next, each party reads and signs the Agreement to Mediate');

    const added = await w.parent.post(`/api/v1/cases/${w.caseId}/participants`, {
      side: 'requester',
      role: 'support',
      name: 'Elena Ruiz',
      isAttorney: false,
    });
    expect(added.statusCode, added.body).toBe(201);
    const someone = await both(parent, w.districtEmail, 'case-participant-added');
    expect(someone.es.subject).toMatch(/: se agregó a alguien al caso$/);
    expect(someone.es.text_body).toContain('Se agregó a Elena Ruiz como persona de apoyo.');
    expect(someone.en.text_body).toContain('Elena Ruiz was added as a support person.');
  });

  it('a withdrawn case, with what each can do next', async () => {
    const w = await readySpecialEducationCase(t, { parentReads: 'es-US' });
    const withdrawn = await w.district.post(`/api/v1/cases/${w.caseId}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const closed = await both(w.parentUser.email, w.districtEmail, 'case-withdrawn');
    expect(closed.es.subject).toMatch(/ está cerrado$/);
    expect(closed.es.text_body).toContain(
      'Este caso de mediación fue retirado y ahora está cerrado.\nLo que puede hacer ahora:\n- ',
    );
    // The rule pack's ways forward, in each reader's language (the case page lists the same).
    expect(closed.es.text_body).toContain('- Puede volver a pedir una mediación más adelante.');
    expect(closed.es.text_body).not.toContain('You can ask for mediation again later.');
    expect(closed.en.text_body).toContain('- You can ask for mediation again later.');
    const page = await w.parent.get(`/api/v1/cases/${w.caseId}`, { headers: { 'accept-language': 'es-US' } });
    expect(JSON.parse(page.body).nextSteps).toContain('Puede volver a pedir una mediación más adelante.');
    expect(closed.en.subject).toMatch(/ is closed$/);
    expect(closed.en.text_body).toContain(
      'This mediation case was withdrawn and is now closed.\nWhat you can do next:\n- ',
    );
  });

  it('promises marked done, disputed and overdue, and the outcome', async () => {
    const w = await signedSpecialEducationAgreement(t, { parentReads: 'es-US', parentLanguage: 'es-US' });
    const parent = w.parentUser.email;
    const speech = (await compliance(w.district, w.caseId)).milestones.find((m) =>
      m.what.startsWith('Speech therapy'),
    )!;
    await w.ok(
      w.district.post(w.url(`/milestones/${speech.id}/done`), {
        doneOn: '2026-03-02',
        note: 'First session held today.',
      }),
    );
    const done = await lastEmailTo(t.db, parent, 'case-compliance-marked-done');
    expect(done.subject).toMatch(/: se marcó un compromiso como cumplido$/);
    expect(done.text_body).toContain('dice que este compromiso se cumplió el 2 de marzo de 2026: “');
    expect(done.text_body).toContain('Por favor, revíselo y diga si está cumplido o no.');
    expect(done.text_body).toContain('Vea cada compromiso y sus pruebas en Parley.');

    await w.ok(w.parent.post(w.url(`/milestones/${speech.id}/dispute`), { reason: 'No ha empezado.' }));
    const disputed = await lastEmailTo(t.db, w.districtEmail, 'case-compliance-disputed');
    expect(disputed.subject).toMatch(/: a promise is not done, says the other side$/);
    expect(disputed.text_body).toContain('Rosa Lopez says this promise is not done yet: "');
    // What the parent wrote stays on Parley.
    expect(disputed.text_body).not.toContain('No ha empezado');

    // The parent's consent was due 9 March: overdue to both sides once the date has passed.
    t.clock.set('2026-03-10T05:30:00Z');
    await scanMilestones(t.deps);
    const runner = createJobRunner(t.deps, JOBS, 'notices-test');
    for (let round = 0; round < 3; round += 1) await runner.runDueJobs();
    const overdue = await both(parent, w.districtEmail, 'case-compliance-overdue');
    expect(overdue.es.subject).toMatch(/: un compromiso está vencido$/);
    expect(overdue.es.text_body).toContain(
      '“The parent signs consent for the evaluation” (Rosa Lopez se comprometió a esto en su acuerdo firmado) venció el 9 de marzo de 2026.',
    );
    expect(overdue.en.subject).toMatch(/: a promise is overdue$/);
    expect(overdue.en.text_body).toContain(
      '"The parent signs consent for the evaluation" (Rosa Lopez promised this in your signed agreement) was due on March 9, 2026.',
    );

    const mediator = await signedIn(t.app, w.mediatorUser);
    await w.ok(mediator.post(w.url('/outcome'), { outcome: 'full_agreement' }));
    const ended = await both(parent, w.districtEmail, 'case-closed');
    expect(ended.es.subject).toMatch(/: su mediación terminó$/);
    expect(ended.es.text_body).toContain(
      'Su mediación terminó. Resultado: acuerdo total.\n\nLo que puede hacer ahora:',
    );
    expect(ended.es.text_body).toMatch(
      /Por favor, cuéntenos cómo le fue\. Toma dos minutos: http\S+\/survey/,
    );
    expect(ended.en.subject).toMatch(/: your mediation has ended$/);
    expect(ended.en.text_body).toContain(
      'Your mediation has ended. Result: full agreement.\n\nWhat you can do next:',
    );
  });

  it('an application to disqualify the mediator, and the mediator disqualified when no one denies it', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinatorUser = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const mediatorUser = await buildRosterMediator(t, {
      programId: program.id,
      name: 'Morgan Lenguas',
      rosters: ['rule88'],
    });
    await t.db.updateTable('users').set({ language: 'es-US' }).where('id', '=', mediatorUser.id).execute();
    const { caseId, pat, riley, emails } = await familyCaseAtAgreementToMediate(t, {
      programId: program.id,
      coordinatorUser,
      mediatorUser,
      n: 731,
    });
    expect((await pat.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const asked = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests`, {
      reason: 'The mediator knows my former partner’s family.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { lastDayToDeny } = json<{ lastDayToDeny: string }>(asked);
    const lastDay = formatMissouriDate(lastDayToDeny, {}, 'es-US');
    expect(lastDay).toMatch(/^\d{1,2} de [a-z]+ de \d{4}$/);
    const requested = await lastEmailTo(t.db, emails.pat, 'case-disqualification-requested');
    expect(requested.subject).toMatch(/: la otra parte pide cambiar al mediador$/);
    expect(requested.text_body).toContain(
      `antes de que termine el día ${lastDay} (dentro de 10 días, Rule 88.04(e))`,
    );
    // The mediator reads Spanish: asked to mediate, told of the application, then disqualified.
    const offer = await lastEmailTo(t.db, mediatorUser.email, 'case-mediator-offer');
    expect(offer.subject).toMatch(/^Se le pide mediar el caso \S+$/);
    expect(offer.text_body).toContain('le pide que sea el mediador del caso');
    const toMediator = await lastEmailTo(t.db, mediatorUser.email, 'case-disqualification-mediator');
    expect(toMediator.subject).toMatch(/: una solicitud para descalificarlo$/);
    expect(toMediator.text_body).toContain(
      `Una parte pidió descalificarlo a usted en este caso (Rule 88.04(e)). Si ninguna otra parte se opone antes de que termine el día ${lastDay}, usted queda descalificado;`,
    );
    expect(requested.text_body).not.toContain('former partner');

    t.clock.advance(11 * DAY);
    expect(await settleLapsedApplications(t.deps, caseId)).toBe(1);
    const gone = await both(emails.pat, emails.riley, 'case-disqualified-no-denial');
    expect(gone.es.subject).toMatch(/: el mediador quedó descalificado$/);
    expect(gone.es.text_body).toContain('así que el mediador quedó descalificado (Rule 88.04(e)).');
    expect(gone.en.subject).toMatch(/: the mediator is disqualified$/);
    expect(gone.en.text_body).toContain('so the mediator is disqualified (Rule 88.04(e)).');
    const disqualified = await lastEmailTo(t.db, mediatorUser.email, 'case-disqualified');
    expect(disqualified.subject).toMatch(/: usted ya no es el mediador$/);
    expect(disqualified.text_body).toContain('Usted quedó descalificado en este caso.');
  });
});

describe('writing to a mediator through Find a Mediator', () => {
  it('reaches a Spanish-reading mediator in Spanish, and answers the visitor in the page’s language', async () => {
    const spanish = await buildMediatorProfile(t.deps, { name: 'Ana Mediadora' });
    await t.db.updateTable('users').set({ language: 'es-US' }).where('id', '=', spanish.userId).execute();
    const english = await buildMediatorProfile(t.deps, { name: 'Gale Mediator' });
    const body = {
      name: 'Pat Parent',
      email: 'pat.visitor@example.test',
      message: 'We need a parenting plan.',
    };

    const fromSpanishPage = await new TestClient(t.app, '10.44.0.1').post(
      `/api/v1/directory/mediators/${spanish.profileId}/contact`,
      body,
      { headers: { 'accept-language': 'es-US' } },
    );
    expect(fromSpanishPage.statusCode).toBe(202);
    expect(json(fromSpanishPage)).toEqual({
      sent: true,
      message:
        'Su mensaje está en camino. El mediador le responderá a la dirección de correo electrónico que usted dio.',
    });
    const toSpanish = await lastEmailTo(t.db, spanish.email, 'directory-contact');
    expect(toSpanish.subject).toBe('Un mensaje de Pat Parent por Buscar un mediador');
    expect(toSpanish.text_body).toContain('Hola, Ana Mediadora:');
    expect(toSpanish.text_body).toContain('Respóndale a: pat.visitor@example.test');
    expect(toSpanish.text_body).toContain('----\nWe need a parenting plan.\n----');

    const fromEnglishPage = await new TestClient(t.app, '10.44.0.2').post(
      `/api/v1/directory/mediators/${english.profileId}/contact`,
      body,
    );
    expect(json<{ message: string }>(fromEnglishPage).message).toBe(
      'Your message is on its way. The mediator will reply to the e-mail address you gave.',
    );
    const toEnglish = await lastEmailTo(t.db, english.email, 'directory-contact');
    expect(toEnglish.subject).toBe('A message from Pat Parent through Find a Mediator');
    expect(toEnglish.text_body).toContain('Hello Gale Mediator,');
    expect(toEnglish.text_body).toContain('Reply to them at: pat.visitor@example.test');
  });
});
