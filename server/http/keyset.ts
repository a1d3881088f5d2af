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

/** One page of a keyset query that asked for `limit + 1` rows: the rows shown and the next cursor. */
export function keysetPage<R>(rows: readonly R[], limit: number, key: (row: R) => Keyset) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > limit && last ? keysetCursor(key(last).value, key(last).id) : null,
  };
}

/** The most rows a CSV export of a list holds. */
export const CSV_LIMIT = 50_000;

/**
 * Every row a keyset query finds from `after` on, a thousand at a time, up to CSV_LIMIT: what a
 * list's "download as CSV" writes, the same rows its pages show.
 */
export async function everyPage<R>(
  fetch: (after: Keyset | null, limit: number) => Promise<readonly R[]>,
  key: (row: R) => Keyset,
  after: Keyset | null = null,
): Promise<R[]> {
  const out: R[] = [];
  let from = after;
  while (out.length < CSV_LIMIT) {
    const rows = await fetch(from, 1000);
    out.push(...rows);
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) break;
    from = key(last);
  }
  return out.slice(0, CSV_LIMIT);
}

/**
 * A list's page for its API: the rows after the query's `after` (limit + 1 asked, to know whether
 * more follow), each presented, and the cursor of the next page.
 */
export async function pageFor<R, P>(
  q: { after?: string | undefined; limit: number },
  fetch: (after: Keyset | null, limit: number) => Promise<readonly R[]>,
  key: (row: R) => Keyset,
  present: (row: R) => P,
): Promise<{ rows: P[]; next: string | null }> {
  const page = keysetPage(await fetch(readKeyset(q.after), q.limit + 1), q.limit, key);
  return { rows: page.rows.map(present), next: page.next };
}
