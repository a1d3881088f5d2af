import { z } from 'zod';
import { base64Length, describeSize, UPLOADS, type UploadKind } from '../domain/uploads.ts';

/**
 * A file sent inside JSON: its name and its bytes in base64. The server judges the bytes
 * themselves against the kind (domain/uploads.ts): their type, and their size with a 413 naming
 * the field. The length bound here sits above that, with the route's body limit: it describes the
 * field, and never answers before the size check does.
 */
export function UploadFile(kind: UploadKind, attach = 'Attach the file') {
  const limit = UPLOADS[kind].maxBytes;
  return z.object({
    filename: z
      .string('Give the file a name')
      .trim()
      .min(1, 'Give the file a name')
      .max(200, 'Keep the name under 200 characters'),
    contentBase64: z
      .string(attach)
      .min(1, attach)
      .max(base64Length(limit) + 64 * 1024, `The file is too large (${describeSize(limit)} at most)`),
  });
}
export type UploadFile = z.infer<ReturnType<typeof UploadFile>>;

/** The content types a stored file of these kinds may have, for a download route's contract. */
export function fileTypesOf(kind: UploadKind, ...more: UploadKind[]): [string, ...string[]] {
  const [first, ...rest] = [...new Set([kind, ...more].flatMap((k) => UPLOADS[k].types))];
  return [first!, ...rest];
}
