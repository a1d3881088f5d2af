import { type Browser, expect, type Page, test } from '@playwright/test';
import { call, readyToScheduleCase } from './api.ts';
import {
  besidePage,
  expectNoAxeViolations,
  followNav,
  journeyShots,
  openLatestEmail,
  signInAs,
} from './support.ts';

/**
 * Finding a time: the mediator proposes three times on a special-education case, the parent and
 * the district's representative answer from the links e-mailed to them (no signing in), the
 * mediator books the best time and it appears on the calendar.
 */
const SHOTS = 'test-results/screenshots/finding-a-time';

/** The Missouri date some days after an instant. */
const missouriDay = (from: Date, days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
    new Date(from.getTime() + days * 86_400_000),
  );
/** "Tuesday, March 10, 2026 at 7:00 AM CDT", as Parley writes a Missouri date and time. */
const shown = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
  return `${day} at ${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
};

/** A person with no session in this browser opens their e-mailed link and marks the times they can attend. */
async function answerFromEmail(browser: Browser, page: Page, email: string, times: string[], name: string) {
  const p = await besidePage(browser, page);
  const message = await openLatestEmail(p, email, /which times can you attend\?/);
  await message.getByRole('link', { name: /\/poll#token=/ }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Which times can you attend?' })).toBeVisible();
  await expect(p.getByText(`Hello ${name}.`)).toBeVisible();
  await expectNoAxeViolations(p);
  for (const t of times) await p.getByRole('checkbox', { name: new RegExp(`^${t}`) }).check();
  await p.getByRole('button', { name: 'Send my answer' }).click();
  await expect(p.getByText('Thank you: your answer is saved.')).toBeVisible();
  await expectNoAxeViolations(p);
  await p.context().close();
  return p;
}

test('a mediator proposes three times, the parent and the district answer from their e-mails, and the best one is booked onto the calendar', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const shot = journeyShots(SHOTS, info);
  const districtEmail = `poll-${project}-${Date.now()}@riverside.example`;
  const ready = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail,
    categories: ['evaluation'],
  });
  const clock = await call(ready.mediator, 'POST', '/api/v1/dev/clock', {});
  const now = new Date(((await clock.json()) as { now: string }).now);
  // Three early-morning times, different days for each project, clear of other journeys' sessions.
  const base = project === 'phone' ? 20 : 16;
  const offered = [0, 1, 2].map((n) => ({ date: missouriDay(now, base + n), time: `07:${n}5` }));
  const words = offered.map((o) => shown(o.date, o.time));

  await signInAs(page, 'mediator@demo.parley.test');
  await page.goto(`/cases/${ready.caseId}/sessions`);
  await expect(page.getByRole('heading', { level: 2, name: 'Finding a time' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Propose times' });
  await form.getByLabel('How long, in minutes').fill('60');
  for (const [n, o] of offered.entries()) {
    await form.getByLabel(`Time ${n + 1}: day`).fill(o.date);
    await form.getByLabel(`Time ${n + 1}: start`).fill(o.time);
  }
  await form.getByRole('radio', { name: 'By video' }).check();
  await form.getByLabel('Video link').fill('https://video.example/riverside');
  await form.getByRole('button', { name: 'Send the times' }).click();
  await expect(page.getByText('The times are sent.')).toBeVisible();
  await expect(page.getByText('0 of 2 answered')).toBeVisible();
  await expectNoAxeViolations(page);

  // The parent can come to the first two, the district to the last two: the second is best.
  await answerFromEmail(browser, page, 'parent@demo.parley.test', [words[0]!, words[1]!], 'Jordan Reyes');
  await answerFromEmail(browser, page, districtEmail, [words[1]!, words[2]!], 'Dana Director');

  await page.reload();
  await expect(page.getByText('2 of 2 answered')).toBeVisible();
  const best = page.locator('.poll-best');
  await expect(best).toContainText(words[1]!);
  await expect(best).toContainText('2 of 2 can attend');
  await expectNoAxeViolations(page);
  await shot(page, 'answers');
  await best.getByRole('button', { name: /^Book this time/ }).click();
  await expect(page.getByText(`Session set for ${words[1]}`)).toBeVisible();
  await expect(page.getByText('Booked', { exact: true })).toBeVisible();
  await shot(page, 'booked');

  // It is on the calendar, linking back to the case.
  await followNav(page, 'Calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'My calendar' })).toBeVisible();
  await page.goto(`/calendar?view=week&date=${offered[1]!.date}`);
  const onCalendar = page.getByRole('link', {
    name: new RegExp(`7:15 AM.*Joint session, ${ready.reference}`),
  });
  await expect(onCalendar).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'calendar');
});
