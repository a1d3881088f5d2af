import { describe, expect, it } from 'vitest';
import { base64Length, UPLOADS } from '../../../domain/uploads.ts';
import { attached, PDF_BYTES, PNG_BYTES } from '../../../test/uploads.ts';
import { AppError } from '../../http/errors.ts';
import {
  checkUpload,
  downloadHeaders,
  downloadName,
  safeFilename,
  sniffType,
  uploadBodyLimit,
} from './files.service.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const WEBP = Buffer.from('RIFF\0\0\0\0WEBPVP8 ');
const RTF = Buffer.from('{\\rtf1\\ansi hello}');
const ODT = Buffer.from('PK\x03\x04\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text', 'latin1');
const DOCX = Buffer.from('PK\x03\x04\0\0\0\0[Content_Types].xml word/document.xml', 'latin1');

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error('expected the upload to be refused');
  return { code: error.code, status: error.status, fields: error.fields };
}

describe('the files module', () => {
  it('tells a file’s type by its first bytes, whatever its name says', () => {
    expect(sniffType(PDF_BYTES, 'photo.jpg')).toBe('application/pdf');
    expect(sniffType(PNG_BYTES)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(WEBP)).toBe('image/webp');
    expect(sniffType(RTF)).toBe('application/rtf');
    expect(sniffType(ODT)).toBe('application/vnd.oasis.opendocument.text');
    expect(sniffType(DOCX)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffType(Buffer.from('<script>alert(1)</script>'), 'cv.pdf')).toBeNull();
    expect(sniffType(Buffer.from('PK\x03\x04 some other zip'), 'archive.zip')).toBeNull();
  });

  it('names a stored file from the person’s name for it, made safe, with the detected type’s extension', () => {
    expect(safeFilename('service log.pdf', 'application/pdf', 'evidence')).toBe('service log.pdf');
    expect(safeFilename('scan.exe', 'image/png', 'evidence')).toBe('scan.png');
    expect(safeFilename('../../etc/passwd', 'application/pdf', 'evidence')).toMatch(
      /^[^/\\]*etc_passwd\.pdf$/,
    );
    expect(safeFilename('"><img src=x>.jpg', 'image/jpeg', 'photo')).toBe('_img src_x_.jpg');
    expect(safeFilename('', 'application/rtf', 'form')).toBe('form.rtf');
    expect(safeFilename('x'.repeat(300), 'image/webp', 'photo')).toHaveLength(105);
  });

  it('checks an upload against its kind and names the field when it refuses', async () => {
    const ok = await checkUpload('photo', attached('me.PNG', PNG_BYTES), 'photo');
    expect(ok).toMatchObject({ contentType: 'image/png', filename: 'me.png' });
    // Written again: still a PNG, and the fingerprint is of the bytes kept.
    expect(sniffType(ok.bytes)).toBe('image/png');
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await refusal(checkUpload('photo', attached('file.pdf', Buffer.alloc(0)), 'photo'))).toMatchObject(
      {
        status: 400,
        fields: { photo: 'is empty' },
      },
    );
    expect(await refusal(checkUpload('photo', attached('file.pdf', PDF_BYTES), 'photo'))).toMatchObject({
      status: 415,
      fields: { photo: 'must be JPEG, PNG or WebP' },
    });
    const tooBig = Buffer.concat([PDF_BYTES, Buffer.alloc(UPLOADS.evidence.maxBytes)]);
    expect(
      await refusal(checkUpload('files.0.contentBase64', attached('file.pdf', tooBig), 'evidence')),
    ).toMatchObject({
      status: 413,
      fields: { 'files.0.contentBase64': 'is larger than 10 MB' },
    });
    expect(await refusal(checkUpload('file', attached('file.pdf', PNG_BYTES), 'libraryForm'))).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      fields: { file: 'must be PDF, Word (.docx), OpenDocument (.odt) or RTF' },
    });
  });

  it('sets an upload route’s request size from the kind’s file size and count', () => {
    expect(uploadBodyLimit('evidence')).toBeGreaterThan(5 * base64Length(10 * 1024 * 1024));
    expect(uploadBodyLimit('signedAgreement')).toBeGreaterThan(base64Length(10 * 1024 * 1024));
    expect(uploadBodyLimit('signedAgreement')).toBeLessThan(2 * base64Length(10 * 1024 * 1024));
    expect(uploadBodyLimit('photo')).toBeLessThan(uploadBodyLimit('signedAgreement'));
  });

  it('refuses documents that carry web page code or scripts, and takes plain ones', async () => {
    const pdf = (body: string) => attached('file.pdf', Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`));
    for (const body of [
      '<!DOCTYPE html><p>hi</p>',
      '<svg onload=alert(1)>',
      '1 0 obj << /S /JavaScript /JS (x) >> endobj',
      '1 0 obj << /S /Launch /F (cmd.exe) >> endobj',
    ])
      expect(await refusal(checkUpload('file', pdf(body), 'evidence')), body).toMatchObject({
        status: 415,
        fields: { file: 'contains web page code or scripts' },
      });
    expect(
      await refusal(
        checkUpload('file', attached('file.pdf', Buffer.from('{\\rtf1 <script>x</script>}')), 'libraryForm'),
      ),
    ).toMatchObject({ status: 415 });
    // Hex strings, dictionaries and ordinary names are not markup.
    const plain = await checkUpload(
      'file',
      pdf('<< /Type /Page /Font /JSans >> <48656c6c6f> (a < b)'),
      'evidence',
    );
    expect(plain.contentType).toBe('application/pdf');
  });

  it('names every download itself, with the extension of the type its bytes show', () => {
    expect(downloadName('agreement-to-mediate-MO-2026-0001.pdf', 'pdf')).toBe(
      'agreement-to-mediate-MO-2026-0001.pdf',
    );
    expect(downloadName('Mediation Agreement (Family) — ñ', 'docx')).toBe(
      'Mediation-Agreement-Family-n.docx',
    );
    expect(downloadName('../"evil"\r\n.html', 'pdf')).toBe('evil.pdf');
    expect(downloadName('', 'ics')).toBe('download.ics');
    const headers = (data: Buffer | string, filename: string, contentType?: string) =>
      downloadHeaders({ data, filename, contentType });
    expect(headers(PDF_BYTES, 'report.html', 'text/html')).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="report.pdf"',
      'x-content-type-options': 'nosniff',
    });
    expect(headers(PNG_BYTES, 'photo', 'image/jpeg')['content-type']).toBe('image/png');
    expect(headers('BEGIN:VCALENDAR', 'training', 'text/calendar')).toMatchObject({
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="training.ics"',
    });
    // A stored type its bytes do not bear out goes as plain bytes, never as a page.
    expect(headers(Buffer.from('<html><script>x</script>'), 'page.html', 'text/html')).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="page.bin"',
    });
  });
});
