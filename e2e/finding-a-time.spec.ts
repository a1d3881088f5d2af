import { type Browser, expect, type Page, test } from '@playwright/test';
import { call, readyToScheduleCase, specialEducationJourney } from './api.ts';
import {
  besidePage,
  expectNoAxeViolations,
  followNav,
  openLatestEmail,
  personPage,
  signInAs,
} from './support.ts';

/**
 * Finding a time: the mediator proposes three times on a special-education case, the parent and
 * the district's representative answer from the links e-mailed to them (no signing in), the
 * mediator books the best time and it appears on the calendar. Then the parent asks to move it,
 * saying why; the mediator finds the request on the desk, moves the session to a new time, and the
 * parent sees the new time.
 */
const SHOTS = 'test-results/screenshots/finding-a-time';
const REASON = 'Jordan has a school evaluation that morning. Any later day that week works.';

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
  const { project, shot, districtEmail } = specialEducationJourney(info, SHOTS, 'poll');
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

  // The parent asks to move it from their own case, saying why (a reason is required).
  const parent = await personPage(browser, page, 'parent@demo.parley.test');
  await parent.goto(`/cases/${ready.caseId}/sessions`);
  await parent.getByRole('button', { name: 'Ask to move this session' }).click();
  const ask = parent.getByRole('form', { name: /^Ask to move the session/ });
  await ask.getByRole('button', { name: 'Send the request' }).click();
  await expect(ask.getByRole('alert')).toContainText('Please check the reason');
  await ask.getByLabel('Why should the session move?').fill(REASON);
  await ask.getByRole('button', { name: 'Send the request' }).click();
  await expect(parent.getByText('Your request is sent.')).toBeVisible();
  await expect(parent.getByText('Waiting for the mediator')).toBeVisible();
  await expectNoAxeViolations(parent);
  await shot(parent, 'move-asked');

  // The mediator finds it on the desk and moves the session to a new time.
  const moved = { date: missouriDay(now, base + 3), time: '07:35' };
  await page.goto('/');
  const desk = page.getByRole('region', { name: /Requests to move a session/ });
  await expect(desk.getByText('Jordan Reyes asks to move the joint session')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'move-desk');
  await desk.getByRole('link', { name: new RegExp(ready.reference) }).click();
  await expect(page.getByText(REASON)).toBeVisible();
  const answer = page.getByRole('form', { name: 'Answer Jordan Reyes’s request' });
  await answer.getByLabel('Date').fill(moved.date);
  await answer.getByLabel('Start time').fill(moved.time);
  await expectNoAxeViolations(page);
  await shot(page, 'move-answer');
  await answer.getByRole('button', { name: 'Move the session' }).click();
  await expect(page.getByText(`The session is moved to ${shown(moved.date, moved.time)}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'move-accepted');

  // The parent sees the new time.
  await parent.reload();
  await expect(
    parent.getByRole('heading', { level: 3, name: `Joint session: ${shown(moved.date, moved.time)}` }),
  ).toBeVisible();
  await expect(parent.getByText('The session has a new time.')).toBeVisible();
  await expectNoAxeViolations(parent);
  await shot(parent, 'move-seen');
  await parent.context().close();
});
