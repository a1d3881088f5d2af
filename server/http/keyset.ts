import { AppError } from './errors.ts';

/**
 * Keyset pages (never OFFSET): a page's `next` is the last row's sort value and id, and the next
 * page is the rows after them, so a page deep in a long list costs what the first one does.
 */
export type Keyset = { value: string; id: string };

export const keysetCursor = (value: string, id: string) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** The cursor a client sent back, or null for the first page; 400 naming `after` when it is not one. */
export function readKeyset(after: string | undefined): Keyset | null {
  if (!after) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(after, 'base64url').toString()) as unknown[];
    if (typeof value === 'string' && typeof id === 'string') return { value, id };
  } catch {}
  throw new AppError('VALIDATION_FAILED', 'That page could not be found. Start again from the first page.', {
    fields: { after: 'is not a page of this list' },
  });
}
