import { createHash } from 'node:crypto';
import { AppError } from '../../http/errors.ts';

// Uploaded files are judged by their bytes, never by the name or the type the browser claims.

export type FileKind = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** The type a file's first bytes show, or null. */
export function sniffType(bytes: Uint8Array): FileKind | null {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  return null;
}

export const PHOTO_TYPES: readonly FileKind[] = ['image/jpeg', 'image/png', 'image/webp'];
export const DOCUMENT_TYPES: readonly FileKind[] = ['application/pdf', ...PHOTO_TYPES];
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;

export type CheckedUpload = { filename: string; contentType: FileKind; bytes: Uint8Array; sha256: string };

/** Decodes a base64 upload and checks its real type and size; refuses with the field named. */
export function checkUpload(
  field: string,
  upload: { filename: string; contentBase64: string },
  allowed: readonly FileKind[],
  maxBytes: number,
): CheckedUpload {
  const bytes = new Uint8Array(Buffer.from(upload.contentBase64, 'base64'));
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', { fields: { [field]: 'is empty' } });
  if (bytes.length > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is too large. The limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      {
        fields: { [field]: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` },
      },
    );
  }
  const type = sniffType(bytes);
  if (!type || !allowed.includes(type)) {
    const names = allowed.map((t) => t.split('/')[1]!.toUpperCase().replace('JPEG', 'JPEG')).join(', ');
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `That file is not one Parley accepts here. Please send ${names}.`,
      {
        fields: { [field]: `must be ${names}` },
      },
    );
  }
  const filename = upload.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'file';
  return { filename, contentType: type, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
