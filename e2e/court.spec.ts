import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { missouriDate } from '../domain/missouri-time.ts';
import { attached } from '../test/uploads.ts';
import {
  agreementSent,
  apiAs,
  call,
  familyCaseAppointed,
  jacksonReferral,
  mailsTo,
  PARENT_PASSWORD,
  type Playwright,
  signAgreementToMediate,
} from './api.ts';
import {
  besidePage,
  expectNoAxeViolations,
  followNav,
  journeyShots,
  openLatestEmail,
  personPage,
  signInAs,
  testClock,
  uniqueEmail,
} from './support.ts';

const SHOTS = 'test-results/screenshots/court';
const COURT = 'court.family@demo.parley.test';
const DAY = 86_400_000;

/**
 * A Rule 88 family case of the 16th Circuit at the Agreement to Mediate, set through the API: the
 * case as familyCaseAppointed leaves it, and Helen Park accepts and writes her disclosure.
 */
async function familyCase(playwright: Playwright, baseURL: string, label: string) {
  const scene = await familyCaseAppointed(playwright, baseURL, label);
  const mediator = await apiAs(playwright, baseURL, 'mediator@demo.parley.test');
  await call(mediator, 'POST', `${scene.c}/mediator/response`, { accept: true, conflict: 'none' });
  await call(mediator, 'PUT', `${scene.c}/agreement-to-mediate/disclosure`, {
    fees: { kind: 'free', paidBy: 'The 16th Circuit' },
    relationships: null,
  });
  return { ...scene, mediator };
}

type FamilyCaseJourney = {
  page: Page;
  browser: Browser;
  playwright: Playwright;
  baseURL: string;
  project: string;
  shot: ReturnType<typeof journeyShots>;
  scene: Awaited<ReturnType<typeof familyCase>>;
};

/** A journey on a family case of its own (familyCase, labelled for the journey and the project). */
function familyCaseTest(title: string, label: string, journey: (j: FamilyCaseJourney) => Promise<void>) {
  test(title, async ({ page, browser, playwright, baseURL }, info) => {
    const project = info.project.name;
    const shot = journeyShots(SHOTS, info);
    const scene = await familyCase(playwright, baseURL!, `${label}-${project}`);
    await journey({ page, browser, playwright, baseURL: baseURL!, project, shot, scene });
  });
}

/** A parent of the case signs in and opens the case page; its section on disqualifying the mediator. */
async function disqualifyingSection(page: Page, caseId: string, parentEmail: string) {
  await signInAs(page, parentEmail, PARENT_PASSWORD);
  await page.goto(`/cases/${caseId}`);
  return page.getByRole('region', { name: 'Disqualifying the mediator' });
}

