import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import {
  type Api,
  DISTRICT,
  DISTRICT_PASSWORD,
  downloadedPdfText,
  mailsTo,
  type Playwright,
  pdfText,
  readyToScheduleCase,
} from './api.ts';
import { expectNoAxeViolations, journeyShots, personPage, signInAs } from './support.ts';

/**
 * Part 2 of the special-education case. Part 1's journey (parent-special-education.spec.ts) takes a
 * case to "ready to schedule" in the browser; this journey sets up the same kind of case through
 * the API (the same steps, quickly) and drives everything after it in the browser.
 */
const SHOTS = 'test-results/screenshots/mediation';

/** A special-education case brought to "ready to schedule" through the API. */
async function readyCase(playwright: Playwright, baseURL: string, districtEmail: string) {
  const ready = await readyToScheduleCase(playwright, baseURL, {
    districtEmail,
    categories: ['evaluation', 'provision_of_services', 'educational_placement'],
  });
  return { caseId: ready.caseId, reference: ready.reference, mailbox: ready.coordinator };
}
const mailTo = async (ctx: Api, to: string, template: string) => (await mailsTo(ctx, to, template))[0]!;

/** A Missouri date and time a number of hours from an instant, on the hour. */
function missouriSlot(from: Date, hours: number) {
  const at = new Date(Math.floor((from.getTime() + hours * 3_600_000) / 3_600_000) * 3_600_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { at, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test('a mediator takes a special-education case from scheduling to a partial agreement the state program receives', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const shot = journeyShots(SHOTS, info);
  const districtEmail = `director-${project}-${Date.now()}@riverside.example`;
  const { caseId, mailbox } = await readyCase(playwright, baseURL!, districtEmail);
  const c = `/cases/${caseId}`;

  // Both parties complete their preparation (only they and the mediator can read it).
  await signInAs(page, 'parent@demo.parley.test');
  const parent = page;
  // Each step starts from the case page.
  await parent.goto(c);
  await parent
    .getByRole('region', { name: 'Your mediation, step by step' })
    .getByRole('link', { name: 'Preparation' })
    .click();
  await expect(parent.getByRole('heading', { level: 1, name: 'Get ready for mediation' })).toBeVisible();
  await parent
    .getByLabel('What happened, in your words?')
    .fill('Maya’s speech therapy stopped in January without a meeting.');
  await parent.getByLabel('What do you hope for?').fill('Therapy back twice a week and a new evaluation.');
  await parent.getByLabel('What worries you?').fill('She is falling behind in reading.');
  await parent.getByLabel('Do you have ideas to fix it?').fill('An outside evaluator.');
  await parent.getByRole('button', { name: 'Save my preparation' }).click();
  await expect(parent.getByText('Your preparation is saved.')).toBeVisible();
  await expectNoAxeViolations(parent);
  await shot(parent, '01-preparation');
  const district = await personPage(browser, parent, districtEmail, DISTRICT_PASSWORD);
  await district.goto(`${c}/preparation`);
  await district.getByLabel('What happened, in your words?').fill('Services paused while staff changed.');
  await district.getByLabel('What do you hope for?').fill('A plan the school can deliver.');
  await district.getByRole('button', { name: 'Save my preparation' }).click();
  await expect(district.getByText('Your preparation is saved.')).toBeVisible();

  // The mediator reads both, then sets a joint session: a calendar file goes out, and a reminder the day before.
  const mediator = await personPage(browser, parent, 'mediator@demo.parley.test');
  await mediator.goto(`${c}/preparation`);
  await expect(mediator.getByText('Therapy back twice a week and a new evaluation.')).toBeVisible();
  await expect(mediator.getByText('A plan the school can deliver.')).toBeVisible();
  await expectNoAxeViolations(mediator);
  const now = new Date(
    (
      (await (
        await mailbox.post('/api/v1/dev/clock', {
          headers: {
            'x-csrf-token': (await mailbox.storageState()).cookies.find((k) => k.name === 'parley_csrf')!
              .value,
          },
          data: {},
        })
      ).json()) as { now: string }
    ).now,
  );
  const slot = missouriSlot(now, project === 'desktop' ? 18 : 21);
  // The mediator brings in a co-mediator from the case page, then opens the sessions from it.
  await mediator.goto(c);
  const coMediators = mediator.getByRole('region', { name: 'Co-mediators' });
  await coMediators.getByLabel('Bring in a co-mediator').selectOption({ label: 'Elena Ortiz' });
  await coMediators.getByRole('button', { name: 'Add as co-mediator' }).click();
  await expect(coMediators).toContainText('Working with you: Elena Ortiz.');
  await expectNoAxeViolations(mediator);
  await shot(mediator, '02a-case-page');
  await mediator
    .getByRole('region', { name: 'Your mediation, step by step' })
    .getByRole('link', { name: 'Sessions' })
    .click();
  await expect(mediator.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await mediator.getByLabel('Date').fill(slot.date);
  await mediator.getByLabel('Start time').fill(slot.time);
  await mediator.getByLabel('Length in minutes').fill('120');
  await mediator.getByLabel('Address of a neutral place').fill('205 Jefferson St, Jefferson City MO 65101');
  await mediator.getByLabel('Room (optional)').fill('Room 4B');
  await mediator.getByLabel('Access notes (optional)').fill('Step-free entrance on Jefferson St');
  await mediator.getByRole('button', { name: 'Set the session' }).click();
  await expect(mediator.getByText(/^Session set for/)).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, '02-session');
  const invite = await mailTo(mailbox, 'parent@demo.parley.test', 'session-invite');
  const ics = await (await mailbox.get(`/api/v1/dev/mailbox/${invite.id}/attachments/0`)).text();
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
  expect(event.startDate.toJSDate().toISOString()).toBe(slot.at.toISOString());
  expect(event.location).toContain('Room 4B');
  const csrf = (await mailbox.storageState()).cookies.find((k) => k.name === 'parley_csrf')!.value;
  await mailbox.post('/api/v1/dev/clock', {
    headers: { 'x-csrf-token': csrf },
    data: { advanceMs: 16 * 60_000 },
  });
  const reminder = await mailTo(mailbox, districtEmail, 'session-reminder');
  expect(reminder.subject).toContain('reminder');

  // Issues and options are worked in the session; the district keeps one option private, then releases it.
  await mediator.goto(`${c}/issues`);
  await expect(mediator.getByRole('heading', { level: 1, name: 'Issues and options' })).toBeVisible();
  for (const issue of [
    'Evaluation',
    'Provision of services (FAPE and related services)',
    'Educational placement',
  ]) {
    await mediator.getByLabel('From the program’s list').selectOption({ label: issue });
    await mediator.getByRole('button', { name: 'Add this issue' }).click();
    await expect(mediator.getByRole('heading', { level: 2, name: issue })).toBeVisible();
  }
  await parent.goto(`${c}/issues`);
  const evaluation = parent.getByRole('region', { name: 'Evaluation' });
  await evaluation.getByLabel('An idea for “Evaluation”').fill('An outside evaluator chosen together');
  await evaluation.getByRole('button', { name: 'Add this option' }).click();
  await expect(evaluation.getByText('An outside evaluator chosen together')).toBeVisible();
  await district.goto(`${c}/issues`);
  const services = district.getByRole('region', {
    name: 'Provision of services (FAPE and related services)',
  });
  await services.getByLabel(/An idea for/).fill('Make-up therapy sessions over the summer');
  await services.getByLabel('Only the mediator, for now').check();
  await services.getByRole('button', { name: 'Add this option' }).click();
  await expect(services.getByText('Private')).toBeVisible();
  await expect(mediator.getByText('Make-up therapy sessions over the summer')).toBeVisible();
  await expect(parent.getByText('Make-up therapy sessions over the summer')).toHaveCount(0);
  await expectNoAxeViolations(district);
  await shot(district, '03-private-option');
  await services.getByRole('button', { name: /Share “Make-up therapy/ }).click();
  // The parent's board refreshes by itself.
  await expect(parent.getByText('Make-up therapy sessions over the summer')).toBeVisible({ timeout: 15_000 });
  await mediator.getByLabel('Where “Evaluation” stands').selectOption('agreed');
  await mediator
    .getByLabel('Where “Provision of services (FAPE and related services)” stands')
    .selectOption('agreed');
  await mediator.getByLabel('Where “Educational placement” stands').selectOption('not_agreed');
  await expect(
    parent.getByRole('region', { name: 'Educational placement' }).getByText('Not agreed'),
  ).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(parent);
  await shot(parent, '04-board');

  // The agreement settles two of the three issues, with dated and relative milestones; revised once.
  await mediator.goto(`${c}/agreement`);
  await expect(mediator.getByRole('heading', { level: 2, name: 'Write the agreement' })).toBeVisible();
  await mediator.getByLabel('Evaluation', { exact: true }).check();
  await mediator.getByLabel('Provision of services (FAPE and related services)', { exact: true }).check();
  await mediator.getByLabel('Issue for term 1').selectOption({ label: 'Evaluation' });
  await mediator
    .getByLabel('What was agreed (term 1)')
    .fill('The district pays for an outside speech and language evaluation.');
  await mediator.getByLabel('Who does it (term 1)').fill(DISTRICT);
  await mediator.getByRole('button', { name: 'Add another term' }).click();
  await mediator
    .getByLabel('Issue for term 2')
    .selectOption({ label: 'Provision of services (FAPE and related services)' });
  await mediator
    .getByLabel('What was agreed (term 2)')
    .fill('Maya receives speech therapy twice a week, 30 minutes each time.');
  await mediator.getByLabel('Who does it (term 2)').fill(DISTRICT);
  await mediator.getByRole('button', { name: 'Add a milestone' }).click();
  await mediator.getByLabel('What happens (milestone 1)').fill('Speech therapy services begin');
  await mediator.getByLabel('Who is responsible (milestone 1)').fill(DISTRICT);
  await mediator.getByLabel('Date (milestone 1)').fill('2027-03-03');
  await mediator.getByLabel('What shows it was done (milestone 1)').fill('Service log sent to the parent');
  await mediator.getByRole('button', { name: 'Add a milestone' }).click();
  await mediator.getByLabel('What happens (milestone 2)').fill('The evaluation is completed');
  await mediator.getByLabel('Who is responsible (milestone 2)').fill(DISTRICT);
  await mediator.getByLabel('When (milestone 2)').selectOption('days_after_signing');
  await mediator.getByLabel('Days (milestone 2)').fill('30');
  await mediator.getByLabel('What shows it was done (milestone 2)').fill('The evaluation report');
  await mediator.getByRole('button', { name: 'Save the draft' }).click();
  // Saving keeps the draft the mediator's own: a preview shows exactly what the parties will see.
  await expect(mediator.getByRole('document', { name: 'Preview of the agreement' })).toContainText(
    'within 30 days after everyone signs',
  );
  await expect(mediator.getByText('Your draft: only you can see it')).toBeVisible();
  await expect(
    mediator.getByText('Saved as version 1. Only you can see it until you send it for signature.'),
  ).toBeVisible();
  await expectNoAxeViolations(mediator);
  await parent.goto(`${c}/agreement`);
  await expect(parent.getByText('The mediator has not sent you the agreement yet.')).toBeVisible();
  await mediator.getByLabel('Days (milestone 2)').fill('21');
  await mediator.getByLabel('What changed in this version').fill('Evaluation within 21 days');
  await mediator.getByRole('button', { name: 'Save the new version' }).click();
  await expect(
    mediator.getByRole('heading', { name: 'What changed from version 1 to version 2' }),
  ).toBeVisible();
  await expect(mediator.locator('.m-diff del')).toContainText('within 30 days');
  await expect(mediator.locator('.m-diff ins')).toContainText('within 21 days');
  await expectNoAxeViolations(mediator);
  await shot(mediator, '05-agreement-diff');
  // Sending asks to confirm, naming who will be asked to sign.
  await mediator.getByRole('button', { name: 'Send for signature…' }).click();
  await expect(mediator.getByText(/Send version 2 to .*Jordan Reyes.* for signature\?/)).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, '05-agreement-send');
  await mediator.getByRole('button', { name: 'Yes, send it for signature' }).click();
  await expect(mediator.getByText('Version 2 is sent. The parties can read and sign it now.')).toBeVisible();
  await expect(mediator.getByRole('document', { name: 'Agreement text' })).toBeVisible();

  // The parent signs; the district's representative signs and attests authority to bind the district.
  for (const [p, name, attest] of [
    [parent, 'Jordan Reyes', false],
    [district, 'Dana Director', true],
  ] as const) {
    await p.goto(`${c}/agreement`);
    const doc = p.getByRole('document', { name: 'Agreement text' });
    await expect(doc).toContainText('may not be used as evidence');
    // A document to read: headings, the terms as a numbered list, advice before signing.
    await expect(doc.getByRole('heading', { level: 3, name: 'Terms' })).toBeVisible();
    await expect(doc.getByRole('listitem').filter({ hasText: 'Maya receives speech therapy' })).toBeVisible();
    await expect(p.getByRole('heading', { name: 'Before you sign' })).toBeVisible();
    await expect(p.getByText(/ask an advocate or an attorney to read it/)).toBeVisible();
    if (!attest) await shot(p, '06-agreement-to-read');
    // The boxes come after the whole document was shown.
    await expect(p.getByLabel('I have read the agreement and I want to sign it.')).toHaveCount(0);
    await p.getByRole('button', { name: 'I have read the agreement. Continue to sign' }).click();
    await p.getByLabel('I have read the agreement and I want to sign it.').check();
    await p.getByLabel(/legally binding once everyone has signed it/).check();
    await p.getByLabel('I agree to sign this electronically. My typed name is my signature.').check();
    if (attest)
      await p.getByLabel('I have the authority to bind the school district to this agreement.').check();
    if (!attest) {
      // A name that is not the signer's full name is refused, naming the field.
      await p.getByLabel('Type your full name to sign').fill('Jordan');
      await p.getByRole('button', { name: 'Sign the agreement' }).click();
      await expect(p.getByText(/type your full name as it is on your account/i).first()).toBeVisible();
      await expectNoAxeViolations(p);
      await shot(p, '06-agreement-name-refused');
    }
    await p.getByLabel('Type your full name to sign').fill(name);
    await expectNoAxeViolations(p);
    await p.getByRole('button', { name: 'Sign the agreement' }).click();
    await expect(p.getByRole('heading', { name: 'You signed the agreement' })).toBeVisible();
    await expect(p.getByText(new RegExp(`${name} \\(.*\\): signed`))).toBeVisible();
    if (!attest) {
      await expect(p.getByText(/Waiting for .* to sign/)).toBeVisible();
      await expectNoAxeViolations(p);
      await shot(p, '06-agreement-signed-confirmation');
      // The confirmation's download is the signed copy.
      const [copy] = await Promise.all([
        p.waitForEvent('download'),
        p.getByRole('link', { name: 'Download your copy (PDF)' }).click(),
      ]);
      expect(copy.suggestedFilename()).toMatch(/\.pdf$/);
      expect((await (await copy.createReadStream()).toArray()).join('').slice(0, 5)).toBe('%PDF-');
      // Printed, the page is the agreement alone: no navigation, forms or buttons.
      await p.emulateMedia({ media: 'print' });
      await expect(p.getByRole('navigation', { name: 'Main' })).toBeHidden();
      await expect(p.getByRole('button', { name: 'Print the agreement' })).toBeHidden();
      await expect(p.getByRole('heading', { name: 'Comments' })).toBeHidden();
      await expect(p.getByRole('document', { name: 'Agreement text' })).toBeVisible();
      await shot(p, '06-agreement-print');
      await p.emulateMedia({ media: 'screen' });
    }
  }
  await expect(district.getByText('Signed and in force')).toBeVisible();
  await shot(district, '06-signed');

  // The mediator closes the case as a partial agreement; the parties get their next steps.
  await mediator.goto(`${c}/outcome`);
  await mediator.getByLabel(/Partial agreement/).check();
  await mediator.getByRole('button', { name: 'Close the case' }).click();
  await expect(mediator.getByRole('heading', { level: 2, name: 'Closed: partial agreement' })).toBeVisible();
  await expectNoAxeViolations(mediator);
  await parent.goto(`${c}/outcome`);
  await expect(parent.getByText(/due process complaint/)).toBeVisible();
  await expectNoAxeViolations(parent);
  await shot(parent, '07-outcome');
  await parent.getByRole('link', { name: /Tell us how it went/ }).click();
  await expect(parent.getByRole('heading', { level: 1, name: 'How did it go?' })).toBeVisible();
  await expectNoAxeViolations(parent);

  // The state program receives its copy; its text holds the confidentiality statement, terms, milestones and signature page.
  const copy = await mailTo(mailbox, 'coordinator@demo.parley.test', 'agreement-program-copy');
  expect(copy.attachments[0]!.contentType).toBe('application/pdf');
  const text = pdfText(await (await mailbox.get(`/api/v1/dev/mailbox/${copy.id}/attachments/0`)).body());
  expect(text).toContain('may not be used as evidence in any later due process hearing');
  expect(text).toContain('Maya receives speech therapy twice a week');
  expect(text).toContain('Speech therapy services begin');
  expect(text).toContain('by March 3, 2027');
  expect(text).toContain('within 21 days after everyone signs');
  expect(text).toContain('Not settled by this agreement: Educational placement');
  expect(text).toContain('Signatures');
  expect(text).toContain('/s/ Dana Director');
  expect(text).toContain('authority to bind the school district');
  // And the parent downloads the same signed PDF from the page.
  const [download] = await Promise.all([
    parent.waitForEvent('download'),
    (async () => {
      await parent.goto(`${c}/agreement`);
      await expect(parent.getByText(/Everyone has signed, and the agreement is in force/)).toBeVisible();
      await parent.getByRole('link', { name: 'Download your copy (PDF)' }).click();
    })(),
  ]);
  expect(await downloadedPdfText(download)).toContain('/s/ Jordan Reyes');

  // After the session's time, the mediator records who came; the DESE first-session deadline was met
  // when the session was scheduled.
  await mailbox.post('/api/v1/dev/clock', {
    headers: { 'x-csrf-token': csrf },
    data: { advanceMs: Math.max(0, slot.at.getTime() - now.getTime()) + 60 * 60_000 },
  });
  const later = await personPage(browser, parent, 'mediator@demo.parley.test');
  await later.goto(`${c}/sessions`);
  const attendance = later.getByRole('group', { name: 'After the session: who came?' });
  await expect(attendance.getByLabel('Jordan Reyes')).toBeChecked();
  await later.getByRole('button', { name: 'Save: the session took place' }).click();
  await expect(later.getByText('Took place', { exact: true })).toBeVisible();
  await expect(later.getByText(/^Came: .*Jordan Reyes/)).toBeVisible();
  await expectNoAxeViolations(later);
  await shot(later, '08-attendance');
  await later.goto(c);
  await expect(later.getByRole('region', { name: 'Deadlines' })).toContainText(
    'Done. First session scheduled',
  );
});
