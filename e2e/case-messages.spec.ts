import { expect, test } from '@playwright/test';
import { fromMissouriTime, missouriDate, missouriOffsetMinutes } from '../domain/missouri-time.ts';
import { type Api, apiAs, call, mailsTo, readyToScheduleCase, specialEducationJourney } from './api.ts';
import { expectNoAxeViolations, personPage, signInAs, testClock } from './support.ts';

/**
 * Talking and sharing inside a case. A special-education case is taken to "ready to schedule"
 * through the API; then, in the browser, the parent uploads the IEP for the mediator only and asks
 * the mediator in a message to move a session, with the IEP attached; the mediator reads both and
 * answers; the parent hears of it under the bell and reads the answer. The mediator books the new
 * time, and the day-before reminder reaches the parent by text (development text outbox). The
 * district never sees the words or the file, and the e-mails only say that a message is waiting.
 */
const SHOTS = 'test-results/screenshots/messages';
const ASK = 'Could we move Tuesday’s session to Thursday? Maya has her evaluation on Tuesday morning.';
const ANSWER = 'Yes: Thursday at 10 works. I will tell the district only the new time.';
const IEP = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% Maya IEP: speech 60 minutes weekly\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const MINUTE = 60_000;

/** The parent's mobile number, confirmed with the code from the development text outbox, opted in. */
async function confirmMobile(parent: Api, phone: string) {
  await call(parent, 'DELETE', '/api/v1/account/mobile');
  await call(parent, 'PUT', '/api/v1/account/mobile', { phone });
  let code = '';
  await expect(async () => {
    const texts = (await (await parent.get(`/api/v1/dev/texts?to=${encodeURIComponent(phone)}`)).json()) as {
      body: string;
    }[];
    code = /\b(\d{6})\b/.exec(texts.find((t) => t.body.includes('your code'))?.body ?? '')?.[1] ?? '';
    expect(code).not.toBe('');
  }).toPass({ timeout: 20_000 });
  await call(parent, 'POST', '/api/v1/account/mobile/confirm', { code });
  await call(parent, 'PUT', '/api/v1/account/mobile/texts', { optedIn: true });
}

