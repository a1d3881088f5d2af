import { strFromU8 } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversations, Message } from '../../../contracts/conversations.ts';
import type { CaseDocument, DocumentFolder } from '../../../contracts/documents.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { PARENT_ADDRESS } from '../../../test/cases.ts';
import { json, type TestClient } from '../../../test/client.ts';
import { exportOf } from '../../../test/data-export.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { storedText } from '../../../test/stored-text.ts';
import { attached } from '../../../test/uploads.ts';

// What the parent's IEP says, and what they call it: both stay sealed and with the mediator.
const IEP_WORDS = 'Canary IEP: Maya reads two grades below level; speech 60 minutes weekly';
const IEP_NAME = 'Maya canary IEP 2026.pdf';
const pdf = (words: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${words}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let iep: CaseDocument;
const url = (rest: string, caseId = w.caseId) => `/api/v1/cases/${caseId}${rest}`;
const folder = async (client: TestClient, caseId = w.caseId) => {
  const r = await client.get(url('/documents', caseId));
  expect(r.statusCode, r.body).toBe(200);
  return json<DocumentFolder>(r);
};
const fieldsOf = (r: { body: string }) =>
  Object.keys(json<{ error: { fields?: Record<string, string> } }>(r as never).error.fields ?? {});

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  const r = await w.parent.post(url('/documents'), {
    file: attached(IEP_NAME, pdf(IEP_WORDS)),
    visibility: 'mediator',
  });
  expect(r.statusCode, r.body).toBe(201);
  iep = json<CaseDocument>(r);
});
afterAll(async () => t.close());

describe('a file shared with the mediator only', () => {
  it('the uploader and the mediator see it; the other side does not, and is refused it', async () => {
    expect(iep).toMatchObject({
      name: IEP_NAME,
      mine: true,
      visibility: 'mediator',
      uploadedBy: 'Rosa Lopez',
    });
    expect(iep.versions.map((v) => v.version)).toEqual([1]);
    expect(iep.can).toEqual({
      addVersion: true,
      shareWithEveryone: true,
      askToShare: false,
      answerShare: false,
    });
    const mediator = await folder(w.mediator);
    expect(mediator.documents.map((d) => d.name)).toEqual([IEP_NAME]);
    expect(mediator.documents[0]!.can).toEqual({
      addVersion: false,
      shareWithEveryone: false,
      askToShare: true,
      answerShare: false,
    });
    expect((await folder(w.district)).documents).toEqual([]);
    const refused = await w.district.get(url(`/documents/${iep.id}/versions/1/file`));
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Canary');
    // The program has no place in the folder.
    expect((await w.coordinator.get(url('/documents'))).statusCode).toBe(403);
  });

  it('the mediator downloads it as it was uploaded, and the download is in the audit trail', async () => {
    const r = await w.mediator.get(url(`/documents/${iep.id}/versions/1/file`));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="case-.+-v1\.pdf"$/);
    expect(r.headers['content-disposition']).not.toContain('canary');
    expect(r.rawPayload.toString('latin1')).toContain(IEP_WORDS);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'actor_id', 'data'])
      .where('kind', '=', 'case_document.downloaded')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(w.mediatorUser.id);
  });

  it('the mediator may not widen it alone: they ask, and the uploader’s yes shares it', async () => {
    const alone = await w.mediator.put(url(`/documents/${iep.id}/visibility`), { visibility: 'everyone' });
    expect(alone.statusCode).toBe(403);
    expect((await w.district.post(url(`/documents/${iep.id}/share-request`))).statusCode).toBe(404);
    const asked = await w.mediator.post(url(`/documents/${iep.id}/share-request`));
    expect(asked.statusCode, asked.body).toBe(200);
    expect(json<CaseDocument>(asked).shareAsked).toBe(true);
    expect((await w.mediator.post(url(`/documents/${iep.id}/share-request`))).statusCode).toBe(409);
    const mail = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'notification-document')
      .where('to_address', '=', w.parentUser.email)
      .execute();
    expect(mail).toHaveLength(1);
    const asks = json<{ items: { title: string; link: string }[] }>(
      await w.parent.get('/api/v1/notifications'),
    );
    expect(asks.items[0]).toMatchObject({
      title: 'The mediator asks to share one of your documents',
      link: `/cases/${w.caseId}/documents`,
    });
    expect(`${mail[0]!.subject}${mail[0]!.text_body}`).not.toContain('canary');
    // Still the mediator's only until the parent answers.
    expect((await folder(w.district)).documents).toEqual([]);
    const pending = (await folder(w.parent)).documents[0]!;
    expect(pending.can.answerShare).toBe(true);
    expect(
      (await w.mediator.post(url(`/documents/${iep.id}/share-request/answer`), { agree: true })).statusCode,
    ).toBe(403);
    const bad = await w.parent.post(url(`/documents/${iep.id}/share-request/answer`), {});
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['agree']);
    const yes = await w.parent.post(url(`/documents/${iep.id}/share-request/answer`), { agree: true });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(json<CaseDocument>(yes)).toMatchObject({
      visibility: 'everyone',
      shareAnswer: 'agreed',
      shareAsked: false,
    });
    const district = await folder(w.district);
    expect(district.documents.map((d) => d.name)).toEqual([IEP_NAME]);
    expect((await w.district.get(url(`/documents/${iep.id}/versions/1/file`))).statusCode).toBe(200);
  });

  it('a refusal leaves it with the mediator only', async () => {
    const r = await w.parent.post(url('/documents'), {
      file: attached('letter.pdf', pdf('private letter')),
      visibility: 'mediator',
    });
    const letter = json<CaseDocument>(r);
    await w.mediator.post(url(`/documents/${letter.id}/share-request`));
    const no = await w.parent.post(url(`/documents/${letter.id}/share-request/answer`), { agree: false });
    expect(json<CaseDocument>(no)).toMatchObject({ visibility: 'mediator', shareAnswer: 'refused' });
    expect((await folder(w.district)).documents.map((d) => d.id)).not.toContain(letter.id);
  });
});