familyCaseTest(
  'Rule 88.04: an application to disqualify that no one denies in 10 days disqualifies the mediator, and the program chooses a new one',
  'undenied',
  async ({ page, browser, playwright, baseURL, shot, scene }) => {
    // Pat applies on the case page.
    const section = await disqualifyingSection(page, scene.caseId, scene.emails.pat);
    await expect(section).toBeVisible();
    await section.getByRole('button', { name: 'Apply to disqualify' }).click();
    await expect(section.getByText('Enter the reason').first()).toBeVisible();
    await section
      .getByLabel('Why the mediator should be disqualified')
      .fill('The mediator coached my ex-husband’s team.');
    await section.getByRole('button', { name: 'Apply to disqualify' }).click();
    await expect(section.getByText(/Filed\. The other party may deny it through/)).toBeVisible();
    await expect(
      section.getByText(/If no one denies it by then, the mediator is disqualified/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'undenied-applied');
    const toRiley = await mailsTo(scene.coordinator, scene.emails.riley, 'case-disqualification-requested');
    expect(toRiley.length).toBeGreaterThan(0);

    // Riley does not deny it. Ten court days (and more) pass by the shared test clock.
    await testClock(page, 16 * DAY);
    // Her sign-in has lapsed meanwhile: she signs in again and opens the case.
    await disqualifyingSection(page, scene.caseId, scene.emails.pat);
    await expect(
      section.getByText(/The mediator was disqualified on .*: no one denied it in time/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'undenied-disqualified');

    // The program's coordinator chooses a new mediator on the case page.
    const coordinator = await personPage(browser, page, 'family.coordinator@demo.parley.test');
    await coordinator.goto(`/cases/${scene.caseId}`);
    const choose = coordinator.getByRole('region', { name: 'Your mediator' });
    // Helen Park, disqualified, is not offered the case again.
    await expect(choose.getByRole('button', { name: 'Appoint Lucía Marín' })).toBeVisible();
    await expect(choose.getByRole('button', { name: 'Appoint Helen Park' })).toHaveCount(0);
    await expect(coordinator.getByText(/no one denied it in time/)).toBeVisible();
    await expectNoAxeViolations(coordinator);
    await shot(coordinator, 'undenied-choose-new');
    await choose.getByRole('button', { name: 'Appoint Lucía Marín' }).click();
    // The program records the judge and division the court assigned.
    const record = coordinator.getByRole('region', { name: 'The court’s record' });
    await record.getByLabel('Judge').fill('Hon. Dana Ruiz');
    await record.getByLabel('Division').fill('Division 12');
    await record.getByRole('button', { name: 'Save the record' }).click();
    await expect(record.getByText('Saved the court’s record of the case.')).toBeVisible();
    await expect(record.getByText('Heard by Hon. Dana Ruiz, Division 12.')).toBeVisible();
    await expect(choose.getByText(/Lucía Marín/).first()).toBeVisible();
    // The API session made before the clock moved has lapsed too: the program reads the case afresh.
    const program = await apiAs(playwright, baseURL, 'family.coordinator@demo.parley.test');
    const view = (await (await program.get(scene.c)).json()) as {
      state: string;
      mediator: { name: string; status: string } | null;
    };
    expect(view.mediator?.name).toBe('Lucía Marín');
    expect(view.mediator?.status).toBe('offered');
    await coordinator.context().close();
  },
);

familyCaseTest(
  'Rule 88.04: the other party denies an application and the court user decides it',
  'denied',
  async ({ page, browser, shot, scene }) => {
    await call(scene.pat, 'POST', `${scene.c}/disqualification-requests`, {
      reason: 'The mediator once represented Riley’s employer.',
    });

    // Riley denies it on the case page.
    const section = await disqualifyingSection(page, scene.caseId, scene.emails.riley);
    await expect(section.getByText('The mediator once represented Riley’s employer.')).toBeVisible();
    await section.getByRole('button', { name: 'Deny the application' }).click();
    await expect(section.getByText('Enter the reason').first()).toBeVisible();
    await section.getByLabel('Why the mediator should stay').fill('That work ended ten years ago.');
    await section.getByRole('button', { name: 'Deny the application' }).click();
    await expect(section.getByText(/Denied\. The court decides the application now/)).toBeVisible();
    await expect(section.getByText(/The court decides it now/)).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'denied-by-riley');

    // The court's clerk reads it on the court's home, and decides it.
    const clerk = await personPage(browser, page, COURT);
    await clerk.goto('/');
    await expect(clerk.getByRole('heading', { level: 1, name: 'Referred cases' })).toBeVisible();
    const item = clerk.getByRole('listitem').filter({ hasText: scene.caseNumber });
    await expect(item.getByText(/Decide the application to disqualify the mediator/)).toBeVisible();
    await expectNoAxeViolations(clerk);
    await shot(clerk, 'court-home');
    await item.getByRole('link', { name: new RegExp(scene.caseNumber) }).click();
    await expect(
      clerk.getByRole('heading', { level: 1, name: `Court case ${scene.caseNumber}` }),
    ).toBeVisible();
    const application = clerk.getByRole('region', { name: /Applications to disqualify the mediator/ });
    await expect(application.getByText('That work ended ten years ago.')).toBeVisible();
    // Nothing said in mediation is on the court's page: not even the request's own words.
    await expect(clerk.getByText('Parenting time after separation.')).toHaveCount(0);
    await expectNoAxeViolations(clerk);
    await application.getByRole('button', { name: 'Record the decision' }).click();
    await expect(application.getByText('Say whether the mediator is disqualified').first()).toBeVisible();
    await application.getByLabel('The mediator stays').check();
    await application.getByLabel('The court’s order').fill('Order of March 9, 2026, docket entry 12');
    await shot(clerk, 'court-decides');
    await application.getByRole('button', { name: 'Record the decision' }).click();
    await expect(application.getByText(/Recorded: the mediator stays/)).toBeVisible();
    await expect(
      application.getByText(/The mediator stays: the court’s order \(Order of March 9, 2026/),
    ).toBeVisible();
    await expectNoAxeViolations(clerk);
    await shot(clerk, 'court-decided');
    await clerk.context().close();

    // Riley's case page says what the court decided; Pat was told by e-mail.
    await page.reload();
    await expect(section.getByText(/The mediator stays: by the court’s order/)).toBeVisible();
    const told = await mailsTo(scene.coordinator, scene.emails.pat, 'case-disqualification-decided');
    expect(told.length).toBeGreaterThan(0);
  },
);

familyCaseTest(
  'Rule 88.06(c): the court user approves a signed family agreement, which makes it binding',
  'approval',
  async ({ page, browser, project, shot, scene }) => {
    const { c, mediator } = scene;
    await signAgreementToMediate(scene.pat, c, 'Pat Lane');
    await signAgreementToMediate(scene.riley, c, 'Riley Lane');
    const { now } = (await (await call(scene.coordinator, 'POST', '/api/v1/dev/clock', {})).json()) as {
      now: string;
    };
    await call(mediator, 'POST', `${c}/sessions`, {
      kind: 'joint',
      // Its own hour for each size, so the two runs do not book the mediator twice.
      date: missouriDate(new Date(Date.parse(now) + 3 * DAY)),
      time: project === 'phone' ? '16:30' : '15:00',
      minutes: 120,
      place: {
        kind: 'in_person',
        address: '415 E 12th St, Kansas City MO 64106',
        room: 'Room 2',
        accessibility: '',
      },
    });
    await agreementSent(mediator, c, {
      templateId: 'parenting_time',
      text: 'The children spend alternate weekends with each parent.',
      responsible: 'Both parents',
    });
    // Signed on paper in ink; the mediator uploads the scan, and the agreement waits for the court.
    const uploaded = await call(
      mediator,
      'POST',
      `${c}/agreement/signed-copy`,
      attached('signed.pdf', readFileSync('e2e/fixtures/service-log.pdf')),
    );
    expect(((await uploaded.json()) as { status: string }).status).toBe('awaiting_court_approval');
    const notice = await mailsTo(mediator, COURT, 'case-court-agreement-for-approval');
    expect(notice.length).toBeGreaterThan(0);

    await signInAs(page, COURT);
    await page.goto(`/court/cases/${scene.caseId}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Court case ${scene.caseNumber}` }),
    ).toBeVisible();
    const approval = page.getByRole('region', { name: /The signed agreement/ });
    await expect(approval.getByText('The children spend alternate weekends with each parent.')).toBeVisible();
    await expect(approval.getByText(/It is not binding until the court approves it/)).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'approval-waiting');
    await approval.getByLabel('Date of the court’s approval').fill('');
    await approval.getByRole('button', { name: 'Approve the agreement' }).click();
    await expect(approval.getByText(/Enter the date of the court’s approval/).first()).toBeVisible();
    const today = missouriDate(await testClock(page));
    await approval.getByLabel('Date of the court’s approval').fill(today);
    await approval.getByRole('button', { name: 'Approve the agreement' }).click();
    await expect(
      approval.getByText(/Recorded the court’s approval: the agreement is now binding/),
    ).toBeVisible();
    await expect(approval.getByText(/The court approved it on .*: it is binding/)).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'approval-recorded');

    // The parents read that it binds them, and were told.
    const parent = await personPage(browser, page, scene.emails.pat, PARENT_PASSWORD);
    await parent.goto(`/cases/${scene.caseId}/agreement`);
    await expect(parent.getByText(/binding|in force/i).first()).toBeVisible();
    await parent.context().close();
    const agreement = (await (await scene.pat.get(`${c}/agreement`)).json()) as { status: string };
    expect(agreement.status).toBe('binding');
    expect(
      (await mailsTo(mediator, scene.emails.pat, 'case-agreement-court-approved')).length,
    ).toBeGreaterThan(0);
  },
);

