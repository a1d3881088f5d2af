import { type Expression, type SqlBool, sql } from 'kysely';
import { endOfMissouriDay, fromMissouriTime } from '../../domain/missouri-time.ts';
import type { Keyset } from '../http/keyset.ts';

// The pieces every staff list's query shares (members, sign-ups, job listings, forms, events,
// dues): a search for part of a word in some columns, and the keyset condition for the rows after
// a page's last one. Column names are the repository's own, never a person's input.

/** `q` found, in any case, in any of `columns`; % and _ typed into a search are letters, not wildcards. */
export function containsText(q: string, columns: readonly string[]): Expression<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}

/** The rows after `after` in the order (`value`, `id`), ascending or descending. */
export function afterKeyset(
  after: Keyset,
  value: string,
  id: string,
  direction: 'asc' | 'desc' = 'asc',
): Expression<SqlBool> {
  const beyond = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<SqlBool>`(${sql.ref(value)} ${beyond} ${after.value} or (${sql.ref(value)} = ${after.value} and ${sql.ref(id)} ${beyond} ${after.id}))`;
}

/** An instant column (ISO text) within Missouri days `from` to `to` (YYYY-MM-DD, either may be left open). */
export function withinMissouriDays(
  column: string,
  from: string | undefined,
  to: string | undefined,
): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (from) parts.push(sql`${sql.ref(column)} >= ${fromMissouriTime(from, '00:00').toISOString()}`);
  if (to)
    parts.push(sql`${sql.ref(column)} < ${new Date(endOfMissouriDay(to).getTime() + 1000).toISOString()}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
