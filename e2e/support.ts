import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { SCHEMA_DEFAULT_MESSAGE } from '../contracts/messages.ts';

export const DEMO_PASSWORD = 'parley-demo-2026';

/**
 * WCAG 2.1 A and AA, the level Parley promises. Any violation fails the journey with a readable list.
 * The page is also read for a schema library's own wording ("Invalid input: expected …"), which no
 * page may show: every journey checks both on every page it looks at.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const words = await page.locator('body').innerText();
  expect(words.match(SCHEMA_DEFAULT_MESSAGE)?.[0], `a schema's own wording on ${page.url()}`).toBeUndefined();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `accessibility problems on ${page.url()}`).toEqual([]);
  await savePageShot(page);
}

/** The page is shown in `language` (its `<html lang>`), and axe finds nothing on it. */
export async function expectPageIn(page: Page, language: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expectNoAxeViolations(page);
}

/**
 * A picture of the whole page, at the journey's screen size, for a person to look at: every page
 * a journey checks is saved under test-results/screenshots/pages/, named by its size and its path
 * and its heading (identifiers replaced by "id", so a page seen several times in one state keeps
 * its latest picture).
 */
export async function savePageShot(page: Page, suffix = ''): Promise<void> {
  const url = new URL(page.url());
  const slug =
    url.pathname
      .split('/')
      .filter(Boolean)
      .map((part) => (/\d/.test(part) && part.length >= 8 ? 'id' : part))
      .join('-') || 'home';
  // The page's heading tells apart the states of one address ("You are invited", "You said no").
  const heading =
    (await page
      .getByRole('heading', { level: 1 })
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => '')) ?? '';
  const words = heading
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (/\d/.test(w) ? 'id' : w))
    .slice(0, 5)
    .join('-');
  const name = `${test.info().project.name}-${slug}${words ? `--${words}` : ''}${suffix ? `-${suffix}` : ''}.png`;
  await page.screenshot({ path: `test-results/screenshots/pages/${name}`, fullPage: true });
}

/** Visits a page, waits for its heading, and checks it with axe. */
export async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectNoAxeViolations(page);
}

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page);
}

/** The header says someone is signed in (on a phone the Sign out button waits behind the menu). */
export async function expectSignedIn(page: Page): Promise<void> {
  await expect(
    page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true, includeHidden: true }),
  ).toBeAttached();
}

export async function signOut(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Sign in', includeHidden: true }),
  ).toBeAttached();
}

/**
 * On a phone, opens the header's menu (the navigation and the account links); elsewhere does
 * nothing. `name` is the button's name in the page's language.
 */
export async function openMenu(page: Page, name = 'Menu'): Promise<void> {
  const menu = page.getByRole('banner').getByRole('button', { name, exact: true });
  if (!(await menu.isVisible())) return;
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
}

/**
 * Follows a link of the header (the main navigation, or an account link such as "My account" or
 * "Sign in") as a person would at this screen size: on a phone through the Menu button.
 */
export async function followNav(page: Page, label: string): Promise<void> {
  await openMenu(page);
  await page.getByRole('banner').getByRole('link', { name: label, exact: true }).click();
}

/**
 * Opens the demo mailbox filtered to one address and returns the newest message whose subject
 * matches, waiting for it to arrive (e-mail goes through the outbox, so it may take a moment).
 */
export async function openLatestEmail(page: Page, to: string, subject?: RegExp): Promise<Locator> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Demo mailbox' })).toBeVisible();
  const messages = page.getByRole('article');
  const message = subject ? messages.filter({ has: page.getByRole('heading', { name: subject }) }) : messages;
  await expect(message.first()).toBeVisible();
  return message.first();
}

/** A unique e-mail address for one run of one journey. */
export function uniqueEmail(prefix: string, project: string): string {
  return `${prefix}-${project}-${Date.now()}@example.test`;
}

/** Signs up through the page and confirms the address through the demo mailbox. */
export async function createConfirmedAccount(
  page: Page,
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
  const message = await openLatestEmail(page, person.email, /confirm/i);
  await message.getByRole('link', { name: /verify-email/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your e-mail is confirmed' })).toBeVisible();
}

/**
 * The server's clock in test mode (a manual clock, moved only by this endpoint). Pass advanceMs to
 * move it forward first. Needs a page that has loaded the site, for the CSRF cookie.
 */
export async function testClock(page: Page, advanceMs = 0): Promise<Date> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'parley_csrf')?.value ?? '';
  const response = await page.request.post('/api/v1/dev/clock', {
    data: advanceMs > 0 ? { advanceMs } : {},
    headers: { 'x-csrf-token': csrf },
  });
  expect(response.ok()).toBe(true);
  return new Date(((await response.json()) as { now: string }).now);
}

/** The 6-digit code an authenticator app would show for this secret at this time. */
export function totpCode(secret: string, at: Date): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}

/**
 * Opens a folding panel (a details element) by the start of its summary, if it is shut: on a phone
 * the work queue's search and filters fold away so the cases come first.
 */
export async function openPanel(page: Page, summary: string): Promise<void> {
  const panel = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  await expect(panel.locator('summary')).toBeVisible();
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await expect(panel).toHaveAttribute('open', '');
}

/**
 * A second person beside `page`: a browser context of their own on the same site at the same
 * screen size, so two people (a parent and a mediator, say) act at once without sharing a session.
 */
export async function besidePage(browser: Browser, page: Page): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    viewport: page.viewportSize(),
  });
  return ctx.newPage();
}

/** A second person beside `page` (see besidePage), signed in. */
export async function personPage(
  browser: Browser,
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const p = await besidePage(browser, page);
  // A script error on their page shows in the journey's output, naming whose page it was.
  p.on('pageerror', (error) => console.error(`page error for ${email}: ${error.message}`));
  await signInAs(p, email, password);
  return p;
}

/**
 * A journey's own pictures, saved under `folder` by screen size and name for a person to look at
 * (the folder is made first). Returns shot(page, name).
 */
export function journeyShots(folder: string, info: TestInfo): (p: Page, name: string) => Promise<Buffer> {
  mkdirSync(folder, { recursive: true });
  return (p, name) => p.screenshot({ path: `${folder}/${info.project.name}-${name}.png`, fullPage: true });
}