test('the parent shares the IEP with the mediator only and asks to move a session; the mediator answers', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  const { project, shot, districtEmail } = specialEducationJourney(info, SHOTS, 'talk');
  const {
    caseId,
    c,
    district,
    reference,
    parent,
    mediator: mediatorApi,
  } = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail,
    categories: ['evaluation', 'provision_of_services'],
  });
  // The parent takes reminders by text (a number of this journey's own).
  const phone = project === 'phone' ? '573-555-0184' : '573-555-0183';
  await confirmMobile(parent, phone);

  // The parent opens the case's Documents from the case page's steps.
  await signInAs(page, 'parent@demo.parley.test');
  await page.goto(`/cases/${caseId}`);
  const steps = page.getByRole('region', { name: 'Your mediation, step by step' });
  await steps.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(page.getByText('No files yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Maya IEP 2026.pdf',
    mimeType: 'application/pdf',
    buffer: IEP,
  });
  await page.getByRole('radio', { name: 'The mediator only' }).check();
  await page.getByRole('button', { name: 'Upload the file' }).click();
  await expect(page.getByText('Your file is uploaded.')).toBeVisible();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Maya IEP 2026.pdf' }) });
  await expect(card).toContainText('Who sees it: The mediator only');
  await expect(card.getByRole('link', { name: 'Download version 1' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '01-documents');

  // Then writes to the mediator, with the IEP attached.
  await page
    .getByRole('navigation', { name: 'Mediation steps' })
    .getByRole('link', { name: 'Messages' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'You and the mediator' });
  await expect(mine).toContainText('The other side never reads it.');
  await expectNoAxeViolations(page);
  await mine.getByLabel('Write a message: You and the mediator').fill(ASK);
  await mine.getByText('Attach documents from the case’s folder').click();
  await mine.getByRole('checkbox', { name: 'Maya IEP 2026.pdf' }).check();
  await mine.getByRole('button', { name: 'Send the message' }).click();
  await expect(mine.getByText('Your message is sent.')).toBeVisible();
  await expect(mine.getByRole('listitem').filter({ hasText: ASK })).toContainText('Maya IEP 2026.pdf');
  await expectNoAxeViolations(page);
  await shot(page, '02-asked');

  // The mediator is told by e-mail that a message is waiting, never its words.
  const told = (await mailsTo(district, 'mediator@demo.parley.test', 'notification-message'))[0]!;
  expect(told.text).toContain(`/cases/${caseId}`);
  expect(told.text).not.toContain('Thursday');

  // The mediator reads it, opens the IEP, and answers.
  const mediator = await personPage(browser, page, 'mediator@demo.parley.test');
  await mediator.goto(`/cases/${caseId}/messages`);
  await expect(mediator.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  const withParent = mediator.getByRole('region', { name: 'With Jordan Reyes' });
  const asked = withParent.getByRole('listitem').filter({ hasText: ASK });
  await expect(asked).toBeVisible();
  const download = mediator.waitForEvent('download');
  await asked.getByRole('link', { name: 'Maya IEP 2026.pdf' }).click();
  expect((await download).suggestedFilename()).toMatch(/^case-.+-v1\.pdf$/);
  await expect(mediator.getByRole('region', { name: 'With Dana Director' })).toBeVisible();
  await expectNoAxeViolations(mediator);
  await withParent.getByLabel('Write a message: With Jordan Reyes').fill(ANSWER);
  await withParent.getByRole('button', { name: 'Send the message' }).click();
  await expect(withParent.getByText('Your message is sent.')).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, '03-mediator-answered');
  await mediator.goto(`/cases/${caseId}/documents`);
  const iep = mediator
    .getByRole('listitem')
    .filter({ has: mediator.getByRole('heading', { name: 'Maya IEP 2026.pdf' }) });
  await expect(iep).toContainText('Uploaded by Jordan Reyes');
  await expect(iep.getByRole('button', { name: 'Ask to share it with everyone' })).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, '04-mediator-documents');
  await mediator.context().close();

  // The parent is told under the bell (only that a message waits, with its link) and reads the answer.
  await page.goto('/account');
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const heard = page
    .getByRole('listitem')
    .filter({ hasText: `Case ${reference}` })
    .filter({ has: page.getByRole('link', { name: /^New message/ }) });
  await expect(heard.first()).toBeVisible();
  await expect(heard.first()).not.toContainText('Thursday');
  await expectNoAxeViolations(page);
  await heard
    .first()
    .getByRole('link', { name: /^New message/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/messages$`));
  await expect(mine.getByRole('listitem').filter({ hasText: ANSWER })).toContainText('Helen Park');
  await expectNoAxeViolations(page);
  await shot(page, '05-parent-reads');

  // The mediator books the new time (each project its own hour, within the day), and the
  // day-before reminder reaches the parent by text once the reminders run (every 15 minutes).
  const now = await testClock(page);
  const at = new Date(now.getTime() + (project === 'phone' ? 13 : 10) * 60 * MINUTE);
  const local = new Date(at.getTime() + missouriOffsetMinutes(at) * MINUTE);
  const date = missouriDate(at);
  const time = `${local.toISOString().slice(11, 13)}:20`;
  expect(fromMissouriTime(date, time).getTime()).toBeGreaterThan(now.getTime());
  await call(mediatorApi, 'POST', `${c}/sessions`, {
    kind: 'joint',
    date,
    time,
    minutes: 60,
    place: { kind: 'video', url: 'https://meet.example.test/room' },
  });
  await testClock(page, 15 * MINUTE);
  await page.goto(`/dev/texts?to=${encodeURIComponent(phone)}`);
  const reminder = page
    .getByRole('article')
    .filter({ hasText: `your mediation session for case ${reference}` });
  await expect(reminder.first()).toBeVisible({ timeout: 20_000 });
  await expect(reminder.first()).not.toContainText('meet.example.test');
  await expect(reminder.first()).not.toContainText('Thursday');
  await expectNoAxeViolations(page);
  await shot(page, '06-text-reminder');

  // The district sees neither the words nor the file.
  const threads = await (await call(district, 'GET', `${c}/threads`)).text();
  expect(threads).not.toContain('Thursday');
  const folder = (await (await call(district, 'GET', `${c}/documents`)).json()) as { documents: unknown[] };
  expect(folder.documents).toEqual([]);
  const parentApi = await apiAs(playwright, baseURL!, 'parent@demo.parley.test');
  const parentMail = (await mailsTo(parentApi, 'parent@demo.parley.test', 'notification-message'))[0]!;
  expect(parentMail.text).not.toContain('Thursday');
});
