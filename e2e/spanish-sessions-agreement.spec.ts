import { expect, test } from '@playwright/test';
import { formatMissouriDateTime } from '../domain/missouri-time.ts';
import {
  agreementSent,
  call,
  caseAtAgreementToMediate,
  DISTRICT,
  mailsTo,
  signAgreementToMediate,
  spanishParent,
} from './api.ts';
import { besidePage, expectNoAxeViolations, journeyShots } from './support.ts';

/**
 * A Spanish-speaking parent (issue 19) answers the times the mediator proposes from the link
 * e-mailed to them, without signing in, then sees their session and reads and signs the written
 * agreement, every page in Spanish with Missouri dates in Spanish words.
 */
const SHOTS = 'test-results/screenshots/spanish-sessions-agreement';
const DAY = 86_400_000;

/** The Missouri date some days after an instant. */
const missouriDay = (from: Date, days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
    new Date(from.getTime() + days * DAY),
  );

test('a Spanish-speaking parent answers the proposed times, sees the session and signs the agreement in Spanish', async ({
  browser,
  page,
  playwright,
  baseURL,
}, info) => {
  const shot = journeyShots(SHOTS, info);
  const project = info.project.name;
  const stamp = `${project}-${Date.now()}`;
  test.setTimeout(180_000);
  const parent = await spanishParent(playwright, baseURL!, `rosa-${stamp}@example.test`);
  const ready = await caseAtAgreementToMediate(playwright, baseURL!, {
    districtEmail: `distrito-${stamp}@riverside.example`,
    categories: ['evaluation'],
    parent,
  });
  await signAgreementToMediate(ready.parent, ready.c, parent.name);
  await signAgreementToMediate(ready.district, ready.c, 'Dana Director');
  const { c, mediator } = ready;
  const now = new Date(
    ((await (await call(mediator, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string }).now,
  );

  // The mediator proposes two late-evening times: an hour no other journey books for the same
  // mediator, as the shared test clock moves and days alone do not keep journeys apart.
  const base = project === 'phone' ? 40 : 36;
  const poll = (await (
    await call(mediator, 'POST', `${c}/polls`, {
      kind: 'joint',
      minutes: 90,
      place: { kind: 'video', url: 'https://video.example/riverside' },
      times: [0, 1].map((n) => ({ date: missouriDay(now, base + n), time: `21:${n}5` })),
    })
  ).json()) as { id: string; slots: { id: string; startsAt: string }[] };
  const [first, second] = poll.slots.map((s) => formatMissouriDateTime(s.startsAt, 'es-US'));

  // The parent opens the link from their e-mail in a browser where nobody is signed in, and
  // reads the page in Spanish from the switch on the page.
  const invite = (await mailsTo(mediator, parent.email, 'session-poll'))[0]!;
  const link = /\/poll#token=[A-Za-z0-9_-]+/.exec(invite.text)![0];
  const visitor = page;
  await visitor.goto(link);
  await visitor.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'es-US');
  await expect(visitor.getByRole('heading', { level: 1, name: '¿A qué horas puede asistir?' })).toBeVisible();
  await expect(visitor.getByText('Hola, Rosa Martínez.')).toBeVisible();
  await expect(
    visitor.getByRole('group', { name: 'Horas en el horario de Misuri (hora central)' }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor);
  await shot(visitor, 'poll-link');
  await visitor.getByRole('checkbox', { name: second! }).check();
  await visitor.getByRole('button', { name: 'Enviar mi respuesta' }).click();
  await expect(visitor.getByText('Gracias: su respuesta está guardada.')).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Cambiar mi respuesta' })).toBeVisible();
  await expectNoAxeViolations(visitor);

  // The mediator books the time the parent chose.
  const secondSlot = poll.slots[1]!.id;
  await call(mediator, 'POST', `${c}/polls/${poll.id}/book`, { timeId: secondSlot });

  // Signed in, the parent reads their session in Spanish.
  const rosa = await besidePage(browser, page);
  await rosa.goto('/sign-in');
  await rosa.getByLabel('E-mail address').fill(parent.email);
  await rosa.getByLabel('Password', { exact: true }).fill(parent.password);
  await rosa.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Her account's language: the page turns Spanish once she is signed in.
  await expect(
    rosa.getByRole('banner').getByRole('button', { name: 'Cerrar sesión', includeHidden: true }),
  ).toBeAttached();
  await rosa.goto(`/cases/${ready.caseId}/sessions`);
  await expect(rosa.locator('html')).toHaveAttribute('lang', 'es-US');
  await expect(rosa.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible();
  await expect(rosa.getByRole('heading', { level: 3, name: `Sesión conjunta: ${second}` })).toBeVisible();
  await expect(rosa.getByText('Unos 90 minutos.')).toBeVisible();
  await expect(rosa.getByText('Programada', { exact: true })).toBeVisible();
  await expect(rosa.getByRole('heading', { level: 2, name: 'Buscar una hora' })).toBeVisible();
  await expect(rosa.getByText(`Usted dijo que puede asistir: ${second}.`)).toBeVisible();
  await expect(rosa.getByText(first!)).toHaveCount(0);
  await expect(rosa.getByRole('button', { name: 'Pedir cambiar esta sesión' })).toBeVisible();
  await expectNoAxeViolations(rosa);
  await shot(rosa, 'sessions');

  // The mediator writes the agreement from the issue agreed on the board, and sends it.
  await agreementSent(mediator, c, {
    templateId: 'evaluation',
    text: 'The district pays for an outside speech and language evaluation.',
    responsible: DISTRICT,
    milestones: [
      {
        what: 'The evaluation is completed',
        responsible: DISTRICT,
        due: { kind: 'days_after_signing', days: 30 },
        evidence: 'The evaluation report',
      },
    ],
  });

  // The parent reads the whole agreement, then signs it, in Spanish.
  await rosa.goto(`/cases/${ready.caseId}/agreement`);
  await expect(rosa.getByRole('heading', { level: 1, name: 'Acuerdo por escrito' })).toBeVisible();
  await expect(rosa.getByText('Esperando las firmas')).toBeVisible();
  await expect(rosa.getByRole('heading', { level: 2, name: 'Antes de firmar' })).toBeVisible();
  await expect(rosa.getByRole('document', { name: 'Texto del acuerdo' })).toBeVisible();
  await expect(rosa.getByRole('heading', { level: 2, name: 'Quiénes firman' })).toBeVisible();
  await expect(rosa.getByText('Rosa Martínez (', { exact: false }).first()).toContainText('todavía no firmó');
  await expectNoAxeViolations(rosa);
  await shot(rosa, 'agreement');
  await rosa.getByRole('button', { name: 'Ya leí el acuerdo. Seguir para firmar' }).click();
  const sign = rosa.getByRole('form', { name: 'Firmar la versión 1' });
  await sign.getByRole('button', { name: 'Firmar el acuerdo' }).click();
  await expect(sign.getByRole('alert').first()).toBeVisible();
  await sign.getByRole('checkbox', { name: 'Leí el acuerdo y quiero firmarlo.' }).check();
  for (const box of await sign.getByRole('checkbox').all()) await box.check();
  await sign.getByLabel('Escriba su nombre completo para firmar').fill('Rosa Martínez');
  await expectNoAxeViolations(rosa);
  await shot(rosa, 'sign');
  await sign.getByRole('button', { name: 'Firmar el acuerdo' }).click();
  await expect(rosa.getByRole('heading', { level: 2, name: 'Usted firmó el acuerdo' })).toBeVisible();
  await expect(rosa.getByText(/^Usted firmó la versión 1 el .*, como Rosa Martínez\.$/)).toBeVisible();
  await expect(rosa.getByRole('link', { name: 'Descargar su copia (PDF)' })).toBeVisible();
  await expectNoAxeViolations(rosa);
  await shot(rosa, 'signed');
  await rosa.context().close();
});
