import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseCompliance } from '../../../contracts/compliance.ts';
import { OwnProfile } from '../../../contracts/directory-profiles.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { attached } from '../../../test/uploads.ts';
import { buildUser } from '../../db/seed/builders.ts';

// Uploads and downloads through the API: the size each route takes, pictures re-encoded without
// their metadata, files that are two things at once, and how every file leaves Parley.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Refusal = { error: { code: string; fields: Record<string, string> } };

/** A phone photo: a JPEG whose EXIF block names the phone and holds a GPS position in Missouri. */
const gpsPhoto = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PocketPhone', Model: 'Canary 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '38/1 57/1 4212/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '92/1 19/1 3311/100',
      },
    })
    .toBuffer();

const HTML = '<html><body><script>fetch("/api/v1/me").then(r=>r.text()).then(alert)</script></body></html>';

async function memberWithProfile() {
  const person = await buildUser(t.deps, { grants: [{ role: 'member' }] });
  const client = await new TestClient(t.app).signIn(person.email, person.password);
  const r = await client.put('/api/v1/directory/me', {
    displayName: 'Dana Photo',
    practiceName: '',
    bio: 'Family mediator in Columbia.',
    areas: ['family'],
    languages: ['en'],
    counties: ['29019'],
    slidingScale: false,
  });
  expect(r.statusCode, r.body).toBe(200);
  return client;
}

describe('pictures are written again, without their metadata', () => {
  it('a GPS-tagged phone photo comes back without its EXIF block, saved as a download with Parley’s name', async () => {
    const client = await memberWithProfile();
    const photo = await gpsPhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const r = await client.put('/api/v1/directory/me/photo', attached('IMG_2041 <home>.html.jpg', photo));
    expect(r.statusCode, r.body).toBe(200);
    const url = OwnProfile.parse(json(r)).profile!.photoUrl!;
    const back = await new TestClient(t.app).get(url);
    expect(back.statusCode).toBe(200);
    const bytes = Buffer.from(back.rawPayload);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 40, height: 30 });
    expect(meta.exif).toBeUndefined();
    for (const trace of ['Exif\0\0', 'PocketPhone', 'Canary 12'])
      expect(bytes.includes(trace), trace).toBe(false);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.headers['content-disposition']).toBe('attachment; filename="mediator-photo.jpg"');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a JPEG with a web page after the picture is re-encoded: the page is gone', async () => {
    const client = await memberWithProfile();
    const polyglot = Buffer.concat([await gpsPhoto(), Buffer.from(HTML)]);
    const r = await client.put('/api/v1/directory/me/photo', attached('me.html', polyglot));
    expect(r.statusCode, r.body).toBe(200);
    const back = await new TestClient(t.app).get(OwnProfile.parse(json(r)).profile!.photoUrl!);
    const bytes = Buffer.from(back.rawPayload);
    expect(bytes.includes('<script')).toBe(false);
    expect(bytes.includes('<html')).toBe(false);
    expect(back.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.jpg"$/);
  });

  it('refuses a file that starts like a picture but is not one, naming the field', async () => {
    const client = await memberWithProfile();
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML)]);
    const r = await client.put('/api/v1/directory/me/photo', attached('me.jpg', fake));
    expect(r.statusCode).toBe(415);
    expect(json<Refusal>(r).error.fields.photo).toBe('could not be read as a JPEG picture');
  });

  it('a training certificate photographed on a phone loses its location too', async () => {
    const client = await memberWithProfile();
    const r = await client.post('/api/v1/directory/me/courses', {
      provider: 'Association of Missouri Mediators',
      date: '2025-04-10',
      hours: 16,
      kind: 'civil_core',
      certificate: attached('cert.jpg', await gpsPhoto()),
    });
    expect(r.statusCode, r.body).toBe(201);
    const course = OwnProfile.parse(json(r)).profile!.courses[0]!;
    const back = await client.get(`/api/v1/directory/documents/${course.certificateFileId}`);
    expect(back.statusCode).toBe(200);
    expect((await sharp(Buffer.from(back.rawPayload)).metadata()).exif).toBeUndefined();
    expect(back.headers['content-disposition']).toBe('attachment; filename="training-certificate.jpg"');
  });
});

describe('evidence of a kept promise', () => {
  let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;
  let milestoneId: string;
  beforeAll(async () => {
    w = await signedSpecialEducationAgreement(t);
    const list = CaseCompliance.parse(json(await w.parent.get(w.url('/compliance'))));
    milestoneId = list.milestones.find((m) => m.what.startsWith('Speech therapy'))!.id;
  });
  const markDone = (files: ReturnType<typeof attached>[]) =>
    w.district.post(w.url(`/milestones/${milestoneId}/done`), {
      doneOn: '2026-03-02',
      note: 'Service log attached.',
      files,
    });

  it('a PDF with a web page inside, or one that runs JavaScript, is refused with the field named', async () => {
    const htmlPdf = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${HTML}\n%%EOF\n`);
    let r = await markDone([attached('log.pdf', htmlPdf)]);
    expect(r.statusCode).toBe(415);
    expect(json<Refusal>(r).error.fields['files.0.contentBase64']).toBe('contains web page code or scripts');
    const scripted = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n',
    );
    r = await markDone([attached('log.pdf', scripted)]);
    expect(r.statusCode).toBe(415);
    expect(json<Refusal>(r).error.fields).toHaveProperty('files.0.contentBase64');
  });

  it('a 9.5 MB scanned PDF is taken, and comes back as an attachment named by Parley', async () => {
    const scan = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 9961472 >>\nstream\n'),
      Buffer.alloc(9.5 * 1024 * 1024 - 120, 0x2e),
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);
    const r = await markDone([attached('<img src=x onerror=alert(1)>.html', scan)]);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const list = CaseCompliance.parse(json(await w.parent.get(w.url('/compliance'))));
    const evidence = list.milestones.find((m) => m.id === milestoneId)!.evidence[0]!;
    expect(evidence.size).toBe(scan.length);
    const file = await w.parent.get(w.url(`/milestones/${milestoneId}/evidence/${evidence.fileId}`));
    expect(file.statusCode).toBe(200);
    expect(Buffer.from(file.rawPayload).equals(scan)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="evidence-[\w-]+\.pdf"$/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });
});
