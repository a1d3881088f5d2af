import { expect, test } from '@playwright/test';
import {
  createConfirmedAccount,
  expectNoAxeViolations,
  followNav,
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
  // Sign-in lands on the person's home: no cases yet, and the way to ask for mediation.
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  await expect(page.getByText('You have no cases yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/account');
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
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText('Hello, Sam Rivera.')).toBeVisible();
});

test('an account holder turns on two-step sign-in and then signs in with a code', async ({
  page,
}, testInfo) => {
  const email = uniqueEmail('careful', testInfo.project.name);
  const password = 'a careful password';
  await createConfirmedAccount(page, { name: 'Robin Lee', email, password });
  await signInAs(page, email, password);
  await page.goto('/account');

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
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText('When you sign in, we ask for a code')).toBeVisible();
});

const SHOTS = 'test-results/screenshots/shell';

test('a visitor reads the privacy notice, the accessibility statement and the contact page from the footer', async ({
  page,
}, testInfo) => {
  await visit(page, '/', 'Work it out together, with help');
  const footer = page.getByRole('navigation', { name: 'About Parley' });
  for (const [link, heading, shot] of [
    ['Privacy notice', 'Privacy notice', 'privacy'],
    ['Accessibility', 'Accessibility statement', 'accessibility'],
    ['Contact us', 'Contact us', 'contact'],
  ] as const) {
    await footer.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // The address comes from the server's CONTACT_EMAIL setting.
    await expect(page.getByRole('link', { name: 'help@parley.local' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${shot}.png`, fullPage: true });
  }
  await expect(page.getByRole('main').getByRole('link', { name: 'My cases' })).toBeVisible();
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { name: 'Get a copy, or delete your account' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Your data' })).toHaveAttribute('href', '/account/data');
});

test('on a phone the header is one short row, and its Menu opens, closes with Escape and on following a link', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the Menu button exists under 700 px');
  await visit(page, '/', 'Work it out together, with help');
  const header = page.getByRole('banner');
  const menu = header.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-header-closed.png` });

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Find a mediator' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-header-open.png` });

  // Escape closes it and leaves the keyboard on the Menu button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link closes it on the next page.
  await followNav(page, 'Find a mediator');
  await expect(page.getByRole('heading', { level: 1, name: 'Find a mediator' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
});

test('on a wide screen the navigation stays on one line for every role, account links beside the name', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the navigation is one row at 1280 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const who of ['coordinator', 'mediator', 'staff', 'parent']) {
    await signInAs(page, `${who}@demo.parley.test`);
    const header = page.getByRole('banner');
    await expect(header.getByRole('button', { name: 'Menu' })).toBeHidden();
    const account = page.locator('.account-bar');
    await expect(account.getByRole('link', { name: 'My account' })).toBeVisible();
    await expect(account.getByRole('link', { name: 'Demo mailbox' })).toBeVisible();
    const tops = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(new Set(tops).size, `${who}'s navigation on one line`).toBe(1);
    await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-header-${who}.png` });
    await signOut(page);
  }
});

test('no page is wider than a phone screen', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'checked at 390 px');
  test.setTimeout(180_000);
  const pages: [string, string][] = [
    ['/', 'home'],
    ['/programs', 'programs'],
    ['/find-a-mediator', 'find-a-mediator'],
    ['/trainings', 'trainings'],
    ['/become-a-mediator', 'become-a-mediator'],
    ['/association', 'association'],
    ['/standards-of-conduct', 'standards'],
    ['/sign-in', 'sign-in'],
    ['/sign-up', 'sign-up'],
    ['/cases/new', 'request'],
  ];
  const fits = async (name: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The page as it settles, not a "Loading…" line that stands while its data comes.
    await expect(page.locator('p.loading')).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${name} fits 390 px`).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-fits-${name}.png`, fullPage: true });
  };
  for (const [path, name] of pages) {
    await page.goto(path);
    await fits(name);
  }
  await signInAs(page, 'parent@demo.parley.test');
  for (const [path, name] of [
    ['/', 'your-cases'],
    ['/cases', 'my-cases'],
    ['/account', 'account'],
    ['/account/data', 'your-data'],
  ] as const) {
    await page.goto(path);
    await fits(name);
  }
  await page.goto('/cases');
  await page.getByRole('main').getByRole('link', { name: 'Open the case' }).first().click();
  await fits('case');
  await signOut(page);

  // The people who work the cases: the coordinator's work queue and the mediator's desk and case.
  for (const who of ['coordinator', 'mediator'] as const) {
    await signInAs(page, `${who}@demo.parley.test`);
    await page.goto('/');
    await fits(`${who}-home`);
    await page.goto('/cases');
    await fits(`${who}-cases`);
    await signOut(page);
  }
});
