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
 * a safe name ending in the detected type's extension) and stored; generated documents (receipts,
 * certificates) are stored; downloads read them back. The kinds and their limits are data in
 * domain/uploads.ts, and each upload route's request size comes from the same numbers.
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

/** The largest request body an upload route takes: its files as base64, with room for the rest of the form. */
export const uploadBodyLimit = (kind: UploadKind): number =>
  UPLOADS[kind].perRequest * base64Length(UPLOADS[kind].maxBytes) + 64 * 1024;

export type CheckedUpload = { bytes: Buffer; contentType: FileType; filename: string; sha256: string };

/**
 * Decodes an upload sent inside JSON and checks it against its kind; refuses with the field named.
 * Asynchronous because checks to come (refusing a file that is two types at once, re-encoding
 * images) take time, and every upload already passes here.
 */
export async function checkUpload(
  field: string,
  upload: { filename: string; contentBase64: string },
  kind: UploadKind,
): Promise<CheckedUpload> {
  const rule = UPLOADS[kind];
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', { fields: { [field]: 'is empty' } });
  if (bytes.length > rule.maxBytes) {
    const limit = describeSize(rule.maxBytes);
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is too large. The limit is ${limit}.`, {
      fields: { [field]: `is larger than ${limit}` },
    });
  }
  const type = sniffType(bytes, upload.filename);
  if (!type || !(rule.types as readonly FileType[]).includes(type)) {
    const allowed = describeTypes(rule.types);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Parley cannot take that file here. Please send ${allowed}.`,
      {
        fields: { [field]: `must be ${allowed}` },
      },
    );
  }
  return {
    bytes,
    contentType: type,
    filename: safeFilename(upload.filename, type, rule.fallbackName),
    sha256: sha256Hex(bytes),
  };
}

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
