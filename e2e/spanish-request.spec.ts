import { expect, test } from '@playwright/test';
import { pdfText } from './api.ts';
import { expectNoAxeViolations, openLatestEmail, uniqueEmail } from './support.ts';

// A Spanish-speaking parent asks for special-education mediation in Spanish (issue 19): the form,
// the letter's preview, signing up on the form, the e-mail confirmation, and the letter itself.

const WORDS = {
  student: 'Mateo Hernández',
  school: 'Grant Elementary',
  district: 'Columbia Public Schools',
  description: 'Desde octubre la escuela redujo la ayuda de lectura de Mateo sin una reunión del IEP.',
  phone: '573-555-0199',
};

test('a parent asks for IEP mediation in Spanish, sees the letter, signs up on the form and sends it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('madre-iep', testInfo.project.name);
  const password = 'una contraseña bastante larga';
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');

  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Pedir una mediación' })).toBeVisible();
  await page.getByLabel('Missouri Special Education Mediation (DESE)').check();
  await expect(page.getByText('La mediación es gratis. El estado de Misuri la paga.')).toBeVisible();
  await page.getByLabel('Nombre de su hijo o hija').fill(WORDS.student);
  await page.getByLabel('Escuela (opcional)').fill(WORDS.school);
  await page.getByLabel('Distrito escolar').selectOption({ label: WORDS.district });
  await expect(page.getByText(`Enviamos su solicitud a ${WORDS.district} en`)).toBeVisible();
  await page.getByLabel('Evaluación', { exact: true }).check();
  await page.getByLabel('Ubicación educativa').check();
  await page.getByLabel('Cuéntenos brevemente qué pasó').fill(WORDS.description);
  await page.getByLabel('Su número de teléfono').fill(WORDS.phone);
  await page.getByLabel(/Pido una mediación patrocinada por el estado/).check();
  await expect(
    page.getByRole('status').filter({ hasText: 'Su solicitud se guarda en este navegador' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The letter, in Spanish before it is sent, its citations as they are.
  await page.getByRole('button', { name: 'Ver la carta' }).click();
  const letter = page.getByRole('region', {
    name: 'Solicitud de mediación de educación especial patrocinada por el estado',
  });
  await expect(letter).toContainText(
    `Solicito una mediación patrocinada por el estado con ${WORDS.district}`,
  );
  await expect(letter).toContainText('34 CFR 300.506');
  await expect(letter).toContainText(`Nombre: ${WORDS.student}`);
  await expect(letter.getByRole('listitem')).toHaveText(['Evaluación', 'Ubicación educativa']);
  await expect(letter).toContainText('Su nombre, Padre, madre o tutor');
  await expect(letter).toContainText('el número de caso se da al enviarla');
  await expectNoAxeViolations(page);

  // Sending asks for an account, on the page; the password's rule is said in Spanish.
  await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
  await expect(page.getByText('Su solicitud está lista. Para enviarla, inicie sesión')).toBeVisible();
  const account = page.getByRole('region', { name: 'Inicie sesión para enviar su solicitud' });
  await expect(
    account.getByRole('heading', { name: 'Inicie sesión para enviar su solicitud' }),
  ).toBeFocused();
  await account.getByLabel('Su nombre').fill('Rosa Hernández');
  await account.getByLabel('Correo electrónico').fill(email);
  await account.getByLabel('Elija una contraseña').fill('corta');
  await account.getByRole('button', { name: 'Crear mi cuenta' }).click();
  await expect(account.getByText('La contraseña necesita al menos 10 caracteres.')).toBeVisible();
  await account.getByLabel('Elija una contraseña').fill(password);
  await account.getByRole('button', { name: 'Crear mi cuenta' }).click();
  await expect(account.getByText(`Enviamos un enlace a ${email}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The confirmation, in Spanish from the e-mail to the page, leads back to the request.
  const message = await openLatestEmail(page, email, /Confirme su correo electrónico/);
  await expect(message).toContainText('Hola, Rosa Hernández:');
  await message.getByRole('link', { name: /verify-email/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Su correo electrónico está confirmado' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Volver a su solicitud' }).click();
  await expect(page.getByLabel('Cuéntenos brevemente qué pasó')).toHaveValue(WORDS.description);

  const again = page.getByRole('region', { name: 'Inicie sesión para enviar su solicitud' });
  await again.getByLabel('Sí, iniciar sesión').check();
  await again.getByLabel('Correo electrónico').fill(email);
  await again.getByLabel('Contraseña').fill(password);
  await again.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(again).toHaveCount(0);
  await expect(page.getByText(/Borrador guardado a las/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
  await expect(page).toHaveURL(/\/cases\/(?!new$)[^/]+$/);
  const caseId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');

  // The letter the program receives, as this parent downloads it: in her language.
  const pdf = await page.request.get(`/api/v1/cases/${caseId}/request-letter.pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  for (const words of [
    'Solicitud de mediación de educación especial patrocinada por el estado',
    `Nombre: ${WORDS.student}`,
    'Evaluación',
    'Ubicación educativa',
    WORDS.description,
    'RSMo 162.959',
  ])
    expect(text).toContain(words);

  // And the e-mail that says the request arrived.
  const received = await openLatestEmail(page, email, /Recibimos su solicitud/);
  await expect(received).toContainText('Puede descargar su carta de solicitud en la página del caso.');
});
