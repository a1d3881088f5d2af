import { expect, type Page, test } from '@playwright/test';
import { apiAs, call, caseAtAgreementToMediate, mailsTo, signAgreementToMediate } from './api.ts';
import { expectNoAxeViolations, openMenu, uniqueEmail } from './support.ts';

// A Spanish-speaking parent follows their case in Spanish (issue 19): My cases, the case page with
// its steps, and signing the Agreement to Mediate, on a desktop and on a phone.

/** A parent whose account is in Spanish, signed up and confirmed through the API. */
async function spanishParent(playwright: Parameters<typeof apiAs>[0], baseURL: string, project: string) {
  const parent = {
    name: 'Rosa Martínez',
    email: uniqueEmail('madre', project),
    password: 'una contraseña bastante larga',
  };
  const visitor = await apiAs(playwright, baseURL);
  await call(visitor, 'POST', '/api/v1/auth/sign-up', { ...parent, language: 'es-US' });
  const confirm = (await mailsTo(visitor, parent.email, 'verify-email'))[0]!;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(confirm.text)![1];
  await call(visitor, 'POST', '/api/v1/auth/verify-email', { token });
  return parent;
}

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
  const parent = await spanishParent(playwright, baseURL!, info.project.name);
  const scene = await caseAtAgreementToMediate(playwright, baseURL!, {
    districtEmail: uniqueEmail('distrito', info.project.name),
    categories: ['evaluation'],
    parent,
  });
  // The district's representative has signed already: the parent's signature completes it.
  await signAgreementToMediate(scene.district, scene.c, 'Dana Director');

  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Sus casos' })).toBeVisible();
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
  await expect(page.getByText(/^Paso actual:/)).toBeVisible();
  const about = page.getByRole('region', { name: 'Sobre este caso' });
  await expect(about).toContainText('Estudiante');
  await expect(about).toContainText('Maya Lopez');
  await expect(page.getByRole('region', { name: 'Quiénes participan' })).toContainText(
    'pidió la mediación (usted)',
  );
  await expect(page.getByRole('region', { name: 'Su mediador' })).toContainText('Helen Park es el mediador.');

  // The Agreement to Mediate, signed in Spanish.
  const atm = page.getByRole('region', { name: 'Acuerdo de Mediación' });
  await expect(atm.getByRole('document', { name: 'Texto del Acuerdo de Mediación' })).toBeVisible();
  await expect(atm.getByRole('listitem').filter({ hasText: 'Dana Director' })).toContainText(
    '(hora de Missouri)',
  );
  await expect(atm.getByRole('listitem').filter({ hasText: parent.name })).toContainText(
    '(pidió la mediación, usted): todavía no firma',
  );
  await atm.getByLabel('Acepto firmar esto de forma electrónica.').check();
  await atm.getByLabel('Leí el Acuerdo de Mediación y quiero firmarlo.').check();
  await atm.getByLabel('Escriba su nombre completo para firmar').fill(parent.name);
  await expectNoAxeViolations(page);
  await atm.getByRole('button', { name: 'Firmar el Acuerdo de Mediación' }).click();
  await expect(atm.getByText(/^Firmado\. Ya firmaron todos/)).toBeVisible();
  await expect(atm.getByRole('listitem').filter({ hasText: parent.name })).toContainText(
    /\(pidió la mediación, usted\): firmó el .* \(hora de Missouri\)/,
  );
  await expect(atm.getByRole('link', { name: 'Descargar el Acuerdo de Mediación (PDF)' })).toBeVisible();

  // Ready to schedule: the steps of the mediation are listed, with the deadlines.
  const steps = page.getByRole('region', { name: 'Su mediación, paso a paso' });
  await expect(steps.getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plazos' })).toContainText('a más tardar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);
});
