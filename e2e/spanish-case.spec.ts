import { expect, type Page, test } from '@playwright/test';
import {
  apiAs,
  call,
  caseAtAgreementToMediate,
  DISTRICT,
  DISTRICT_PASSWORD,
  mailsTo,
  signAgreementToMediate,
  spanishParent,
} from './api.ts';
import { expectNoAxeViolations, openMenu, uniqueEmail } from './support.ts';

// A Spanish-speaking parent follows their case in Spanish (issue 19): My cases, the case page with
// its steps, and signing the Agreement to Mediate, on a desktop and on a phone; and a district's
// representative answers the invitation in Spanish.

/** Signs in on the (English) sign-in page; the account's language turns Parley to Spanish. */
async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
}

test('a Spanish-speaking parent opens their case, reads its steps and signs the Agreement to Mediate in Spanish', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  const parent = await spanishParent(playwright, baseURL!, uniqueEmail('madre', info.project.name));
  const scene = await caseAtAgreementToMediate(playwright, baseURL!, {
    districtEmail: uniqueEmail('distrito', info.project.name),
    categories: ['evaluation'],
    parent,
  });
  // The district's representative has signed already: the parent's signature completes it.
  await signAgreementToMediate(scene.district, scene.c, 'Dana Director');

  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Sus casos' })).toBeVisible();
  // The home lists the case with the server's words in Spanish: its stage and the next step.
  const onHome = page.getByRole('listitem').filter({ hasText: scene.reference });
  await expect(onHome).toContainText('Firmando el Acuerdo para Mediar');
  await expect(onHome).toContainText('Le toca a usted: Lea y firme el Acuerdo para Mediar.');
  await expect(onHome).not.toContainText('Read and sign');
  // My cases: the case, its stage and the parent's next step, in Spanish.
  await openMenu(page, 'Menú');
  await page.getByRole('banner').getByRole('link', { name: 'Mis casos', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mis casos' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Casos en los que participo' })).toBeVisible();
  const mine = page.getByRole('listitem').filter({ hasText: scene.reference });
  await expect(mine).toContainText('Le toca a usted:');
  await expectNoAxeViolations(page);
  await mine.getByRole('link', { name: new RegExp(`^${scene.reference}:`) }).click();

  // The case page.
  await expect(page.getByRole('heading', { level: 1, name: `Caso ${scene.reference}` })).toBeVisible();
  await expect(page.getByText(/^Paso actual:/)).toContainText('Firmando el Acuerdo para Mediar');
  const about = page.getByRole('region', { name: 'Sobre este caso' });
  await expect(about).toContainText('Estudiante');
  await expect(about).toContainText('Maya Lopez');
  await expect(page.getByRole('region', { name: 'Quiénes participan' })).toContainText(
    'pidió la mediación (usted)',
  );
  await expect(page.getByRole('region', { name: 'Su mediador' })).toContainText('Helen Park es el mediador.');

  // The Agreement to Mediate, signed in Spanish.
  const atm = page.getByRole('region', { name: 'Acuerdo para Mediar' });
  await expect(atm.getByRole('document', { name: 'Texto del Acuerdo para Mediar' })).toBeVisible();
  await expect(atm.getByRole('listitem').filter({ hasText: 'Dana Director' })).toContainText(
    '(hora de Misuri)',
  );
  await expect(atm.getByRole('listitem').filter({ hasText: parent.name })).toContainText(
    '(pidió la mediación, usted): todavía no firma',
  );
  await atm.getByLabel('Acepto firmar esto de forma electrónica.').check();
  await atm.getByLabel('Leí el Acuerdo para Mediar y quiero firmarlo.').check();
  await atm.getByLabel('Escriba su nombre completo para firmar').fill(parent.name);
  await expectNoAxeViolations(page);
  await atm.getByRole('button', { name: 'Firmar el Acuerdo para Mediar' }).click();
  await expect(atm.getByText(/^Firmado\. Ya firmaron todos/)).toBeVisible();
  await expect(atm.getByRole('listitem').filter({ hasText: parent.name })).toContainText(
    /\(pidió la mediación, usted\): firmó el .* \(hora de Misuri\)/,
  );
  await expect(atm.getByRole('link', { name: 'Descargar el Acuerdo para Mediar (PDF)' })).toBeVisible();

  // Ready to schedule: the steps of the mediation are listed, with the deadlines.
  const steps = page.getByRole('region', { name: 'Su mediación, paso a paso' });
  await expect(steps.getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plazos' })).toContainText('a más tardar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);
});

test('a district’s representative reads the invitation in Spanish, says yes and lands on the case in Spanish', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const districtEmail = uniqueEmail('representante', info.project.name);
  const parent = await apiAs(playwright, baseURL!, 'parent@demo.parley.test');
  const programs = (await (await parent.get('/api/v1/programs')).json()) as { id: string; kind: string }[];
  const created = await call(parent, 'POST', '/api/v1/cases', {
    form: 'special_education',
    programId: programs.find((p) => p.kind === 'special_education')!.id,
    respondent: { name: 'Dana Director', email: districtEmail, organization: DISTRICT },
    description: 'La escuela dejó la terapia del habla de Maya sin una reunión del IEP.',
    student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
    district: { name: DISTRICT },
    categories: ['evaluation'],
    requestStateMediation: true,
  });
  const { reference } = (await created.json()) as { reference: string };
  const invite = (await mailsTo(parent, districtEmail, 'invitation-case-party'))[0]!;
  const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(invite.text)![0];

  await page.goto(new URL(link).pathname + new URL(link).hash);
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le invitan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'De qué trata la solicitud' })).toContainText(
    'La escuela dejó la terapia del habla de Maya',
  );
  await expect(page.getByRole('region', { name: 'Su respuesta' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'O diga que no' })).toContainText(
    'No necesita una cuenta para decir que no.',
  );
  await expect(page.getByText(`Esta invitación es para ${districtEmail}.`)).toBeVisible();
  await page.getByLabel('Elija una contraseña').fill(DISTRICT_PASSWORD);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /y crear mi cuenta$/ }).click();

  // The new account keeps Spanish: the case page opens in Spanish, saying the answer was received.
  await expect(page.getByRole('heading', { level: 1, name: `Caso ${reference}` })).toBeVisible();
  await expect(page.getByText('Gracias: usted dijo que sí a la mediación.', { exact: false })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expect(page.getByRole('region', { name: 'Preguntas privadas sobre su seguridad' })).toBeVisible();
  await expectNoAxeViolations(page);
});
