import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'parley-demo-2026';

/** WCAG 2.1 A and AA, the level Parley promises. Any violation fails the journey with a readable list. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `accessibility problems on ${page.url()}`).toEqual([]);
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
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
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
