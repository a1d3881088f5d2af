import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { seedStarterForms } from '../../db/seed/starter-forms.ts';
import { DAY } from '../../infra/clock.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { reviewMemberships } from '../membership/membership.jobs.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await signedInAs(t, { grants: [{ role: 'staff' }] });
});
afterAll(async () => t.close());

const pdf = async (title: string) =>
  (await renderPdf({ title, blocks: [{ kind: 'paragraph', text: 'Template' }], footer: 'AMM' })).toString(
    'base64',
  );

describe('the members-only forms library', () => {
  it('keeps versions, lets members in good standing download, and refuses a lapsed member', async () => {
    const badType = await staff.post('/api/v1/association/forms', {
      title: 'Agreement to Mediate',
      category: 'Agreements',
      file: {
        filename: 'agreement.pdf',
        contentBase64: Buffer.from('just text, not a PDF').toString('base64'),
      },
    });
    expect(badType.statusCode).toBe(415);
    expect(json(badType).error).toMatchObject({
      fields: { file: 'must be PDF, Word (.docx), OpenDocument (.odt) or RTF' },
    });
    const noTitle = await staff.post('/api/v1/association/forms', {
      category: 'Agreements',
      file: { filename: 'a.pdf', contentBase64: await pdf('x') },
    });
    expect(noTitle.statusCode).toBe(400);
    expect(json(noTitle).error).toMatchObject({ fields: { title: expect.any(String) } });

    const created = json<{ id: string }>(
      await staff.post('/api/v1/association/forms', {
        title: 'Agreement to Mediate',
        category: 'Agreements',
        description: 'Signed by everyone before the first session.',
        file: { filename: 'agreement v1.pdf', contentBase64: await pdf('Agreement v1') },
      }),
    );
    const v2 = await staff.post(`/api/v1/association/forms/${created.id}/versions`, {
      notes: 'Updated for Rule 88 (2022)',
      file: { filename: 'agreement.pdf', contentBase64: await pdf('Agreement v2') },
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
      const text = pdfText(file.rawPayload).replace(/\s+/g, ' ');
      for (const phrase of phrases) expect(text).toContain(phrase);
    }
  });
});
