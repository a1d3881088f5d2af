import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { call, readyToScheduleCase } from './api.ts';
import { expectNoAxeViolations, followNav, signInAs } from './support.ts';

/**
 * The mediator's calendar across cases: a session set on a case shows in the month, week and
 * agenda views (the agenda first on a phone), each linking to its case; reachable from the desk
 * and the navigation.
 */
const SHOTS = 'test-results/screenshots/calendar';

/** The Missouri date some days after an instant. */
const missouriDay = (from: Date, days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
    new Date(from.getTime() + days * 86_400_000),
  );

test('a mediator finds a session on the calendar in month, week and agenda views and opens its case', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const project = info.project.name;
  const phone = project === 'phone';
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
  const ready = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail: `calendar-${project}-${Date.now()}@riverside.example`,
    categories: ['evaluation'],
  });
  const clock = await call(ready.mediator, 'POST', '/api/v1/dev/clock', {});
  const now = new Date(((await clock.json()) as { now: string }).now);
  // An early-morning half hour, a different day for each project, clear of other journeys' sessions.
  const date = missouriDay(now, phone ? 12 : 11);
  await call(ready.mediator, 'POST', `${ready.c}/sessions`, {
    kind: 'joint',
    date,
    time: '06:15',
    minutes: 30,
    place: { kind: 'video', url: 'https://video.example/calendar' },
  });

  await signInAs(page, 'mediator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Your desk' })).toBeVisible();
  await page.getByRole('link', { name: 'Open your calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My calendar' })).toBeVisible();
  // The agenda on a phone, the month on a wider screen.
  await expect(page.getByRole('button', { name: phone ? 'Agenda' : 'Month', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectNoAxeViolations(page);

  const session = page.getByRole('link', { name: new RegExp(`6:15 AM.*Joint session, ${ready.reference}`) });
  for (const view of ['Month', 'Week', 'Agenda'] as const) {
    await page.goto(`/calendar?view=${view.toLowerCase()}&date=${date}`);
    await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(session).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, view.toLowerCase());
  }
  // The next four weeks of the agenda move past it; Today comes back.
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(session).toHaveCount(0);
  await page.getByRole('button', { name: /^Previous/ }).click();
  await expect(session).toBeVisible();
  await session.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();

  // The navigation reaches the calendar too.
  await followNav(page, 'Calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'My calendar' })).toBeVisible();
});
