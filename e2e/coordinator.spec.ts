import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, signOut } from './support.ts';

test('the DESE coordinator signs in and sees their account and program', async ({ page }) => {
  await page.goto('/');
  await expectNoAxeViolations(page);

  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong password is refused with the message next to the password field.
  await page.getByLabel('E-mail address').fill('coordinator@demo.parley.test');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText('Hello, Dana Whitfield.')).toBeVisible();
  const roles = page.getByRole('region', { name: 'Your roles and programs' });
  await expect(roles).toContainText('Program coordinator in Missouri Special Education Mediation (DESE)');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation programs' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Missouri Special Education Mediation (DESE)' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in$/);
});
