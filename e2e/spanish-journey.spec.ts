import { expect, type Page, test } from '@playwright/test';
import { missouriDate } from '../domain/missouri-time.ts';
import {
  agreementSent,
  apiAs,
  call,
  DISTRICT,
  downloadedPdfText,
  requestOnToAgreementToMediate,
  signAgreement,
  signAgreementToMediate,
} from './api.ts';
import { expectPageIn, journeyShots, openLatestEmail, uniqueEmail } from './support.ts';

/**
 * A Spanish-speaking parent's whole mediation in Spanish (issue 19), from the first visit to the
 * signed agreement's PDF: she turns Parley to Spanish, signs up, asks for IEP mediation, reads the
 * e-mail that says it arrived, signs the Agreement to Mediate, later signs the written agreement,
 * and downloads it. The district's representative and the mediator act through the API.
 */
const SHOTS = 'test-results/screenshots/spanish-journey';
const DAY = 86_400_000;

/** Every page she passes through: in Spanish, and clean under axe. */
const checkPage = (page: Page) => expectPageIn(page, 'es-US');

test('a parent asks for IEP mediation in Spanish and carries it through to the signed agreement’s PDF', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(300_000);
  const shot = journeyShots(SHOTS, info);
  const project = info.project.name;
  const rosa = {
    name: 'Rosa Hernández',
    email: uniqueEmail('rosa-iep', project),
    password: 'una contraseña bastante larga',
  };
  const districtEmail = uniqueEmail('director-iep', project);

  // Parley in Spanish, from the switch in the header; she signs up in Spanish.
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await checkPage(page);
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Crear una cuenta' })).toBeVisible();
  await page.getByLabel('Su nombre').fill(rosa.name);
  await page.getByLabel('Correo electrónico').fill(rosa.email);
  await page.getByLabel('Contraseña').fill(rosa.password);
  await checkPage(page);
  await shot(page, 'sign-up');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revise su correo electrónico' })).toBeVisible();
  await checkPage(page);
  const confirm = await openLatestEmail(page, rosa.email, /Confirme su correo electrónico/);
  await confirm.getByRole('link', { name: /verify-email/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Su correo electrónico está confirmado' }),
  ).toBeVisible();
  await checkPage(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await checkPage(page);
  await page.getByLabel('Correo electrónico').fill(rosa.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(rosa.password);
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(
    page.getByRole('banner').getByRole('button', { name: 'Cerrar sesión', includeHidden: true }),
  ).toBeAttached();

  // The request: special-education mediation with a district that is not on the list.
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Pedir una mediación' })).toBeVisible();
  await page.getByLabel('Missouri Special Education Mediation (DESE)').check();
  await page.getByLabel('Nombre de su hijo o hija').fill('Mateo Hernández');
  await page.getByLabel('Distrito escolar').selectOption({ label: 'Mi distrito no está en la lista' });
  await page.getByLabel('Nombre de su distrito escolar').fill(DISTRICT);
  await page.getByLabel('Nombre de la persona de contacto del distrito').fill('Dana Director');
  await page.getByLabel('Correo electrónico de esa persona').fill(districtEmail);
  await page.getByLabel('Evaluación', { exact: true }).check();
  await page
    .getByLabel('Cuéntenos brevemente qué pasó')
    .fill('La escuela dejó de evaluar la lectura de Mateo sin una reunión del IEP.');
  await page.getByLabel('Su número de teléfono').fill('573-555-0142');
  await page.getByLabel(/Pido una mediación patrocinada por el estado/).check();
  await checkPage(page);
  await shot(page, 'request');
  await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
  await expect(page).toHaveURL(/\/cases\/(?!new$)[^/]+$/);
  const caseId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: /^Caso / })).toBeVisible();
  await checkPage(page);

  // The e-mail that says it arrived, in her language.
  const received = await openLatestEmail(page, rosa.email, /Recibimos su solicitud/);
  await expect(received).toContainText('Hola, Rosa Hernández:');
  await checkPage(page);
  await shot(page, 'received');

  // The district's representative says yes, screening and the choice of mediator go by, and the
  // representative signs the Agreement to Mediate: her signature is the one it waits for.
  const parent = await apiAs(playwright, baseURL!, rosa.email, rosa.password);
  const { c, district, mediator } = await requestOnToAgreementToMediate(playwright, baseURL!, {
    caseId,
    districtEmail,
    parent,
  });
  await signAgreementToMediate(district, c, 'Dana Director');

  await page.goto(`/cases/${caseId}`);
  const atm = page.getByRole('region', { name: 'Acuerdo para Mediar' });
  const atmText = atm.getByRole('document', { name: 'Texto del Acuerdo para Mediar' });
  await expect(atmText).toHaveAttribute('lang', 'es-US');
  await expect(atmText.getByRole('heading', { name: 'Acuerdo para Mediar' })).toBeVisible();
  await atm.getByLabel('Acepto firmar esto de forma electrónica.').check();
  await atm.getByLabel('Leí el Acuerdo para Mediar y quiero firmarlo.').check();
  await atm.getByLabel('Escriba su nombre completo para firmar').fill(rosa.name);
  await checkPage(page);
  await shot(page, 'agreement-to-mediate');
  await atm.getByRole('button', { name: 'Firmar el Acuerdo para Mediar' }).click();
  await expect(atm.getByText(/^Firmado\. Ya firmaron todos/)).toBeVisible();
  await checkPage(page);

  // Later: a session is set (early morning, a day of its own for each screen size, an hour no
  // other journey books for the same mediator), the mediator writes the agreement and sends it,
  // and the district's representative signs first.
  const now = new Date(
    ((await (await call(mediator, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string }).now,
  );
  await call(mediator, 'POST', `${c}/sessions`, {
    kind: 'joint',
    date: missouriDate(new Date(now.getTime() + (project === 'phone' ? 45 : 44) * DAY)),
    time: '05:05',
    minutes: 60,
    place: { kind: 'video', url: 'https://video.example/hernandez' },
  });
  await agreementSent(mediator, c, {
    templateId: 'evaluation',
    text: 'The district pays for an outside reading evaluation.',
    responsible: DISTRICT,
  });
  await signAgreement(district, c, 'Dana Director');

  // The e-mail that the agreement is ready, in Spanish, leads her back to her case and its step.
  const ready = await openLatestEmail(page, rosa.email, /un borrador del acuerdo está listo para leer/);
  await expect(ready).toContainText('La versión 1 de su acuerdo por escrito está lista.');
  await ready.getByRole('link', { name: new RegExp(`/cases/${caseId}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Caso / })).toBeVisible();
  await page
    .getByRole('region', { name: 'Su mediación, paso a paso' })
    .getByRole('link', { name: 'Acuerdo por escrito' })
    .click();

  // She reads the written agreement, marked as Spanish text, and signs it.
  await expect(page.getByRole('heading', { level: 1, name: 'Acuerdo por escrito' })).toBeVisible();
  const text = page.getByRole('document', { name: 'Texto del acuerdo' });
  await expect(text).toHaveAttribute('lang', 'es-US');
  await expect(text.getByRole('heading', { level: 3, name: 'Términos' })).toBeVisible();
  await checkPage(page);
  await shot(page, 'agreement');
  await page.getByRole('button', { name: 'Ya leí el acuerdo. Seguir para firmar' }).click();
  const sign = page.getByRole('form', { name: 'Firmar la versión 1' });
  for (const box of await sign.getByRole('checkbox').all()) await box.check();
  await sign.getByLabel('Escriba su nombre completo para firmar').fill(rosa.name);
  await checkPage(page);
  await sign.getByRole('button', { name: 'Firmar el acuerdo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Usted firmó el acuerdo' })).toBeVisible();
  await checkPage(page);
  await shot(page, 'signed');

  // The signed agreement's PDF, downloaded as she would: Spanish headings and clauses.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Descargar su copia (PDF)' }).click(),
  ]);
  const pdf = await downloadedPdfText(download);
  for (const words of [
    'Acuerdo de Mediación',
    'Términos',
    'Confidencialidad',
    'Quién firma',
    'Rosa Hernández',
  ])
    expect(pdf).toContain(words);
  expect(pdf).toMatch(/Firmó el texto en español, SHA-256: [0-9a-f]{64}/);
  expect(pdf).not.toContain('Who signs');
  expect(pdf).not.toContain('Terms');
});
