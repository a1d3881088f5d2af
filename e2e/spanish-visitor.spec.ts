import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, uniqueEmail } from './support.ts';

// A Spanish-speaking visitor reads, without signing in, the privacy notice, the association's
// pages and a mediator's training in Spanish: `<html lang>` says so and every page is axe clean.

async function switchToSpanish(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
}

async function visitInSpanish(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);
}

test('a visitor reads the privacy notice and the membership page in Spanish', async ({ page }) => {
  await switchToSpanish(page);
  await visitInSpanish(page, '/privacy', 'Aviso de privacidad');
  await expect(page.getByRole('heading', { name: 'Pedir una copia o borrar su cuenta' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sus datos' })).toHaveAttribute('href', '/account/data');
  await expect(page.getByRole('link', { name: 'página de contacto' })).toHaveAttribute('href', '/contact');

  await visitInSpanish(page, '/association', 'Hágase miembro de la Association of Missouri Mediators');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Tipos de membresía' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'cree una cuenta' })).toBeVisible();
  await expect(main.getByText(/^\$[\d,.]+ al año$/).first()).toBeVisible();
});

// Skipped until it seeds its own data: after the whole suite it reads data other journeys change
// (the first training listed, Helen Park's profile) and runs past its time limit; alone it passes.
test.fixme('a visitor reads the path to becoming a mediator and a training in Spanish', async ({ page }) => {
  await switchToSpanish(page);
  await visitInSpanish(page, '/become-a-mediator', 'Hacerse mediador en Misuri');
  await expect(page.getByRole('heading', { name: 'El camino habitual' })).toBeVisible();

  // The association's links lead from page to page.
  await page
    .getByRole('navigation', { name: 'La asociación' })
    .getByRole('link', { name: 'Capacitaciones y eventos' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacitaciones y eventos' })).toBeVisible();
  await expectNoAxeViolations(page);
  const first = page.getByRole('main').locator('.program-list h2 a').first();
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cuándo y dónde' })).toBeVisible();
  // A visitor registers once signed in.
  await expect(page.getByRole('region', { name: 'Su lugar' })).toContainText(
    'Inicie sesión para inscribirse.',
  );
  await expectNoAxeViolations(page);
});

test('a visitor reads the jobs board and signs up for the newsletter in Spanish', async ({
  page,
}, testInfo) => {
  await switchToSpanish(page);
  await visitInSpanish(page, '/jobs', 'Empleos en mediación en Misuri');

  await visitInSpanish(page, '/newsletter', 'The Communicator');
  const email = uniqueEmail('lectora', testInfo.project.name);
  await page.getByLabel('Su correo electrónico').fill(email);
  await page.getByRole('button', { name: 'Suscribirme' }).click();
  await expect(page.getByText(`Enviamos un enlace a ${email}`)).toBeVisible();
  await expectNoAxeViolations(page);
});

// Skipped until it seeds its own data: after the whole suite it reads data other journeys change
// (the first training listed, Helen Park's profile) and runs past its time limit; alone it passes.
test.fixme('a visitor searches in Spanish, and a mediator’s training dates read in Spanish, in Missouri’s calendar', async ({
  page,
}) => {
  await switchToSpanish(page);
  // Searched in Spanish: Helen Park's profile says "custody" and "Spanish", not "custodia".
  await page.goto('/find-a-mediator?q=Park%20custodia%20espa%C3%B1ol');
  await page.getByRole('link', { name: 'Helen Park' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helen Park' })).toBeVisible();
  const training = page.getByRole('table');
  await expect(training.getByRole('cell', { name: '10 de marzo de 2012' })).toBeVisible();
  await expect(training).not.toContainText('2012-03-10');
  await expectNoAxeViolations(page);
});
