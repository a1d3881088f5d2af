import { z } from 'zod';
import { IsoDate } from './membership.ts';
import { defineRoute, type FileBody, fileBody, type PathParamNames } from './route.ts';

// What every staff list shares (members, dues, payments, newsletter sign-ups, job listings, forms, events,
// and the court's cases): a search box, keyset pages (`after`, the `next` of the page before) and the
// page's answer; `listQuery` and `datedListQuery` build a list's query from its own filters. A
// list's CSV takes the same query, so the download holds exactly the rows its pages show.

/** Part of a name, an address or a title, as typed. */
const SearchText = z.string().trim().max(80, 'Keep the search under 80 characters').optional();

/** Where the last page ended (the `next` of the page before): pages follow on from it. */
const PageAfter = z.string().max(400).optional();

/** How many rows a page holds, the row named in words ("member", "members"). */
const pageLimit = (row: string, rows: string) =>
  z.coerce
    .number(`Give the number of ${rows} per page`)
    .int(`Give a whole number of ${rows} per page`)
    .min(1, `Show at least 1 ${row} per page`)
    .max(100, `Show at most 100 ${rows} per page`)
    .default(25);

/** A page of rows; `next` is the cursor for the page after, null on the last. */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), next: z.string().nullable() });

/** What a list's query is made of: what its search box searches, its own filters, its rows' names. */
type ListOf<F extends z.ZodRawShape> = {
  /** What `q` searches, in the words of the query's description ("Part of the title or the place"). */
  searches: string;
  filters: F;
  /** The row named in words, one and many ("member", "members"), for the page size's messages. */
  rows: readonly [row: string, rows: string];
};

/** A list's query: the search box, the list's own filters, and keyset pages. */
export const listQuery = <F extends z.ZodRawShape>({ searches, filters, rows: [row, rows] }: ListOf<F>) =>
  z.object({ q: SearchText.describe(searches), ...filters, after: PageAfter, limit: pageLimit(row, rows) });

/**
 * A query's span, `first` to `last` (days or months, written so that text order is time order),
 * the last not before the first when both are given; the message names `last`. For `.refine`:
 * `.refine(...inOrder('from', 'to', 'The last day cannot come before the first'))`.
 */
export const inOrder = <K extends string>(
  first: K,
  last: K,
  message: string,
): [check: (q: Partial<Record<K, unknown>>) => boolean, says: { message: string; path: string[] }] => [
  (q) => !q[first] || !q[last] || String(q[first]) <= String(q[last]),
  { message, path: [last] },
];

/**
 * A list's query that also takes a span of days, `from` and `to` (Missouri days, both optional,
 * in order); `days` says what falls on them ("Posted", "Signed up").
 */
export const datedListQuery = <F extends z.ZodRawShape>({ days, ...list }: ListOf<F> & { days: string }) =>
  listQuery({
    ...list,
    filters: {
      ...list.filters,
      from: IsoDate.optional().describe(`${days} on or after this day (in Missouri)`),
      to: IsoDate.optional().describe(`${days} on or before this day (in Missouri)`),
    },
  }).refine(...inOrder('from', 'to', 'The last day cannot come before the first'));

/** One of a staff list's routes: `GET path` with the list's query, answering `A`. */
type ListRoute<P extends string, Q extends z.ZodType, A extends z.ZodType | FileBody> = {
  readonly method: 'GET';
  readonly path: P;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly query: Q;
  readonly response: { readonly 200: A };
};

/**
 * A staff list's two routes: its pages at `path`, and at `path.csv` the same rows as a
 * spreadsheet. Both take the one query, so the download holds exactly the rows the pages show.
 * The path takes no parameters (a list of a program's records declares its two routes itself).
 */
export function listWithCsv<const P extends string, Q extends z.ZodType, Page extends z.ZodType>(
  list: {
    path: P;
    summary: string;
    tags: readonly string[];
    query: Q;
    page: Page;
    /** What the spreadsheet holds ("job listings"), and what one of its rows does ("One row per listing: …"). */
    csv: { of: string; columns: string };
  } & ([PathParamNames<P>] extends [never] ? unknown : { path: never }),
): { list: ListRoute<P, Q, Page>; csv: ListRoute<`${P}.csv`, Q, FileBody> } {
  const { page, csv, ...common } = list;
  return {
    // `string` for the path: defineRoute cannot see through P that it has no parameters.
    list: defineRoute<string, ListRoute<P, Q, Page>>({ method: 'GET', ...common, response: { 200: page } }),
    csv: defineRoute<string, ListRoute<`${P}.csv`, Q, FileBody>>({
      method: 'GET',
      ...common,
      path: `${common.path}.csv`,
      summary: `The ${csv.of} the search and filters find, as a spreadsheet (staff)`,
      response: { 200: fileBody(['text/csv'], csv.columns) },
    }),
  };
}
