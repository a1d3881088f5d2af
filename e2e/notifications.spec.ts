import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fromMissouriTime, missouriDate, missouriOffsetMinutes } from '../domain/missouri-time.ts';
import { call, readyToScheduleCase } from './api.ts';
import { expectNoAxeViolations, followNav, signInAs, testClock, uniqueEmail } from './support.ts';

/**
 * Notifications and text messages, for a parent. The parent adds a mobile number on their
 * account page, confirms it with the code read from the development text outbox, and opts in.
 * The mediator books a session on their case (through the API) for a few hours ahead; the parent
 * sees it under the bell and on the notifications page, and the day-before reminder appears in
 * the development text outbox, carrying no place and no one's contact details.
 */
const SHOTS = 'test-results/screenshots/notifications';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

test('a parent confirms a mobile number, then hears of a booked session under the bell and by text', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const phone = testInfo.project.name === 'phone' ? '573-555-0182' : '573-555-0181';
  mkdirSync(SHOTS, { recursive: true });
  const shot = (name: string) =>
    page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${name}.png`, fullPage: true });
  const shown = phone.replace(/^(\d{3})-(\d{3})-(\d{4})$/, '($1) $2-$3');
  const ready = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail: uniqueEmail('district-notify', testInfo.project.name),
    categories: ['evaluation'],
  });
  // The demo parent starts without a number, whatever an earlier run of this journey left.
  await call(ready.parent, 'DELETE', '/api/v1/account/mobile');

  await signInAs(page, 'parent@demo.parley.test');
  await followNav(page, 'My account');
  const texts = page.getByRole('region', { name: 'Text messages' });
  await expect(texts).toBeVisible();
  await texts.getByLabel('Mobile number').fill('555-0182');
  await texts.getByRole('button', { name: 'Send me a code' }).click();
  await expect(texts.getByText('Enter a US mobile number, like 573-555-0142').first()).toBeVisible();
  await texts.getByLabel('Mobile number').fill(phone);
  await texts.getByRole('button', { name: 'Send me a code' }).click();
  await expect(texts.getByText(/We sent a 6-digit code to your phone/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The code, read from the development text outbox as a phone would show it.
  await page.goto(`/dev/texts?to=${encodeURIComponent(phone)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Demo text messages' })).toBeVisible();
  const codeText = page.getByRole('article').filter({ hasText: 'your code to confirm this mobile number' });
  await expect(codeText.first()).toBeVisible();
  await expectNoAxeViolations(page);
  const code = /\b(\d{6})\b/.exec((await codeText.first().innerText()) ?? '')![1]!;

  await page.goto('/account');
  await texts.getByLabel('Code from the text').fill(code);
  await texts.getByRole('button', { name: 'Confirm' }).click();
  await expect(texts.getByText('Your mobile number is confirmed.')).toBeVisible();
  await texts.getByRole('button', { name: 'Text me reminders' }).click();
  await expect(texts.getByText(/You will get session reminders/)).toBeVisible();
  await expect(texts.getByText(shown)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot('account-texts');

  // The mediator books a session a few hours ahead (each project its own hour, so Helen Park is
  // never booked twice).
  const now = await testClock(page);
  const at = new Date(now.getTime() + (testInfo.project.name === 'phone' ? 6 : 3) * HOUR);
  const local = new Date(at.getTime() + missouriOffsetMinutes(at) * MINUTE);
  const date = missouriDate(at);
  const time = `${local.toISOString().slice(11, 13)}:45`;
  expect(fromMissouriTime(date, time).getTime()).toBeGreaterThan(now.getTime());
  await call(ready.mediator, 'POST', `${ready.c}/sessions`, {
    kind: 'joint',
    date,
    time,
    minutes: 60,
    place: {
      kind: 'in_person',
      address: '205 Jefferson St, Jefferson City MO 65101',
      room: '',
      accessibility: '',
    },
  });

  // Under the bell: the unread count, and the notification linking to the case's sessions.
  await page.goto('/account');
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const booked = page
    .getByRole('listitem')
    .filter({ hasText: `Case ${ready.reference}` })
    .filter({ has: page.getByRole('link', { name: /^Session booked: / }) });
  await expect(booked.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot('notifications');
  await page.getByRole('link', { name: 'Choose how you hear of each kind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How you hear of notifications' })).toBeVisible();
  await page.getByLabel('Promise due').selectOption('digest');
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByText('Your choices are saved.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot('notification-settings');
  // The demo parent's promise reminders go back to e-mail at once, as other journeys expect.
  await page.getByLabel('Promise due').selectOption('email');
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByText('Your choices are saved.')).toBeVisible();
  await page.goBack();
  await expect(booked.first()).toBeVisible();
  await booked
    .first()
    .getByRole('link', { name: /^Session booked: / })
    .click();
  await expect(page).toHaveURL(new RegExp(`/cases/${ready.caseId}/sessions$`));

  // The reminders run every 15 minutes of the (test) clock: move it on so they run, and the
  // text-message reminder is in the development outbox.
  await testClock(page, 15 * MINUTE);
  await page.goto(`/dev/texts?to=${encodeURIComponent(phone)}`);
  const reminder = page
    .getByRole('article')
    .filter({ hasText: `your mediation session for case ${ready.reference}` });
  await expect(reminder.first()).toBeVisible({ timeout: 20_000 });
  await expect(reminder.first()).toContainText('Reply STOP');
  await expect(reminder.first()).not.toContainText('Jefferson');
  await expectNoAxeViolations(page);
  await shot('text-outbox');
});
