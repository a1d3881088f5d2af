import { AppError } from '../../http/errors.ts';

// Form templates are judged by their bytes, never by the name or the type the browser claims.

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
} as const;

export const FORM_MAX_BYTES = 700 * 1024;

/** The type of a form file from its first bytes: PDF, Word (.docx), OpenDocument (.odt) or RTF. */
export function sniffForm(
  bytes: Buffer,
  filename: string,
): { contentType: string; extension: string } | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return { contentType: TYPES.pdf, extension: 'pdf' };
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf')
    return { contentType: TYPES.rtf, extension: 'rtf' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // Both are zip files; OpenDocument names its type in the first entry.
    if (bytes.subarray(0, 100).toString('latin1').includes('application/vnd.oasis.opendocument.text'))
      return { contentType: TYPES.odt, extension: 'odt' };
    if (/\.docx$/i.test(filename) || bytes.includes(Buffer.from('word/')))
      return { contentType: TYPES.docx, extension: 'docx' };
  }
  return null;
}

export function checkFormUpload(field: string, upload: { filename: string; contentBase64: string }) {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', { fields: { [field]: 'is empty' } });
  if (bytes.length > FORM_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is too large. The limit is 700 KB.', {
      fields: { [field]: 'is larger than 700 KB' },
    });
  }
  const type = sniffForm(bytes, upload.filename);
  if (!type) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Please upload the form as PDF, Word (.docx), OpenDocument (.odt) or RTF.',
      {
        fields: { [field]: 'must be PDF, DOCX, ODT or RTF' },
      },
    );
  }
  const base =
    upload.filename
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w\- ]+/g, '_')
      .slice(0, 100) || 'form';
  return { bytes, contentType: type.contentType, filename: `${base}.${type.extension}` };
}
