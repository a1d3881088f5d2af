import type { FastifyReply } from 'fastify';
import sharp from 'sharp';
import {
  base64Length,
  describeSize,
  describeTypes,
  FILE_TYPES,
  type FileType,
  UPLOADS,
  type UploadKind,
} from '../../../domain/uploads.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import { sha256Hex } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import * as repo from './files.repository.ts';

/**
 * Every file Parley keeps goes through here: uploads are checked (type by content, size by kind,
 * no web page code or scripts inside, images re-encoded so their metadata and anything hidden after
 * the picture is gone, a safe name ending in the detected type's extension) and stored; generated
 * documents (receipts, certificates) are stored; downloads read them back, and every file Parley
 * sends goes out through downloadHeaders. The kinds and their limits are data in domain/uploads.ts,
 * and each upload route's request size comes from the same numbers.
 */

/** The type a file's first bytes show, or null. `filename` only tells a Word file from another zip. */
export function sniffType(bytes: Uint8Array, filename = ''): FileType | null {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (ascii(0, '{\\rtf')) return 'application/rtf';
  if (ascii(0, 'PK\x03\x04')) {
    // Both are zip files; OpenDocument names its type in its first entry, Word keeps a word/ folder.
    const head = Buffer.from(bytes.subarray(0, 100)).toString('latin1');
    if (head.includes('application/vnd.oasis.opendocument.text'))
      return 'application/vnd.oasis.opendocument.text';
    if (/\.docx$/i.test(filename) || Buffer.from(bytes).includes('word/'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/**
 * A name safe to store and to send back in a download: the person's name for the file without its
 * extension, letters, digits, spaces, dots and dashes only, ending in the detected type's extension.
 */
export function safeFilename(original: string, type: FileType, fallback: string): string {
  const base = original
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^\w .-]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${base || fallback}.${FILE_TYPES[type].extension}`;
}

const typeNames = (types: readonly FileType[]) => types.map((t) => FILE_TYPES[t].label).join(', ');

/** The largest request body an upload route takes: its files as base64, with room for the rest of the form. */
export const uploadBodyLimit = (kind: UploadKind): number =>
  UPLOADS[kind].perRequest * base64Length(UPLOADS[kind].maxBytes) + 64 * 1024;

export type CheckedUpload = { bytes: Buffer; contentType: FileType; filename: string; sha256: string };

/**
 * Decodes an upload sent inside JSON and checks it against its kind; refuses with the field named.
 * A file that is also a web page or carries scripts (a "polyglot": a PDF with HTML inside, a PDF
 * that runs JavaScript) is refused. A picture is decoded and written again, so what reaches Parley
 * is only the picture: its EXIF block (the phone's GPS position, the camera, the time) and anything
 * hidden after or between its parts are left behind.
 */
export async function checkUpload(
  field: string,
  upload: { filename: string; contentBase64: string },
  kind: UploadKind,
): Promise<CheckedUpload> {
  const rule = UPLOADS[kind];
  const sent = Buffer.from(upload.contentBase64, 'base64');
  if (sent.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', { fields: { [field]: 'is empty' } });
  if (sent.length > rule.maxBytes) {
    const limit = describeSize(rule.maxBytes);
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is too large. The limit is ${limit}.`, {
      fields: { [field]: `is larger than ${limit}` },
    });
  }
  const type = sniffType(sent, upload.filename);
  if (!type || !(rule.types as readonly FileType[]).includes(type)) {
    const allowed = describeTypes(rule.types);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Parley cannot take that file here. Please send ${allowed}.`,
      {
        fields: { [field]: `must be ${allowed}` },
        // In another language the kinds are listed by their names alone ("PDF, PNG, JPEG").
        key: 'files.wrongType',
        args: { types: typeNames(rule.types) },
        fieldKeys: { [field]: { key: 'files.wrongTypeField', args: { types: typeNames(rule.types) } } },
      },
    );
  }
  const bytes = isImage(type)
    ? await reencodeImage(field, sent, type)
    : refuseActiveContent(field, sent, type);
  return {
    bytes,
    contentType: type,
    filename: safeFilename(upload.filename, type, rule.fallbackName),
    sha256: sha256Hex(bytes),
  };
}

type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
const isImage = (type: FileType): type is ImageType => type.startsWith('image/');

/** Largest picture decoded, in pixels (a 2 MB file can claim a billion pixels and exhaust memory). */
const MAX_PIXELS = 50_000_000;

/**
 * The picture alone, written again in its own format: turned upright by its EXIF orientation, then
 * without any metadata (EXIF with GPS, XMP, comments) and without bytes outside the picture.
 */
async function reencodeImage(field: string, bytes: Buffer, type: ImageType): Promise<Buffer> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    if (type === 'image/jpeg') return await image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    if (type === 'image/png') return await image.png({ compressionLevel: 9 }).toBuffer();
    return await image.webp({ quality: 90 }).toBuffer();
  } catch {
    const label = FILE_TYPES[type].label;
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Parley could not read that picture. Please save it again as a ${label} and send it.`,
      {
        fields: { [field]: `could not be read as a ${label} picture` },
        key: 'files.unreadablePicture',
        args: { label },
        fieldKeys: { [field]: { key: 'files.unreadablePictureField', args: { label } } },
      },
    );
  }
}

/** Tags a browser would run or draw as a web page, wherever they sit in the file. */
const WEB_PAGE =
  /<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg|meta|link|style|form|img|a\s+href|base|xml|\?xml-stylesheet)[\s/>]/i;
/** PDF actions that run code, start programs or send data: a scan or a letter needs none. */
const PDF_ACTIVE = /\/(?:JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)(?![A-Za-z0-9_.-])/;

