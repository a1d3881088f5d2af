import { z } from 'zod';

// What every staff list shares (members, dues, payments, newsletter sign-ups, job listings, forms, events):
// a search box, keyset pages (`after`, the `next` of the page before) and the page's answer. A
// list's CSV takes the same query, so the download holds exactly the rows its pages show.

/** Part of a name, an address or a title, as typed. */
export const SearchText = z.string().trim().max(80, 'Keep the search under 80 characters').optional();

/** Where the last page ended (the `next` of the page before): pages follow on from it. */
export const PageAfter = z.string().max(400).optional();

/** How many rows a page holds, the row named in words ("member", "members"). */
export const pageLimit = (row: string, rows: string) =>
  z.coerce
    .number(`Give the number of ${rows} per page`)
    .int(`Give a whole number of ${rows} per page`)
    .min(1, `Show at least 1 ${row} per page`)
    .max(100, `Show at most 100 ${rows} per page`)
    .default(25);

/** A page of rows; `next` is the cursor for the page after, null on the last. */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), next: z.string().nullable() });

/** From and until (dates), the second not before the first: the message names `to`. */
export const datesInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
export const DATES_OUT_OF_ORDER = { message: 'The last day cannot come before the first', path: ['to'] };
