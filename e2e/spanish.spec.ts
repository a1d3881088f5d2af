import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openMenu } from './support.ts';

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
