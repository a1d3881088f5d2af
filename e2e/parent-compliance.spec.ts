import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { formatMissouriDate, missouriDate } from '../domain/missouri-time.ts';
import {
  apiAs,
  call,
  DISTRICT,
  DISTRICT_PASSWORD,
  mailsTo,
  type Playwright,
  pdfText,
  readyToScheduleCase,
  specialEducationJourney,
} from './api.ts';
import { expectNoAxeViolations, personPage, signInAs } from './support.ts';

/**
 * After the agreement. The signed special-education agreement of part 2 is set up through the API
 * (the same steps the mediator's journey takes in the browser, quickly): two milestones, "speech
 * therapy services begin" on a date and "the evaluation is completed" within 30 days. Then, in the
 * browser: the district marks speech therapy done with a file, the parent confirms it; the test
 * clock passes the evaluation's date; both sides are reminded; the parent downloads the
 * enforcement packet; the coordinator sees the agreement in the program view.
 */
const SHOTS = 'test-results/screenshots/compliance';
const PREP_SECRET = 'I am scared the district will stall again after we sign';
const CAUCUS_SECRET = 'District privately conceded the therapist left in December';
const DAY = 86_400_000;

/** A special-education case taken through the API to a signed agreement with two milestones. */
async function signedAgreement(playwright: Playwright, baseURL: string, districtEmail: string) {
  const { caseId, programId, c, parent, district, coordinator, mediator } = await readyToScheduleCase(
    playwright,
    baseURL,
    {
      districtEmail,
      categories: ['evaluation', 'provision_of_services'],
    },
  );
  // The mediation: preparation and a caucus note hold words that must never leave it.
  await call(parent, 'PUT', `${c}/preparation`, {
    perspective: PREP_SECRET,
    goals: 'Therapy back',
    concerns: 'Reading',
    solutions: 'Outside evaluator',
  });
  const now = new Date(
    ((await (await call(coordinator, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string }).now,
  );
  const session = (await (
    await call(mediator, 'POST', `${c}/sessions`, {
      kind: 'joint',
      date: missouriDate(new Date(now.getTime() + DAY)),
      time: '10:00',
      minutes: 120,
      place: {
        kind: 'in_person',
        address: '205 Jefferson St, Jefferson City MO 65101',
        room: 'Room 4B',
        accessibility: '',
      },
    })
  ).json()) as { id: string };
  await call(mediator, 'POST', `${c}/notes`, { kind: 'caucus', sessionId: session.id, body: CAUCUS_SECRET });
  const ids: string[] = [];
  for (const templateId of ['evaluation', 'provision_of_services']) {
    const issue = (await (await call(mediator, 'POST', `${c}/issues`, { templateId })).json()) as {
      id: string;
    };
    await call(mediator, 'PATCH', `${c}/issues/${issue.id}`, { status: 'agreed' });
    ids.push(issue.id);
  }
  const speechDate = missouriDate(new Date(now.getTime() + 14 * DAY));
  await call(mediator, 'POST', `${c}/agreement/versions`, {
    terms: [
      {
        issueId: ids[0],
        text: 'The district pays for an outside speech and language evaluation.',
        responsible: DISTRICT,
      },
      {
        issueId: ids[1],
        text: 'Maya receives speech therapy twice a week, 30 minutes each time.',
        responsible: DISTRICT,
      },
    ],
    milestones: [
      {
        what: 'Speech therapy services begin',
        responsible: DISTRICT,
        due: { kind: 'date', date: speechDate },
        evidence: 'Service log sent to the parent',
      },
      {
        what: 'The evaluation is completed',
        responsible: DISTRICT,
        due: { kind: 'days_after_signing', days: 30 },
        evidence: 'The evaluation report',
      },
    ],
    settledIssueIds: ids,
  });
  await call(mediator, 'POST', `${c}/agreement/send`, { version: 1 });
  const agreement = (await (await parent.get(`${c}/agreement`)).json()) as { sha256: string };
  const sign = {
    documentSha256: agreement.sha256,
    intent: true,
    consentToElectronic: true,
    agreesBinding: true,
  };
  await call(parent, 'POST', `${c}/agreement/signatures`, { ...sign, typedName: 'Jordan Reyes' });
  await call(district, 'POST', `${c}/agreement/signatures`, {
    ...sign,
    typedName: 'Dana Director',
    attestAuthority: true,
  });
  return { caseId, programId, signedOn: missouriDate(now), coordinator };
}

test('the district keeps one promise, misses another, both are reminded, and the parent takes the packet', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  const { shot, districtEmail } = specialEducationJourney(info, SHOTS, 'director');
  const { caseId, programId, signedOn, coordinator } = await signedAgreement(
    playwright,
    baseURL!,
    districtEmail,
  );
  const promises = `/cases/${caseId}/promises`;
  const evaluationDue = new Date(`${signedOn}T18:00:00Z`);
  evaluationDue.setUTCDate(evaluationDue.getUTCDate() + 30);
  const evaluationDate = evaluationDue.toISOString().slice(0, 10);

  // The district marks "speech therapy begins" done, with the service log attached.
  await signInAs(page, districtEmail, DISTRICT_PASSWORD);
  const district = page;
  await district.goto(promises);
  await expect(district.getByRole('heading', { level: 1, name: 'What was promised' })).toBeVisible();
  const speech = district.getByRole('region', { name: 'Speech therapy services begin' });
  await speech.getByLabel('What was done').fill('First session held Monday in room 12 with Ms. Hale.');
  await speech.getByLabel(/Files that show it/).setInputFiles({
    name: 'service-log.pdf',
    mimeType: 'application/pdf',
    buffer: readFileSync(path.join(import.meta.dirname, 'fixtures', 'service-log.pdf')),
  });
  await expectNoAxeViolations(district);
  await speech.getByRole('button', { name: 'Mark it done' }).click();
  await expect(speech.getByText('Done (waiting for the other side)')).toBeVisible();
  // The card says the step was saved, though the form that made it has gone.
  await expect(speech.getByText('Saved: marked done. The other side is asked to confirm it.')).toBeVisible();
  await expect(speech.getByRole('link', { name: 'service-log.pdf' })).toBeVisible();
  await expectNoAxeViolations(district);
  await shot(district, '01-district-marked-done');

  // The parent sees it with the evidence and confirms.
  const parent = await personPage(browser, district, 'parent@demo.parley.test');
  await parent.goto(promises);
  const parentSpeech = parent.getByRole('region', { name: 'Speech therapy services begin' });
  await expect(parentSpeech.getByRole('link', { name: 'service-log.pdf' })).toBeVisible();
  await expect(parent.getByRole('region', { name: 'The evaluation is completed' })).toContainText(
    formatMissouriDate(evaluationDate),
  );
  await expectNoAxeViolations(parent);
  await parentSpeech.getByRole('button', { name: 'Yes, it is done' }).click();
  await expect(parentSpeech.getByText('Done', { exact: true })).toBeVisible();
  await expect(parentSpeech.getByText('Saved: you confirmed it is done.')).toBeVisible();
  await shot(parent, '02-parent-confirmed');

  // "The evaluation is completed within 30 days" passes its date under the test clock.
  const before = new Date(
    ((await (await call(coordinator, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string }).now,
  );
  const target = new Date(`${evaluationDate}T12:00:00Z`).getTime() + DAY; // the day after, midday in Missouri
  await call(coordinator, 'POST', '/api/v1/dev/clock', { advanceMs: Math.max(0, target - before.getTime()) });
  // Both sides are reminded (the job runner's periodic check). Sessions lapsed with the jump: sign in again.
  const mailbox = await apiAs(playwright, baseURL!, 'coordinator@demo.parley.test');
  const toParent = await mailsTo(mailbox, 'parent@demo.parley.test', 'case-compliance-overdue', caseId);
  const toDistrict = await mailsTo(mailbox, districtEmail, 'case-compliance-overdue', caseId);
  for (const m of [...toParent, ...toDistrict]) {
    expect(m.text).toContain('"The evaluation is completed"');
    expect(m.text).toContain(`was due on ${formatMissouriDate(evaluationDate)}`);
  }
  // Once each, though the check runs every few minutes of the clock.
  await call(coordinator, 'POST', '/api/v1/dev/clock', { advanceMs: 40 * 60_000 });
  await new Promise((r) => setTimeout(r, 2500));
  expect(await mailsTo(mailbox, districtEmail, 'case-compliance-overdue', caseId)).toHaveLength(1);
  expect(await mailsTo(mailbox, 'parent@demo.parley.test', 'case-compliance-overdue', caseId)).toHaveLength(
    1,
  );

  // The parent sees the missed promise and the reminders, and downloads the enforcement packet.
  await signInAs(parent, 'parent@demo.parley.test');
  await parent.goto(promises);
  const evaluation = parent.getByRole('region', { name: 'The evaluation is completed' });
  await expect(evaluation.getByText('Missed', { exact: true })).toBeVisible();
  const reminders = parent.getByRole('region', { name: 'Reminders we sent' });
  await expect(reminders).toContainText('Overdue: “The evaluation is completed”');
  await expect(reminders).toContainText('Jordan Reyes');
  await expect(reminders).toContainText('Dana Director');
  await expectNoAxeViolations(parent);
  await shot(parent, '03-parent-missed');
  const [download] = await Promise.all([
    parent.waitForEvent('download'),
    parent.getByRole('link', { name: 'Download the enforcement packet (PDF)' }).click(),
  ]);
  const text = pdfText(readFileSync((await download.path())!));
  expect(text).toContain('Enforcement packet');
  expect(text).toContain('Maya receives speech therapy twice a week');
  expect(text).toContain('/s/ Dana Director');
  expect(text).toContain(
    `Milestone 2: The evaluation is completed. Responsible: ${DISTRICT}. Due ${formatMissouriDate(evaluationDate)}`,
  );
  expect(text).toContain('Missed: not done by the date');
  expect(text).toContain(`Marked done by Dana Director, done on ${formatMissouriDate(signedOn)}`);
  expect(text).toContain('E1. service-log.pdf');
  expect(text).toContain(`Overdue notice for milestone 2 (due ${formatMissouriDate(evaluationDate)})`);
  expect(text).not.toContain(PREP_SECRET);
  expect(text).not.toContain(CAUCUS_SECRET);

  // The case page lists every reminder too.
  await parent.goto(`/cases/${caseId}`);
  const onCase = parent.getByRole('region', { name: 'Promises in your agreement' });
  await expect(onCase).toContainText('Overdue: “The evaluation is completed”');
  await expect(onCase).toContainText('1 late.');
  await expectNoAxeViolations(parent);

  // The signed agreement completed the mediation: weeks past DESE's 30 days, its stage and its
  // deadlines never read "Overdue", and nor do they once the mediator closes the case.
  await expect(parent.getByText(/^Step now:/)).toContainText('Agreement signed');
  const deadlines = parent.getByRole('region', { name: 'Deadlines' });
  await expect(deadlines).toContainText('Done. Mediation completed');
  await expect(deadlines).not.toContainText('Overdue');
  await call(
    await apiAs(playwright, baseURL!, 'mediator@demo.parley.test'),
    'POST',
    `/api/v1/cases/${caseId}/outcome`,
    {
      outcome: 'full_agreement',
    },
  );
  await parent.reload();
  await expect(parent.getByText(/^Step now:/)).toContainText('Closed: full agreement');
  await expect(deadlines).toContainText('Done. Mediation completed');
  await expect(deadlines).not.toContainText('Overdue');
  await shot(parent, '03b-closed-case');
  // The parent's home says the same, with the promises as what comes next.
  await parent.goto('/');
  await expect(parent.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  const card = parent.locator('li', { has: parent.locator(`a[href="/cases/${caseId}"]`) }).first();
  await expect(card).toContainText('Closed: full agreement');
  await expect(card).toContainText('Keep the promises in the signed agreement');
  await expect(card).not.toContainText('Overdue');
  await expectNoAxeViolations(parent);
  await shot(parent, '03c-parent-home');

  // The mediator's home is their desk: the late promise is there, linking to the case's promises.
  const mediatorPage = await personPage(browser, parent, 'mediator@demo.parley.test');
  await expect(mediatorPage.getByRole('heading', { level: 1, name: 'Your desk' })).toBeVisible();
  const due = mediatorPage.getByRole('region', { name: /Promises due on your agreements/ });
  await expect(due).toContainText('Late: The evaluation is completed');
  await expect(due.locator(`a[href="/cases/${caseId}/promises"]`).first()).toBeVisible();
  await expectNoAxeViolations(mediatorPage);
  await shot(mediatorPage, '03d-mediator-desk');

  // The coordinator sees the agreement among those with overdue promises.
  const coord = await personPage(browser, parent, 'coordinator@demo.parley.test');
  await coord.goto(`/programs/${programId}/compliance`);
  await expect(coord.getByRole('heading', { level: 1, name: 'Promises kept' })).toBeVisible();
  await expect(coord.getByRole('region', { name: 'Agreements with overdue promises' })).toContainText(
    'The evaluation is completed',
  );
  // Every promise of the program, filtered to the overdue ones, and as a spreadsheet.
  const every = coord.getByRole('region', { name: 'Every promise' });
  await every.getByLabel('Which promises').selectOption({ label: 'Overdue' });
  await every.getByRole('button', { name: 'Show promises' }).click();
  await expect(every.getByRole('row', { name: /The evaluation is completed/ }).first()).toContainText(
    'Overdue',
  );
  await expectNoAxeViolations(coord);
  await shot(coord, '04-program-view');
  const [promisesCsv] = await Promise.all([
    coord.waitForEvent('download'),
    every.getByRole('link', { name: 'Download these promises (CSV)' }).click(),
  ]);
  const csv = (await (await promisesCsv.createReadStream()).toArray()).join('');
  const [header, ...rows] = csv.trim().split('\r\n');
  expect(header).toBe('Case number,Case,Promise,Due,State,Done on,Flag');
  expect(rows.some((r) => r.includes('The evaluation is completed') && r.endsWith(',overdue'))).toBe(true);
  expect(csv).not.toContain(PREP_SECRET);
});