describe('versions', () => {
  it('the uploader adds a new version; the old one stays; nobody else may', async () => {
    const r = await w.parent.post(url(`/documents/${iep.id}/versions`), {
      file: attached('Maya canary IEP amended.pdf', pdf(`${IEP_WORDS} amended`)),
    });
    expect(r.statusCode, r.body).toBe(201);
    const doc = json<CaseDocument>(r);
    expect(doc.name).toBe('Maya canary IEP amended.pdf');
    expect(doc.versions.map((v) => [v.version, v.name])).toEqual([
      [2, 'Maya canary IEP amended.pdf'],
      [1, IEP_NAME],
    ]);
    expect(
      (await w.mediator.get(url(`/documents/${iep.id}/versions/1/file`))).rawPayload.toString('latin1'),
    ).not.toContain('amended');
    const other = await w.district.post(url(`/documents/${iep.id}/versions`), {
      file: attached('x.pdf', pdf('x')),
    });
    expect(other.statusCode).toBe(403);
    expect((await w.mediator.get(url(`/documents/${iep.id}/versions/9/file`))).statusCode).toBe(404);
  });
});

describe('files are checked and stored sealed', () => {
  it('a picture is written again without its metadata; a web page dressed as a PDF is refused', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } })
      .png()
      .withMetadata({ exif: { IFD0: { ImageDescription: 'canary-exif' } } })
      .toBuffer();
    const r = await w.district.post(url('/documents'), {
      file: attached('photo.png', png),
      visibility: 'everyone',
    });
    expect(r.statusCode, r.body).toBe(201);
    const doc = json<CaseDocument>(r);
    const got = await w.parent.get(url(`/documents/${doc.id}/versions/1/file`));
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.toString('latin1')).not.toContain('canary-exif');
    const html = await w.parent.post(url('/documents'), {
      file: attached('x.pdf', Buffer.from('%PDF-1.4 <script>alert(1)</script>')),
      visibility: 'mediator',
    });
    expect(html.statusCode).toBe(415);
    expect(fieldsOf(html)).toEqual(['file']);
    const text = await w.parent.post(url('/documents'), {
      file: attached('x.txt', Buffer.from('plain')),
      visibility: 'mediator',
    });
    expect(text.statusCode).toBe(415);
  });

  it('bad input is refused with 400 naming the field in words', async () => {
    for (const [body, field] of [
      [{ visibility: 'mediator' }, 'file'],
      [{ file: attached('a.pdf', pdf('a')) }, 'visibility'],
      [{ file: attached('a.pdf', pdf('a')), visibility: 'neighbors' }, 'visibility'],
      [{ file: { filename: '', contentBase64: 'JVBE' }, visibility: 'mediator' }, 'file.filename'],
    ] as const) {
      const r = await w.parent.post(url('/documents'), body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(fieldsOf(r)).toContain(field);
      expect(json<{ error: { message: string } }>(r).error.message).not.toMatch(/Invalid|expected|received/);
    }
    const v = await w.parent.get(url(`/documents/${iep.id}/versions/first/file`));
    expect(v.statusCode).toBe(400);
  });

  it('the database holds neither the file’s words nor its name in plain text', async () => {
    const stored = await storedText(t);
    expect(stored).toContain('case_document.uploaded');
    expect(stored).not.toContain(IEP_WORDS);
    expect(stored).not.toContain('Maya canary IEP');
  });
});