test('An administrator invites a court clerk for the 16th Circuit, who accepts and sees its referred cases, and can be removed', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  const project = info.project.name;
  const shot = journeyShots(SHOTS, info);
  const clerkName = `Jordan Clerk-${project}`;
  // A referral of the 16th Circuit the new clerk should find.
  const coordinator = await apiAs(playwright, baseURL!, 'family.coordinator@demo.parley.test');
  const { caseNumber } = await jacksonReferral(coordinator, `clerk-${project}`, [
    { name: 'Sam Ortiz', email: uniqueEmail('sam', project) },
    { name: 'Lee Ortiz', email: uniqueEmail('lee', project) },
  ]);

  await signInAs(page, 'admin@demo.parley.test');
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await followNav(page, 'Court users');
  await expect(page.getByRole('heading', { level: 1, name: 'Court users' })).toBeVisible();
  const invite = page.getByRole('region', { name: 'Invite a court user' });
  // A missing circuit is named.
  const clerkEmail = uniqueEmail('clerk', project);
  await invite.getByLabel('Name').fill(clerkName);
  await invite.getByLabel('E-mail').fill(clerkEmail);
  await invite.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(invite.getByLabel('Circuit')).toHaveAccessibleDescription(/Choose the circuit/);
  await invite.getByLabel('Circuit').selectOption('16');
  await invite.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(invite.getByText(`Invitation sent to ${clerkEmail}.`, { exact: false })).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Invitations not accepted' });
  await expect(waiting.getByText(clerkEmail, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'court-users-invited');

  // The clerk follows the e-mailed link, creates an account and sees the circuit's cases.
  const clerk = await besidePage(browser, page);
  const message = await openLatestEmail(clerk, clerkEmail, /16th Judicial Circuit/);
  await message.getByRole('link', { name: /invitation/ }).click();
  await expect(clerk.getByText(/court clerk or judge’s staff in the 16th Judicial Circuit/)).toBeVisible();
  await clerk.getByLabel('Choose a password').fill('a long clerk password');
  await clerk.getByRole('button', { name: 'Accept and create my account' }).click();
  await expect(clerk.getByText(/You are now a court clerk or judge’s staff in the 16th/)).toBeVisible();
  await followNav(clerk, 'Referred cases');
  await expect(clerk.getByRole('link', { name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();
  // The clerk finds the case by a party's name: the other referrals are not among those found.
  await clerk.getByLabel('Search cases').fill('ortiz');
  await clerk.getByRole('button', { name: 'Find cases' }).click();
  await expect(clerk).toHaveURL(/q=ortiz/);
  await expect(clerk.getByRole('link', { name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();
  await expect(clerk.getByRole('link', { name: /Pat Lane/ })).toHaveCount(0);
  await expectNoAxeViolations(clerk);
  await shot(clerk, 'court-users-clerk-cases');

  // The administrator sees the clerk with access, and removes them.
  await page.reload();
  const access = page.getByRole('region', { name: 'Who has access' });
  await expect(access.getByText(clerkEmail, { exact: false })).toBeVisible();
  await access.getByRole('button', { name: `Remove ${clerkName}` }).click();
  await expect(
    access.getByText(`${clerkName} no longer sees the cases of the 16th Judicial Circuit.`),
  ).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByText(/for a court’s clerk or judge’s staff/)).toBeVisible();
  await clerk.context().close();
});
