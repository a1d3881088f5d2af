import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openLatestEmail, openMenu, uniqueEmail } from './support.ts';

// A Spanish-speaking parent reads Parley in Spanish (issue 19): the switch on every page turns the
// page to Spanish, `<html lang>` follows, and the choice is remembered in the browser.

test('a visitor switches to Español and Parley stays in Spanish', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expect(page.getByRole('link', { name: /^Parley .*\(página principal\)$/ })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(
    'Si usted está en peligro ahora mismo, llame al 911.',
  );
  await expectNoAxeViolations(page);

  // Remembered: the next visit opens in Spanish, with the way back to English on the page.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await openMenu(page, 'Menú');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Crear cuenta' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'English' })).toBeVisible();
});

test('a parent signs up in Spanish, gets the confirmation in Spanish and starts an IEP request', async ({
  page,
}, testInfo) => {
  const email = uniqueEmail('padre', testInfo.project.name);
  const password = 'una contraseña bastante larga';
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resuélvanlo juntos, con ayuda' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('main').getByRole('link', { name: 'Crear una cuenta gratis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crear una cuenta' })).toBeVisible();
  await page.getByLabel('Su nombre').fill('Rosa Martínez');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await expect(page.getByLabel('Idioma')).toHaveValue('es-US');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revise su correo electrónico' })).toBeVisible();
  await expectNoAxeViolations(page);

  const message = await openLatestEmail(page, email, /Confirme su correo electrónico/);
  await expect(message).toContainText('Hola, Rosa Martínez:');
  await message.getByRole('link', { name: /verify-email/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Su correo electrónico está confirmado' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await expectNoAxeViolations(page);
  await page.getByRole('main').getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sus casos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);

  await page.getByRole('main').getByRole('link', { name: 'Pedir una mediación' }).click();
  await expect(page).toHaveURL(/\/cases\/new/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await openMenu(page, 'Menú');
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Mis casos' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
