import { expect, type Page, test } from '@playwright/test';
import { call, readyToScheduleCase } from './api.ts';
import { expectNoAxeViolations, signInAs } from './support.ts';

/**
 * A Spanish-speaking parent works in the case in Spanish (issue 19): the Documents page (upload a
 * file for the mediator only, read who sees it, download it) and the Messages page (read the
 * mediator's message with its Spanish date, answer it). The demo parent reads Spanish only for
 * this journey: the account goes back to English at the end, whatever happens, for the journeys
 * that follow.
 */
const WELCOME = 'Bienvenida. Puede escribirme aquí cuando quiera.';
const ANSWER = 'Gracias. El martes no puedo; ¿podría ser el jueves?';
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

test('a parent uploads a document and reads and answers a message in Spanish', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  test.setTimeout(150_000);
  const districtEmail = `es-workspace-${info.project.name}-${Date.now()}@riverside.example`;
  const { caseId, parent, mediator } = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail,
    categories: ['evaluation'],
  });
  await call(mediator, 'POST', `/api/v1/cases/${caseId}/threads/requester/messages`, { body: WELCOME });
  await signInAs(page, 'parent@demo.parley.test');
  await call(parent, 'PATCH', '/api/v1/account', { language: 'es-US' });
  try {
    await page.goto(`/cases/${caseId}/documents`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
    await expect(page.getByRole('heading', { level: 1, name: 'Documentos' })).toBeVisible();
    await expect(page.getByText('Todavía no hay archivos.')).toBeVisible();
    await expect(
      page.getByText(
        /^PDF, JPEG, PNG, WebP, Word \(\.docx\), OpenDocument \(\.odt\) o RTF, de hasta 10 MB\.$/,
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Archivo', { exact: true }).setInputFiles({
      name: 'Carta de la escuela.pdf',
      mimeType: 'application/pdf',
      buffer: LETTER,
    });
    await page.getByRole('radio', { name: 'Solo el mediador' }).check();
    await page.getByRole('button', { name: 'Subir el archivo' }).click();
    await expect(page.getByText('Su archivo se subió.')).toBeVisible();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Carta de la escuela.pdf' }) });
    await expect(card).toContainText('Lo subió usted · Quién lo ve: Solo el mediador');
    await expect(card.getByRole('link', { name: 'Descargar la versión 1' })).toBeVisible();
    await expect(card).toContainText(/menos de 1 KB, \d{1,2} [a-z]{3}\.? \d{4}/);
    await expectNoAxeViolations(page);

    await page.goto(`/cases/${caseId}/messages`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mensajes' })).toBeVisible();
    await expect(
      page.getByText(/^Solo leen los mensajes las personas que nombra cada conversación/),
    ).toBeVisible();
    const welcome = page.getByRole('listitem').filter({ hasText: WELCOME });
    await expect(welcome).toContainText(
      /Helen Park · \d{1,2} [a-z]{3}\.? \d{4}, \d{1,2}:\d{2}\s?[ap]\.\s?m\./,
    );
    await expectNoAxeViolations(page);
    // The conversation is named in Spanish, too.
    await expect(page.getByRole('region', { name: 'Usted y el mediador' })).toBeVisible();
    const write = page.getByLabel('Escriba un mensaje: Usted y el mediador');
    await write.fill(ANSWER);
    await page.getByRole('button', { name: 'Enviar el mensaje' }).first().click();
    await expect(page.getByText('Su mensaje se envió.')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: ANSWER })).toContainText('Usted ·');
    await expectNoAxeViolations(page);
  } finally {
    await call(parent, 'PATCH', '/api/v1/account', { language: 'en-US' });
  }
});

/** Opens the directory's filter panel if it is shut (it is, on a phone). */
async function openChoices(page: Page) {
  const panel = page.locator('details.directory-filter-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

test('a visitor finds a Spanish-speaking family mediator in Spanish and opens the profile', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await page.goto('/find-a-mediator');
  await expect(page.getByRole('heading', { level: 1, name: 'Buscar un mediador' })).toBeVisible();
  await openChoices(page);
  await page.getByRole('group', { name: 'Tipo de caso' }).getByLabel('Familia y asuntos domésticos').check();
  await page.getByLabel('Atiende este condado').selectOption({ label: 'Greene' });
  await page.getByRole('group', { name: 'Idiomas' }).getByLabel('Español').check();
  await page.getByLabel('Tarifas').selectOption({ label: 'Escala según ingresos' });
  await page.getByRole('button', { name: 'Buscar con estas opciones' }).click();
  await expect(page).toHaveURL(/language=es/);
  await expect(page.getByRole('status').filter({ hasText: /coincide/ })).toContainText(/se muestran \d+\./);
  const card = page.locator('.directory-card').first();
  await expect(card).toContainText('Español');
  await expect(card).toContainText('escala según ingresos');
  await expect(card).toContainText(/^.*(Atiende|Acepta|Por ahora)/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  await card.getByRole('link').first().click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Listas de tribunales y programas' }),
  ).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Idiomas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'normas de conducta para mediadores' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enviar el mensaje' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The contact page, from the footer, in Spanish too.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Contáctenos' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contáctenos' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'formulario de solicitud' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accesibilidad' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Declaración de accesibilidad' })).toBeVisible();
  await expectNoAxeViolations(page);
});