describe('attachments and exports', () => {
  it('a message carries a document; a reader who may not see it sees only that there is one', async () => {
    const r = await w.parent.post(url('/documents'), {
      file: attached('notes.pdf', pdf('notes')),
      visibility: 'mediator',
    });
    const notes = json<CaseDocument>(r);
    const sent = await w.parent.post(url('/threads/requester/messages'), {
      body: 'Please read these before Thursday',
      documentIds: [notes.id, iep.id],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(json<Message>(sent).attachments.map((a) => a.name)).toEqual([
      'Maya canary IEP amended.pdf',
      'notes.pdf',
    ]);
    const mediator = json<Conversations>(await w.mediator.get(url('/threads')));
    expect(mediator.threads[0]!.messages.at(-1)!.attachments).toHaveLength(2);
    // The district cannot attach a document it cannot see.
    const refused = await w.district.post(url('/threads/respondent/messages'), {
      body: 'x',
      documentIds: [notes.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['documentIds']);
  });

  it('the uploader’s export holds their files, opened; the other side’s export holds none of them', async () => {
    const { files: parent } = await exportOf(w.parent);
    const names = Object.keys(parent).filter((n) => n.startsWith('case-documents/'));
    expect(names).toHaveLength(4);
    expect(names.map((n) => strFromU8(parent[n]!)).join('\n')).toContain(IEP_WORDS);
    expect(strFromU8(parent['data.json']!)).toContain('"whoSeesIt"');
    const { text: district } = await exportOf(w.district);
    expect(district).not.toContain(IEP_WORDS);
    expect(district).not.toContain('Maya canary IEP');
  });
});

describe('a case with a screening safeguard', () => {
  let s: Awaited<ReturnType<typeof readySpecialEducationCase>>;
  beforeAll(async () => {
    s = await readySpecialEducationCase(t, { separateSessions: true });
    await s.parent.put(url('/my-contact', s.caseId), { address: PARENT_ADDRESS });
  });

  it('a party shares files with the mediator only; the mediator shares them with consent', async () => {
    const f = await folder(s.district, s.caseId);
    expect(f.visibilities).toEqual(['mediator']);
    expect(f.everyoneRefused).toMatch(/safeguard/);
    const wide = await s.district.post(url('/documents', s.caseId), {
      file: attached('a.pdf', pdf('a')),
      visibility: 'everyone',
    });
    expect(wide.statusCode).toBe(400);
    expect(fieldsOf(wide)).toEqual(['visibility']);
    const ok = json<CaseDocument>(
      await s.district.post(url('/documents', s.caseId), {
        file: attached('a.pdf', pdf('a')),
        visibility: 'mediator',
      }),
    );
    expect(ok.can.shareWithEveryone).toBe(false);
    expect(
      (await s.district.put(url(`/documents/${ok.id}/visibility`, s.caseId), { visibility: 'everyone' }))
        .statusCode,
    ).toBe(400);
    await s.mediator.post(url(`/documents/${ok.id}/share-request`, s.caseId));
    const yes = await s.district.post(url(`/documents/${ok.id}/share-request/answer`, s.caseId), {
      agree: true,
    });
    expect(json<CaseDocument>(yes).visibility).toBe('everyone');
    expect((await folder(s.parent, s.caseId)).documents.map((d) => d.id)).toEqual([ok.id]);
  });

  it('no file name carries the protected parent’s address', async () => {
    const r = await s.district.post(url('/documents', s.caseId), {
      file: attached('Letter to 1417 Hidden Hollow Lane.pdf', pdf('a')),
      visibility: 'mediator',
    });
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r)).toEqual(['file']);
    expect(json<{ error: { message: string } }>(r).error.message).not.toContain('Hollow');
  });
});
