import { expect, type Page, test } from '@playwright/test';
import { DISTRICT, downloadedPdfText } from './api.ts';
import {
  expectNoAxeViolations,
  expectSignedIn,
  followNav,
  openLatestEmail,
  openPanel,
  signInAs,
  signOut,
} from './support.ts';

const SHOTS = 'test-results/screenshots/cases';

/** Calm answers to the special-education screening: the parent's questions and the district's. */
const CALM_PARENT: [RegExp, 'Yes' | 'No'][] = [
  [/comfortable meeting the district/, 'Yes'],
  [/worries you for your safety/, 'No'],
  [/what your child needs/, 'Yes'],
  [/need an accommodation/, 'No'],
  [/someone with you/, 'No'],
  [/listen to the district’s view/, 'Yes'],
  [/address and phone number/, 'No'],
];
const CALM_DISTRICT: [RegExp, 'Yes' | 'No'][] = [
  [/sign an agreement for the district/, 'Yes'],
  [/staff who know the student/, 'Yes'],
  [/coming for the district need an accommodation/, 'No'],
  [/safety concern/, 'No'],
  [/share the records/, 'Yes'],
];

async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
}

async function expectStep(page: Page, step: string) {
  await expect(page.getByText(/^Step now:/)).toContainText(step);
}

async function openCase(page: Page, reference: string) {
  await followNav(page, 'My cases');
  await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^${reference}:`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Case ${reference}` })).toBeVisible();
}

async function answerScreening(page: Page, calm: [RegExp, 'Yes' | 'No'][]) {
  // Special education asks in a parent's and a school's terms: no domestic-violence questions.
  await expect(page.getByText(/hurt, threatened or controlled|protection order/)).toHaveCount(0);
  for (const [question, answer] of calm) {
    await page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByText('Your answers are saved')).toBeVisible();
}

