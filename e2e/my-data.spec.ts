import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createConfirmedAccount, expectNoAxeViolations, signInAs, uniqueEmail } from './support.ts';

test('a person downloads their data, then deletes their account after seeing what goes and what stays', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('leaving', testInfo.project.name);
  const password = 'a long enough password';
  await createConfirmedAccount(page, { name: 'Robin Hale', email, password });
  await signInAs(page, email, password);
  // Sign-in lands on the person's home; the account's settings are a page of their own.
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();

  await page.getByRole('link', { name: 'Download your data, or delete your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What is kept, and why' })).toBeVisible();
  await expect(page.getByText('The audit trail of what you did')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('my-data.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-my-data-[0-9-]+\.zip$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.includes(Buffer.from('data.json'))).toBe(true);

  // A wrong password is said next to the field; the box must be ticked.
  await page.getByRole('textbox', { name: 'Your password' }).fill('not my password');
  await page.getByLabel(/my account is deleted for good/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('textbox', { name: 'Your password' })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'Your password' }).fill(password);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your account is deleted.' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});
