import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithStaff, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { attached } from '../../../test/uploads.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { seedStarterForms } from '../../db/seed/starter-forms.ts';
import { DAY } from '../../infra/clock.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { reviewMemberships } from '../membership/membership.jobs.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  ({ t, staff } = await appWithStaff());
});
afterAll(async () => t.close());

/** A form as staff upload it: a PDF whose title is `title`. */
const form = async (filename: string, title: string) =>
  attached(
    filename,
    await renderPdf({ title, blocks: [{ kind: 'paragraph', text: 'Template' }], footer: 'AMM' }),
  );

describe('the members-only forms library', () => {
  it('keeps versions, lets members in good standing download, and refuses a lapsed member', async () => {
    const badType = await staff.post('/api/v1/association/forms', {
      title: 'Agreement to Mediate',
      category: 'Agreements',
      file: attached('agreement.pdf', Buffer.from('just text, not a PDF')),
    });
    expect(badType.statusCode).toBe(415);
    expect(json(badType).error).toMatchObject({
      fields: { file: 'must be PDF, Word (.docx), OpenDocument (.odt) or RTF' },
    });
    const noTitle = await staff.post('/api/v1/association/forms', {
      category: 'Agreements',
      file: await form('a.pdf', 'x'),
    });
    expect(noTitle.statusCode).toBe(400);
    expect(json(noTitle).error).toMatchObject({ fields: { title: expect.any(String) } });

    const created = json<{ id: string }>(
      await staff.post('/api/v1/association/forms', {
        title: 'Agreement to Mediate',
        category: 'Agreements',
        description: 'Signed by everyone before the first session.',
        file: await form('agreement v1.pdf', 'Agreement v1'),
      }),
    );
    const v2 = await staff.post(`/api/v1/association/forms/${created.id}/versions`, {
      notes: 'Updated for Rule 88 (2022)',
      file: await form('agreement.pdf', 'Agreement v2'),
    });
    expect(json(v2)).toMatchObject({ version: 2 });

    const tier = await buildTier(t.deps, { graceDays: 10 });
    const person = await buildUser(t.deps);
    await buildMembership(t.deps, person.id, tier.id, {
      expiresAt: new Date(t.clock.now().getTime() + 5 * DAY),
    });
    const member = await signedIn(t.app, person);
    const list = json<{ id: string; version: number }[]>(await member.get('/api/v1/association/forms'));
    expect(list.find((f) => f.id === created.id)).toMatchObject({ version: 2 });
    expect(
      json<unknown[]>(await member.get(`/api/v1/association/forms/${created.id}/versions`)),
    ).toHaveLength(2);
    const current = await member.get(`/api/v1/association/forms/${created.id}/download`);
    expect(current.statusCode).toBe(200);
    expect(current.headers['content-type']).toBe('application/pdf');
    // Saved under the form's title and version, whatever the uploaded file was called.
    expect(current.headers['content-disposition']).toBe('attachment; filename="Agreement-to-Mediate-v2.pdf"');
    const first = await member.get(`/api/v1/association/forms/${created.id}/download?version=1`);
    expect(first.headers['content-disposition']).toBe('attachment; filename="Agreement-to-Mediate-v1.pdf"');

    // Someone who is not a member cannot see the library.
    const outsider = await signedInAs(t, { grants: [{ role: 'party' }] });
    expect((await outsider.get(`/api/v1/association/forms/${created.id}/download`)).statusCode).toBe(403);
    expect(
      (await new (await import('../../../test/client.ts')).TestClient(t.app).get('/api/v1/association/forms'))
        .statusCode,
    ).toBe(401);

    // Grace keeps the benefit; lapse ends it.
    t.clock.advance(6 * DAY);
    await reviewMemberships(t.deps);
    await member.signIn(person.email, person.password);
    expect((await member.get(`/api/v1/association/forms/${created.id}/download`)).statusCode).toBe(200);
    t.clock.advance(10 * DAY);
    await reviewMemberships(t.deps);
    await member.signIn(person.email, person.password);
    const refused = await member.get(`/api/v1/association/forms/${created.id}/download`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('%PDF');
    expect((await member.get('/api/v1/association/forms')).statusCode).toBe(403);
  });

  it('holds the starter forms as PDFs a member downloads and can read', async () => {
    await seedStarterForms(t.deps, null);
    const tier = await buildTier(t.deps);
    const reader = await buildUser(t.deps);
    await buildMembership(t.deps, reader.id, tier.id);
    const client = await signedIn(t.app, reader);
    const forms = json<{ id: string; title: string; filename: string }[]>(
      await client.get('/api/v1/association/forms'),
    );
    const expected = {
      'Agreement to Mediate (template)': ['What mediation is', 'RSMo 435.014', "The mediator's fee"],
      'Mediation intake form': ['Your full name', 'order of protection', 'interpreter'],
      'Continuing education log': ['Total hours this year', 'Certificate: Yes / No'],
    };
    for (const [title, phrases] of Object.entries(expected)) {
      const form = forms.find((f) => f.title === title);
      expect(form?.filename).toMatch(/\.pdf$/);
      const file = await client.get(`/api/v1/association/forms/${form!.id}/download`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('application/pdf');
      const text = pdfWords(file.rawPayload);
      for (const phrase of phrases) expect(text).toContain(phrase);
    }
  });

  it('gives staff every form, searched, by the day it last changed, a page at a time and as CSV', async () => {
    // A fresh sign-in: the tests above moved the clock past the first one's session.
    const office = await signedInAs(t, { grants: [{ role: 'staff' }] });
    const add = async (title: string, category: string) => {
      const r = await office.post('/api/v1/association/forms', {
        title,
        category,
        description: 'Kept for the Ozark chapter.',
        file: await form('form.pdf', title),
      });
      expect(r.statusCode, r.body).toBe(201);
      t.clock.advance(60_000);
      return json<{ id: string }>(r).id;
    };
    const intake = await add('Ozark intake sheet', 'Intake');
    await add('Ozark fee schedule', 'Fees');
    await add('Ozark parenting plan outline', 'Family');
    await office.post(`/api/v1/association/forms/${intake}/versions`, {
      notes: 'New address',
      file: await form('form.pdf', 'Intake v2'),
    });
    const today = t.clock.now().toISOString().slice(0, 10);

    const page = async (query: string) => {
      const r = await office.get(`/api/v1/association/library-forms?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return json<{ rows: { title: string; version: number; versions: number }[]; next: string | null }>(r);
    };
    // The intake sheet changed last (its new version), so it comes first.
    const first = await page('q=ozark&limit=2');
    expect(first.rows.map((r) => [r.title, r.version, r.versions])).toEqual([
      ['Ozark intake sheet', 2, 2],
      ['Ozark parenting plan outline', 1, 1],
    ]);
    const rest = await page(`q=ozark&limit=2&after=${first.next}`);
    expect(rest).toMatchObject({ rows: [{ title: 'Ozark fee schedule' }], next: null });
    expect((await page('q=FEE SCHEDULE')).rows.map((r) => r.title)).toEqual(['Ozark fee schedule']);
    expect((await page(`q=ozark&from=${today}&to=${today}`)).rows).toHaveLength(3);
    expect((await page('q=ozark&to=2020-01-01')).rows).toEqual([]);

    for (const [query, field] of [
      ['from=2026-05-31&to=2026-05-01', 'to'],
      ['from=yesterday', 'from'],
      ['after=not-a-page', 'after'],
      ['limit=500', 'limit'],
    ] as const) {
      const bad = await office.get(`/api/v1/association/library-forms?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual([field]);
    }

    const csv = await office.get('/api/v1/association/library-forms.csv?q=ozark intake');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Title,Category,Current version,Versions,Last changed');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Ozark intake sheet,Intake,2,2,/);

    const member = await signedInAs(t, { grants: [{ role: 'member' }] });
    expect((await member.get('/api/v1/association/library-forms')).statusCode).toBe(403);
    expect((await member.get('/api/v1/association/library-forms.csv')).statusCode).toBe(403);
  });
});
