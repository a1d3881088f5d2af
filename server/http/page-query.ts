import type { Executor } from '../db/database.ts';
import { everyPage, type Keyset, pageFor, readKeyset } from './keyset.ts';

/** A list's query as its API reads it: the list's own filter, the cursor it is after, and the page size. */
export type PageQuery<F> = F & { after?: string | undefined; limit: number };

/** A repository's keyset query: the rows the filter finds after a cursor, at most `limit` of them. */
export type KeysetFetch<F, R> = (
  db: Executor,
  filter: F,
  after: Keyset | null,
  limit: number,
) => Promise<readonly R[]>;

/**
 * One staff list read two ways from one keyset query, each row presented the same way in both:
 * `page` for the API (see pageFor), and `every` for its CSV (see everyPage), from the first row
 * or from the cursor `after`.
 */
export function keysetList<F, R, P>(
  fetch: KeysetFetch<F, R>,
  key: (row: R) => Keyset,
  present: (row: R) => P,
) {
  return {
    page: (db: Executor, q: PageQuery<F>) =>
      pageFor(q, (after, limit) => fetch(db, q, after, limit), key, present),
    every: async (db: Executor, filter: F, after?: string) =>
      (await everyPage((from, limit) => fetch(db, filter, from, limit), key, readKeyset(after))).map(present),
  };
}
