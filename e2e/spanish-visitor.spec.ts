import { expect, type Page, test } from '@playwright/test';
import { apiAs, call, listedMember } from './api.ts';
import { expectNoAxeViolations, uniqueEmail } from './support.ts';

// A Spanish-speaking visitor reads, without signing in, the privacy notice, the association's
// pages and a mediator's training in Spanish: `<html lang>` says so and every page is axe clean.

async function switchToSpanish(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
}

async function visitInSpanish(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await expectNoAxeViolations(page);
}

test('a visitor reads the privacy notice and the membership page in Spanish', async ({ page }) => {
  await switchToSpanish(page);
  await visitInSpanish(page, '/privacy', 'Aviso de privacidad');
  await expect(page.getByRole('heading', { name: 'Pedir una copia o borrar su cuenta' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sus datos' })).toHaveAttribute('href', '/account/data');
  await expect(page.getByRole('link', { name: 'página de contacto' })).toHaveAttribute('href', '/contact');

  await visitInSpanish(page, '/association', 'Hágase miembro de la Association of Missouri Mediators');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Tipos de membresía' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'cree una cuenta' })).toBeVisible();
  await expect(main.getByText(/^\$[\d,.]+ al año$/).first()).toBeVisible();
});

test('a visitor reads the path to becoming a mediator and a training in Spanish', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // Staff put a training on the calendar two months from the server's today: the journey reads its
  // own, which no other journey's moving clock has made past.
  const staff = await apiAs(playwright, baseURL!, 'staff@demo.parley.test');
  const { now } = (await (await call(staff, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string };
  const day = new Date(new Date(now).getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
  const title = `Family mediation training, ${testInfo.project.name} ${Date.now()}`;
  await call(staff, 'POST', '/api/v1/association/events', {
    kind: 'core_training',
    title,
    provider: 'Association of Missouri Mediators',
    sessions: [{ startsAt: `${day}T14:30:00.000Z`, endsAt: `${day}T22:30:00.000Z` }],
    place: 'Jefferson City, Missouri',
  });

  await switchToSpanish(page);
  await visitInSpanish(page, '/become-a-mediator', 'Hacerse mediador en Misuri');
  await expect(page.getByRole('heading', { name: 'El camino habitual' })).toBeVisible();

  // The association's links lead from page to page.
  await page
    .getByRole('navigation', { name: 'La asociación' })
    .getByRole('link', { name: 'Capacitaciones y eventos' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacitaciones y eventos' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cuándo y dónde' })).toBeVisible();
  // A visitor registers once signed in.
  await expect(page.getByRole('region', { name: 'Su lugar' })).toContainText(
    'Inicie sesión para inscribirse.',
  );
  await expectNoAxeViolations(page);
});

test('a visitor reads the jobs board and signs up for the newsletter in Spanish', async ({
  page,
}, testInfo) => {
  await switchToSpanish(page);
  await visitInSpanish(page, '/jobs', 'Empleos en mediación en Misuri');

  await visitInSpanish(page, '/newsletter', 'The Communicator');
  const email = uniqueEmail('lectora', testInfo.project.name);
  await page.getByLabel('Su correo electrónico').fill(email);
  await page.getByRole('button', { name: 'Suscribirme' }).click();
  await expect(page.getByText(`Enviamos un enlace a ${email}`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a visitor searches in Spanish, and a mediator’s training dates read in Spanish, in Missouri’s calendar', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // A mediator of the journey's own: her profile says "custody" and "Spanish", not "custodia".
  const stamp = String(Date.now()).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const surname = `Quintanilla${testInfo.project.name === 'phone' ? 'p' : 'd'}${stamp}`;
  const name = `Marisol ${surname}`;
  await listedMember(
    playwright,
    baseURL!,
    { name, email: uniqueEmail('marisol', testInfo.project.name) },
    {
      bio: 'I mediate custody and parenting plans, in English or Spanish.',
      areas: ['family', 'child_custody'],
      languages: ['en', 'es'],
      counties: ['29019'],
    },
    { provider: 'Association of Missouri Mediators', date: '2012-03-10', hours: 24, kind: 'civil_core' },
  );

  await switchToSpanish(page);
  await page.goto(`/find-a-mediator?q=${encodeURIComponent(`${surname} custodia español`)}`);
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const training = page.getByRole('table');
  await expect(training.getByRole('cell', { name: '10 de marzo de 2012' })).toBeVisible();
  await expect(training).not.toContainText('2012-03-10');
  await expectNoAxeViolations(page);
});