test('a parent asks for special-education mediation and the case becomes ready to schedule', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const districtEmail = `director-${project}-${Date.now()}@riverside.example`;

  // The parent asks for mediation.
  await signInAs(page, 'parent@demo.parley.test');
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for mediation' })).toBeVisible();
  await page.getByLabel('Missouri Special Education Mediation (DESE)').check();
  await page.getByLabel('Your child’s name').fill('Maya Lopez');
  await page.getByLabel('School (optional)').fill('Riverside Elementary');
  // Riverside is not on the program's list of districts: its name is typed instead.
  await page.getByLabel('School district').selectOption({ label: 'My district is not on the list' });
  await page.getByLabel('Name of your school district').fill(DISTRICT);
  // Sending without the categories and the request names what is missing.
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Evaluation', { exact: true }).check();
  await page.getByLabel('Provision of services (FAPE and related services)').check();
  await page
    .getByLabel('Tell us briefly what happened')
    .fill('The school stopped Maya’s speech therapy without an IEP meeting.');
  await page.getByLabel('Name of the district’s contact person').fill('Dana Director');
  await page.getByLabel('Their e-mail address').fill(districtEmail);
  await page.getByLabel(/I am asking for state-sponsored mediation/).check();
  await shot(page, '01-request', project);
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Case SE-/ })).toBeVisible();
  const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
    'Case ',
    '',
  );
  await expectStep(page, 'Waiting for the other side');
  await expectNoAxeViolations(page);
  await shot(page, '02-case-requested', project);

  // The request letter names the student, the district, the categories and the request.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the request letter (PDF)' }).click(),
  ]);
  const letter = await downloadedPdfText(download);
  expect(letter).toContain('Maya Lopez');
  expect(letter).toContain(DISTRICT);
  expect(letter).toContain('Evaluation');
  expect(letter).toContain('Provision of services');
  expect(letter).toMatch(/requesting state-sponsored mediation/);
  await signOut(page);

  // The district's representative accepts by the e-mailed link, through the demo mailbox.
  const invite = await openLatestEmail(page, districtEmail, /state mediation/);
  // The e-mail says what the request is about in general words, never the parent's own.
  await expect(invite).toContainText('The disagreement is about: Evaluation; Provision of services');
  await expect(invite).not.toContainText('speech therapy');
  await invite.getByRole('link', { name: /invitation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are invited' })).toBeVisible();
  // The page says what the request is about, who asked, and what each answer means under DESE's rules.
  const request = page.getByRole('region', { name: 'What the request is about' });
  await expect(request).toContainText('Maya Lopez');
  await expect(request).toContainText('Evaluation; Provision of services');
  await expect(request).toContainText('stopped Maya’s speech therapy');
  await expect(page.getByRole('region', { name: 'Your answer' })).toContainText(
    `Mediation is voluntary: ${DISTRICT} may say yes or no`,
  );
  const no = page.getByRole('region', { name: 'Or say no' });
  await expect(no).toContainText('the case closes');
  await expect(no).toContainText('They can file a due process complaint');
  await expect(page.getByText('When the court sent the case')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, '02b-invitation', project);
  await page.getByLabel('Choose a password').fill('district representative password');
  await expect(page.getByRole('button', { name: 'No, do not take part' })).toBeVisible();
  // One decision: accepting is the district's yes, and the case goes on to the private questions.
  await page.getByRole('button', { name: 'Yes, take part in mediation and create my account' }).click();
  await expectSignedIn(page);
  await expect(page.getByRole('heading', { level: 1, name: `Case ${reference}` })).toBeVisible();
  await expect(page.getByText('Thank you: you said yes to mediation.', { exact: false })).toBeVisible();
  await expectStep(page, 'Screening');
  await expect(page.getByRole('button', { name: /agree to mediate/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await answerScreening(page, CALM_DISTRICT);
  await shot(page, '03-district-screening', project);
  await signOut(page);

  // The parent's home shows the case, its stage and their next step.
  await signInAs(page, 'parent@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  const mine = page.getByRole('listitem').filter({ hasText: reference });
  await expect(mine).toContainText('Your turn: Answer a few private questions');
  await expectNoAxeViolations(page);
  await shot(page, '03b-parent-home', project);
  await openCase(page, reference);
  await answerScreening(page, CALM_PARENT);
  await signOut(page);
  await signInAs(page, 'coordinator@demo.parley.test');
  // The coordinator's home is the program's work queue; the case is found by its number.
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await openPanel(page, 'Search and filters');
  const find = page.getByRole('form', { name: 'Find cases' });
  await find.getByRole('searchbox', { name: 'Search' }).fill(reference);
  await find.getByRole('button', { name: 'Show cases' }).click();
  await expectNoAxeViolations(page);
  await page
    .getByRole('main')
    .getByRole('link', { name: new RegExp(reference) })
    .first()
    .click();
  // Safeguards fit each place: a quick-exit button is offered for the parent, never for the district.
  const safeguards = page.getByRole('group', { name: 'Safeguards (if any)' });
  await expect(safeguards.getByLabel(/quick-exit/)).toHaveCount(1);
  await expect(safeguards.getByLabel(/quick-exit button on their pages for Jordan Reyes/)).toHaveCount(1);
  await page.getByRole('button', { name: 'Go ahead with mediation' }).click();
  await expectStep(page, 'Choosing a mediator');
  await signOut(page);

  // Both pick mediators; a mediator employed by the district is not on the list.
  await signInAs(page, 'parent@demo.parley.test');
  await openCase(page, reference);
  // Special education bars attorneys from the sessions: the case does not offer one to add.
  const comesAs = page.getByLabel('They come as');
  await expect(comesAs.locator('option', { hasText: 'Advocate' })).toHaveCount(1);
  await expect(comesAs.locator('option', { hasText: 'Attorney' })).toHaveCount(0);
  await expect(page.getByLabel('This person is a lawyer')).toHaveCount(0);
  const list = page.getByRole('group', { name: 'Mediators you would accept' });
  await expect(list.getByLabel('Helen Park')).toBeVisible();
  await expect(list.getByLabel('Taylor Brooks')).toHaveCount(0);
  await list.getByLabel('Helen Park').check();
  await list.getByLabel('Elena Ortiz').check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByText('We are waiting for the other side')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '04-picks', project);
  await signOut(page);
  await signInAs(page, districtEmail, 'district representative password');
  await openCase(page, reference);
  await page.getByRole('group', { name: 'Mediators you would accept' }).getByLabel('Helen Park').check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByText(/We asked Helen Park/)).toBeVisible();
  await signOut(page);

  // The mediator accepts and discloses no conflict.
  await signInAs(page, 'mediator@demo.parley.test');
  await openCase(page, reference);
  await page.getByLabel('I have no conflict of interest to disclose').check();
  await page.getByRole('button', { name: 'Accept this case' }).click();
  await expectStep(page, 'Signing the Agreement to Mediate');
  await expectNoAxeViolations(page);
  await signOut(page);

  // Both sign the Agreement to Mediate.
  for (const [email, password, name] of [
    ['parent@demo.parley.test', undefined, 'Jordan Reyes'],
    [districtEmail, 'district representative password', 'Dana Director'],
  ] as const) {
    await signInAs(page, email, password);
    await openCase(page, reference);
    await expect(page.getByText('Conflicts of interest: No conflict of interest.')).toBeVisible();
    await expect(page.getByRole('document', { name: 'Agreement to Mediate text' })).toContainText(
      '20 U.S.C. 1415(e)(2)(G)',
    );
    await page.getByLabel('I agree to sign this electronically.').check();
    await page.getByLabel('I have read the Agreement to Mediate and I want to sign it.').check();
    await page.getByLabel('Type your full name to sign').fill(name);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign the Agreement to Mediate' }).click();
    // The signature is confirmed with what follows: the others' signatures, or the schedule.
    await expect(
      page.getByText(
        email === districtEmail ? /^Signed\. Everyone has signed now/ : /^Signed\. We will e-mail you/,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: new RegExp(`^${name} \\(.*\\): signed`) }),
    ).toBeVisible();
    if (email !== districtEmail) await signOut(page);
  }

  // Ready to schedule, with the DESE deadlines shown in Missouri time.
  await expectStep(page, 'Ready to schedule');
  const deadlines = page.getByRole('region', { name: 'Deadlines' });
  await expect(deadlines).toContainText('First session scheduled (a date set): by');
  await expect(deadlines).toContainText('Mediation completed: by');
  await expect(deadlines).toContainText('(Missouri time)');
  await expectNoAxeViolations(page);
  await shot(page, '05-ready', project);

  // From the case page, the next steps of the mediation are one click away.
  const steps = page.getByRole('region', { name: 'Your mediation, step by step' });
  await expect(steps.getByRole('link', { name: 'Preparation' })).toBeVisible();
  await expect(steps.getByRole('link', { name: 'My private notes' })).toHaveCount(0);
  await steps.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
});

test('the district says no from the e-mailed link, without an account, and the parent is told what to do next', async ({
  page,
}, info) => {
  const project = info.project.name;
  const districtEmail = `no-thanks-${project}-${Date.now()}@riverside.example`;
  await signInAs(page, 'parent@demo.parley.test');
  const programs = (await (await page.request.get('/api/v1/programs')).json()) as {
    id: string;
    kind: string;
  }[];
  const csrf = (await page.context().cookies()).find((c) => c.name === 'parley_csrf')?.value ?? '';
  const created = await page.request.post('/api/v1/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      form: 'special_education',
      programId: programs.find((p) => p.kind === 'special_education')!.id,
      respondent: { name: 'Dana Director', email: districtEmail, organization: DISTRICT },
      description: 'Maya needs a new reading evaluation.',
      student: { name: 'Maya Lopez' },
      district: { name: DISTRICT },
      categories: ['evaluation'],
      requestStateMediation: true,
    },
  });
  const { reference } = (await created.json()) as { reference: string };
  await signOut(page);

  const invite = await openLatestEmail(page, districtEmail, /state mediation/);
  await invite.getByRole('link', { name: /invitation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are invited' })).toBeVisible();
  await page.getByLabel('Why? (optional)').fill('We will hold an IEP meeting first.');
  await shot(page, '06-decline', project);
  await page.getByRole('button', { name: 'No, do not take part' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You said no' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInAs(page, 'parent@demo.parley.test');
  await openCase(page, reference);
  await expectStep(page, 'Closed: declined');
  await expect(page.getByRole('region', { name: 'What you can do next' })).toContainText('due process');
  const told = await openLatestEmail(page, 'parent@demo.parley.test', /said no to mediation/);
  await expect(told).toContainText('Dana Director decided not to take part');
});