/**
 * Refuses a document that is also something else: web page markup a browser would run (a PDF or
 * RTF that is also an HTML page) or, in a PDF, actions that run scripts or programs.
 */
function refuseActiveContent(field: string, bytes: Buffer, type: FileType): Buffer {
  const text = bytes.toString('latin1');
  const pdfActive = type === 'application/pdf' && PDF_ACTIVE.test(text);
  if (pdfActive || WEB_PAGE.test(text)) {
    const label = FILE_TYPES[type].label;
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `That ${label} carries web page code or scripts, which Parley does not take. Please save it again as a plain ${label} (for example with "Print to PDF") and send it.`,
      {
        fields: { [field]: 'contains web page code or scripts' },
        key: 'files.activeContent',
        args: { label },
      },
    );
  }
  return bytes;
}

/** Types of documents Parley writes itself that no upload kind takes (their bytes show no type). */
const MADE_TYPES: Record<string, string> = {
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'application/json': 'json',
  'text/plain': 'txt',
  'application/zip': 'zip',
};
/** Made types that are text, sent with their character set. */
const withCharset = (type: string) => (type === 'application/zip' ? type : `${type}; charset=utf-8`);

/**
 * The name a download is saved under: Parley's name for it (never the uploader's), in ASCII
 * letters, digits, dots and dashes, ending in the extension of the type its bytes show.
 */
export function downloadName(name: string, extension: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || 'download'}.${extension}`;
}

export type Download = {
  data: Buffer | string;
  /** Parley's name for the file; its extension is replaced by the detected type's. */
  filename: string;
  /** The type the file was stored or made as; its bytes decide when they show one. */
  contentType?: string;
};

/**
 * The headers every file Parley sends goes out with, uploads and documents alike: always saved
 * (`attachment`, never shown as a page), the type the bytes show (a stored type that no longer
 * matches its bytes is sent as plain bytes), a name Parley makes with that type's extension, and
 * `nosniff` so no browser guesses another type.
 */
export function downloadHeaders(file: Download) {
  const bytes = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
  const sniffed = sniffType(bytes, file.filename);
  const declared = (file.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const [contentType, extension] = sniffed
    ? [sniffed, FILE_TYPES[sniffed].extension]
    : MADE_TYPES[declared]
      ? [withCharset(declared), MADE_TYPES[declared]]
      : ['application/octet-stream', 'bin'];
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${downloadName(file.filename, extension)}"`,
    'x-content-type-options': 'nosniff',
  };
}

/** Sends a file with downloadHeaders: the one way a route answers with a file. */
export const sendDownload = (reply: FastifyReply, file: Download) =>
  reply.headers(downloadHeaders(file)).send(file.data);

export type StoredFile = {
  filename: string;
  contentType: string;
  data: Buffer;
  purpose: string;
  ownerId: string | null;
};

/** Keeps a checked upload or a document Parley made; returns its id. */
export async function storeFile(
  db: Executor,
  deps: Pick<Deps, 'clock'>,
  file: {
    purpose: string;
    filename: string;
    contentType: string;
    bytes: Buffer;
    ownerId: string | null;
    programId?: string | null;
    caseId?: string | null;
  },
): Promise<string> {
  const id = newId();
  await repo.insertFile(db, {
    id,
    purpose: file.purpose,
    filename: file.filename,
    content_type: file.contentType,
    size: file.bytes.length,
    sha256: sha256Hex(file.bytes),
    data: file.bytes,
    owner_id: file.ownerId,
    program_id: file.programId ?? null,
    case_id: file.caseId ?? null,
    created_at: iso(deps.clock.now()),
  });
  return id;
}

/** Keeps a PDF Parley made (a receipt, a certificate); returns its id. */
export const storePdf = (
  db: Executor,
  deps: Pick<Deps, 'clock'>,
  pdf: { purpose: string; filename: string; bytes: Buffer; ownerId: string | null },
) => storeFile(db, deps, { ...pdf, contentType: 'application/pdf' });

/** A stored file's name, type and bytes (as a Buffer, whichever driver read them); null when gone. */
export async function readFile(db: Executor, id: string): Promise<StoredFile | null> {
  const row = await repo.findFile(db, id);
  return row
    ? {
        filename: row.filename,
        contentType: row.content_type,
        data: Buffer.from(row.data),
        purpose: row.purpose,
        ownerId: row.owner_id,
      }
    : null;
}

/** Name, type, size and fingerprint of some files (an evidence index), never their bytes. */
export const describeFiles = async (db: Executor, ids: readonly string[]) =>
  new Map(
    (await repo.describeFiles(db, ids)).map((f) => [
      f.id,
      {
        filename: f.filename,
        contentType: f.content_type,
        size: Number(f.size),
        sha256: f.sha256,
        createdAt: f.created_at,
      },
    ]),
  );

export const removeFile = (db: Executor, id: string) => repo.deleteFile(db, id);

/** Removes every file kept for a case (retention, once the case's own rows are gone); returns how many went. */
export const purgeCaseFiles = (db: Executor, caseId: string) => repo.deleteCaseFiles(db, caseId);

/** Files a person uploaded, with their bytes (their data export). */
export const filesOwnedBy = (db: Executor, userId: string) => repo.listFilesOwnedBy(db, userId);

/**
 * Files that stay with a record kept after its person leaves: a payment's receipt is part of the
 * payment record the association keeps for its accounts and taxes.
 */
const KEPT_WITH_THEIR_RECORDS = ['association-receipt'] as const;

/** Removes the files of a person that no case or kept record needs; returns how many went. */
export const forgetLooseFilesOf = (db: Executor, userId: string) =>
  repo.deleteLooseFilesOf(db, userId, KEPT_WITH_THEIR_RECORDS);
