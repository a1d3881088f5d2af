import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

/**
 * What people may upload, kind by kind: the file types (judged by the file's bytes, never its name
 * or the type the browser claims) and the largest size. The server checks every upload against
 * this and sets each upload route's request size from the same numbers; pages and request
 * schemas read them too, so a page never promises more than the server takes.
 */
export const FILE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'image/jpeg': { extension: 'jpg', label: 'JPEG' },
  'image/png': { extension: 'png', label: 'PNG' },
  'image/webp': { extension: 'webp', label: 'WebP' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    label: 'Word (.docx)',
  },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', label: 'OpenDocument (.odt)' },
  'application/rtf': { extension: 'rtf', label: 'RTF' },
} as const;
export type FileType = keyof typeof FILE_TYPES;

const KB = 1024;
const MB = 1024 * KB;
const IMAGES: FileType[] = ['image/jpeg', 'image/png', 'image/webp'];
const SCANS: FileType[] = ['application/pdf', 'image/png', 'image/jpeg'];

export type UploadRule = {
  types: readonly FileType[];
  maxBytes: number;
  /** How many files of this kind one request may carry. */
  perRequest: number;
  /** The file's name when the person's name for it has nothing usable left. */
  fallbackName: string;
};

export const UPLOADS = {
  /** A mediator's directory photo. */
  photo: { types: IMAGES, maxBytes: 2 * MB, perRequest: 1, fallbackName: 'photo' },
  /** A course certificate or the Rule 88.05 affidavit. */
  trainingDocument: {
    types: ['application/pdf', ...IMAGES],
    maxBytes: 2 * MB,
    perRequest: 1,
    fallbackName: 'document',
  },
  /** A form template in the members' library. */
  libraryForm: {
    types: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
      'application/rtf',
    ],
    maxBytes: 700 * KB,
    perRequest: 1,
    fallbackName: 'form',
  },
  /** The written agreement signed in ink, scanned by the mediator. */
  signedAgreement: { types: SCANS, maxBytes: 10 * MB, perRequest: 1, fallbackName: 'signed-agreement' },
  /** A file in a case's document folder: the IEP, evaluations, letters, statements, photos of papers. */
  caseDocument: {
    types: [
      'application/pdf',
      ...IMAGES,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
      'application/rtf',
    ],
    maxBytes: 10 * MB,
    perRequest: 1,
    fallbackName: 'document',
  },
  /** Files that show a promise was kept. */
  evidence: { types: SCANS, maxBytes: 10 * MB, perRequest: 5, fallbackName: 'evidence' },
} as const satisfies Record<string, UploadRule>;
export type UploadKind = keyof typeof UPLOADS;

/** "10 MB", "700 KB" */
export const describeSize = (bytes: number): string =>
  bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;

/**
 * "PDF, PNG or JPEG", in the reader's language ("PDF, PNG o JPEG"). English keeps the list as
 * Parley has always written it, without a comma before "or".
 */
export const describeTypes = (types: readonly FileType[], language: Language = DEFAULT_LANGUAGE): string => {
  const labels = types.map((t) => FILE_TYPES[t].label);
  if (language !== DEFAULT_LANGUAGE)
    return new Intl.ListFormat(language, { type: 'disjunction' }).format(labels);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? '');
};

/** The length of a file of `bytes` bytes sent as base64 text (uploads travel inside JSON). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
