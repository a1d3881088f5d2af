import { expect, test } from '@playwright/test';
import {
  createConfirmedAccount,
  expectNoAxeViolations,
  openLatestEmail,
  signInAs,
  signOut,
  testClock,
  totpCode,
  uniqueEmail,
  visit,
} from './support.ts';

test('a visitor reads the home page and finds the programs', async ({ page }) => {
  await visit(page, '/', 'Work it out together, with help');
  await expect(page.getByRole('heading', { name: 'What you say stays private' })).toBeVisible();
  await expect(page.getByText('It is free.')).toBeVisible();
  await page.getByRole('link', { name: 'See the programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation programs' })).toBeVisible();
  await expectNoAxeViolations(page);
  await visit(page, '/no-such-page', 'We cannot find that page');
});

test('a visitor signs up, confirms the e-mail, signs in and signs out', async ({ page }, testInfo) => {
  const email = uniqueEmail('visitor', testInfo.project.name);
  const password = 'a long enough password';

  await visit(page, '/sign-up', 'Create an account');
  // A short password is caught before anything is sent, and said next to the field.
  await page.getByLabel('Your name').fill('Jordan Avery');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Signing in before confirming is refused, with a way to get a new link.
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Send a new link' })).toBeVisible();
  await expectNoAxeViolations(page);

  const message = await openLatestEmail(page, email, /confirm/i);
  await expectNoAxeViolations(page);
  await message.getByRole('link', { name: /verify-email/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your e-mail is confirmed' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInAs(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText('Hello, Jordan Avery.')).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a visitor who forgot the password resets it through the e-mailed link', async ({ page }, testInfo) => {
  const email = uniqueEmail('forgetful', testInfo.project.name);
  await createConfirmedAccount(page, { name: 'Sam Rivera', email, password: 'the first password' });

  await visit(page, '/sign-in', 'Sign in');
  await page.getByRole('link', { name: 'I forgot my password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
  await expectNoAxeViolations(page);

  const reset = await openLatestEmail(page, email, /password/i);
  await reset.getByRole('link', { name: /reset-password/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill('the second password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your password is changed' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInAs(page, email, 'the second password');
  await expect(page.getByText('Hello, Sam Rivera.')).toBeVisible();
});

test('an account holder turns on two-step sign-in and then signs in with a code', async ({
  page,
}, testInfo) => {
  const email = uniqueEmail('careful', testInfo.project.name);
  const password = 'a careful password';
  await createConfirmedAccount(page, { name: 'Robin Lee', email, password });
  await signInAs(page, email, password);

  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.locator('code.secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await page.getByLabel('6-digit code').fill(totpCode(secret, await testClock(page)));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('Two-step sign-in is on.')).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong code is refused; the next code from the app lets the person in.
  await page.getByLabel('6-digit code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('6-digit code')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('6-digit code').fill(totpCode(secret, await testClock(page, 60_000)));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText('When you sign in, we ask for a code')).toBeVisible();
});
