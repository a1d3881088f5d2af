import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { FacetGroup } from '../../../domain/directory-search.ts';
import { dialectOf, type Executor } from '../../db/database.ts';
import { readLists } from './directory.repository.ts';

// The directory search's queries. Two ways to find the same rows, chosen by the service:
//  - "match": the full-text index (FTS5 on SQLite, GIN over tsvector on PostgreSQL) finds every
//    profile with all facet tokens and word prefixes, then the rows are sorted;
//  - "scan": walk an index in the requested order, a bounded chunk at a time, checking the same
//    conditions on the stored, normalised text (" token " and " prefix" substrings).
// Both read the same normalised columns, so they and the two databases return the same rows.

export type Conditions = { groups: readonly FacetGroup[]; terms: readonly string[] };
export type Key = readonly (string | number)[];

const hasConditions = (c: Conditions) => c.groups.length > 0 || c.terms.length > 0;

/** Substring checks on the stored padded text: exact facet tokens, word prefixes. */
function substringChecks(db: Executor, alias: string, c: Conditions): RawBuilder<SqlBool>[] {
  const fn = sql.raw(dialectOf(db) === 'postgres' ? 'strpos' : 'instr');
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const checks = c.groups.map(
    (group) =>
      sql<SqlBool>`(${sql.join(
        group.map((t) => sql`${fn}(${col('facets')}, ${` ${t} `}) > 0`),
        sql` or `,
      )})`,
  );
  for (const term of c.terms) checks.push(sql<SqlBool>`${fn}(${col('search_text')}, ${` ${term}`}) > 0`);
  return checks;
}

/** The full-text index condition on profile alias `p`. */
function matchCondition(db: Executor, c: Conditions): RawBuilder<SqlBool> {
  if (dialectOf(db) === 'postgres') {
    const parts: RawBuilder<SqlBool>[] = [];
    if (c.groups.length)
      parts.push(
        sql<SqlBool>`p.facets_tsv @@ to_tsquery('simple', ${c.groups.map((g) => `(${g.join(' | ')})`).join(' & ')})`,
      );
    if (c.terms.length)
      parts.push(
        sql<SqlBool>`p.search_tsv @@ to_tsquery('simple', ${c.terms.map((t) => `${t}:*`).join(' & ')})`,
      );
    return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
  }
  const long = c.terms.filter((t) => t.length > FTS_PREFIX_MAX);
  return sql<SqlBool>`p.search_rowid in (select rowid from directory_fts where directory_fts match ${ftsQuery(c)})${
    long.length
      ? sql` and ${sql.join(substringChecks(db, 'p', { groups: [], terms: long }), sql` and `)}`
      : sql``
  }`;
}

/**
 * The full-text condition for the match path. FTS5 intersects posting lists at the pace of the
 * longest one, so on SQLite the index finds the rows of the rarest condition (`driver`) and the
 * stored text checks all of them; PostgreSQL's GIN bitmaps intersect well, so it gets them all.
 */
function drivenMatch(db: Executor, c: Conditions, driver: Conditions | undefined): RawBuilder<SqlBool>[] {
  if (!hasConditions(c)) return [];
  if (dialectOf(db) === 'postgres' || !driver || !hasConditions(driver)) return [matchCondition(db, c)];
  return [matchCondition(db, driver), ...substringChecks(db, 'p', c)];
}

/** Profiles holding one facet token, or one word prefix: the planner's statistics. */
export async function countOne(db: Executor, what: { facet: string } | { term: string }): Promise<number> {
  const c: Conditions =
    'facet' in what ? { groups: [[what.facet]], terms: [] } : { groups: [], terms: [what.term] };
  const inner =
    dialectOf(db) === 'postgres'
      ? sql`select 1 from directory_profiles p where ${matchCondition(db, c)}`
      : sql`select 1 from directory_fts where directory_fts match ${ftsQuery(c)}`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${inner}) m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function countProfiles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('directory_profiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The longest prefix FTS5 indexes (migration 0011); longer words are checked on the stored text. */
const FTS_PREFIX_MAX = 8;

/** FTS5 query: facet groups in the facets column, word prefixes in search_text, all required. */
function ftsQuery(c: Conditions): string {
  const parts = [
    ...c.groups.map((g) => `facets : (${g.join(' OR ')})`),
    ...c.terms.map((t) => `search_text : "${t.slice(0, FTS_PREFIX_MAX)}"*`),
  ];
  return parts.join(' AND ');
}

const tuple = (cols: string[]) => sql.raw(`(${cols.join(', ')})`);
const values = (key: Key) => sql`(${sql.join(key.map((v) => sql`${v}`))})`;

/** An ordered profile index: the relevance order or the name order. */
export type Order = { cols: string[] };
export const RELEVANCE: Order = { cols: ['p.sort_score', 'p.name_key', 'p.id'] };
export const BY_NAME: Order = { cols: ['p.name_key', 'p.id'] };

/** The key `chunk` rows after `after` in the order (index only), or null when fewer remain. */
export async function chunkBoundary(
  db: Executor,
  order: Order,
  after: Key | null,
  chunk: number,
): Promise<Key | null> {
  const where = after ? sql`where ${tuple(order.cols)} > ${values(after)}` : sql``;
  const { rows } = await sql<
    Record<string, string>
  >`select ${sql.raw(order.cols.join(', '))} from directory_profiles p ${where}
    order by ${sql.raw(order.cols.join(', '))} limit 1 offset ${chunk - 1}`.execute(db);
  const row = rows[0];
  return row ? Object.values(row) : null;
}

/** The order's keys of the profiles meeting all `conds`, in order, at most `limit`. */
async function keysWhere(
  db: Executor,
  order: Order,
  conds: RawBuilder<SqlBool>[],
  limit: number,
): Promise<Key[]> {
  const cols = sql.raw(order.cols.join(', '));
  const { rows } = await sql<Record<string, string>>`select ${cols} from directory_profiles p
    where ${sql.join(conds, sql` and `)} order by ${cols} limit ${limit}`.execute(db);
  return rows.map((r) => Object.values(r));
}

/** Published profiles in (after, upTo] meeting the conditions, in order, at most `limit`. */
export async function scanOrdered(
  db: Executor,
  order: Order,
  c: Conditions,
  range: { after: Key | null; upTo: Key | null },
  limit: number,
): Promise<Key[]> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.published = 1`, ...substringChecks(db, 'p', c)];
  if (range.after) conds.push(sql<SqlBool>`${tuple(order.cols)} > ${values(range.after)}`);
  if (range.upTo) conds.push(sql<SqlBool>`${tuple(order.cols)} <= ${values(range.upTo)}`);
  return keysWhere(db, order, conds, limit);
}

/**
 * The first `chunk` profiles after `after` in the order, then those among them meeting the
 * conditions (at most `limit`): one query for the common case of a search that is not rare.
 */
export async function scanFirstChunk(
  db: Executor,
  order: Order,
  c: Conditions,
  after: Key | null,
  chunk: number,
  limit: number,
): Promise<Key[]> {
  const cols = order.cols.map((col) => col.replace('p.', 'q.'));
  const where = after ? sql`where ${tuple(order.cols)} > ${values(after)}` : sql``;
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`q.published = 1`, ...substringChecks(db, 'q', c)];
  const { rows } = await sql<Record<string, string>>`select ${sql.raw(cols.join(', '))} from (
      select ${sql.raw(order.cols.join(', '))}, p.published, p.facets, p.search_text from directory_profiles p
      ${where} order by ${sql.raw(order.cols.join(', '))} limit ${chunk}) q
    where ${sql.join(conds, sql` and `)} order by ${sql.raw(cols.join(', '))} limit ${limit}`.execute(db);
  return rows.map((r) => Object.values(r));
}

/** Every match of the full-text index after `after`, sorted, at most `limit`. */
export async function matchOrdered(
  db: Executor,
  order: Order,
  c: Conditions,
  after: Key | null,
  limit: number,
  driver?: Conditions,
): Promise<Key[]> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.published = 1`, ...drivenMatch(db, c, driver)];
  if (after) conds.push(sql<SqlBool>`${tuple(order.cols)} > ${values(after)}`);
  return keysWhere(db, order, conds, limit);
}

/** The counties around `near`, nearest first: rank 0 is the county itself. */
export async function countiesByDistance(db: Executor, near: string) {
  return db
    .selectFrom('mo_county_distances')
    .select(['to_fips', 'miles', 'rank'])
    .where('from_fips', '=', near)
    .orderBy('rank')
    .execute();
}

/** The (name_key, id) `chunk` rows after `after` among profiles serving `fips` (index only). */
export async function countyChunkBoundary(
  db: Executor,
  fips: string,
  after: Key | null,
  chunk: number,
): Promise<Key | null> {
  const where = after ? sql`and (pc.name_key, pc.profile_id) > ${values(after)}` : sql``;
  const { rows } = await sql<{ name_key: string; profile_id: string }>`select pc.name_key, pc.profile_id
    from directory_profile_counties pc where pc.fips = ${fips} ${where}
    order by pc.name_key, pc.profile_id limit 1 offset ${chunk - 1}`.execute(db);
  const row = rows[0];
  return row ? [row.name_key, row.profile_id] : null;
}

/**
 * Profiles serving `fips` by (name_key, id) that meet the conditions and serve no county nearer
 * to `near` than `rank` (so each profile appears once, at its nearest county): among the first
 * `firstChunk` rows after `after`, or in (after, upTo].
 */
export async function scanCounty(
  db: Executor,
  input: {
    fips: string;
    near: string;
    rank: number;
    c: Conditions;
    after: Key | null;
    range: { firstChunk: number } | { upTo: Key | null };
    limit: number;
  },
): Promise<Key[]> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.published = 1`, ...substringChecks(db, 'p', input.c)];
  if (input.rank > 0) {
    // For each county the mediator serves (a handful), look its rank up by key.
    conds.push(sql<SqlBool>`not exists (select 1 from directory_profile_counties pc2
      where pc2.profile_id = pc.profile_id and (select d.rank from mo_county_distances d
        where d.from_fips = ${input.near} and d.to_fips = pc2.fips) < ${input.rank})`);
  }
  const bounds: RawBuilder<SqlBool>[] = [sql<SqlBool>`c.fips = ${input.fips}`];
  if (input.after) bounds.push(sql<SqlBool>`(c.name_key, c.profile_id) > ${values(input.after)}`);
  if ('upTo' in input.range && input.range.upTo)
    bounds.push(sql<SqlBool>`(c.name_key, c.profile_id) <= ${values(input.range.upTo)}`);
  const limit = 'firstChunk' in input.range ? sql`limit ${input.range.firstChunk}` : sql``;
  const { rows } = await sql<{ name_key: string; profile_id: string }>`select pc.name_key, pc.profile_id
    from (select c.name_key, c.profile_id from directory_profile_counties c where ${sql.join(bounds, sql` and `)}
      order by c.name_key, c.profile_id ${limit}) pc
    join directory_profiles p on p.id = pc.profile_id
    where ${sql.join(conds, sql` and `)} order by pc.name_key, pc.profile_id limit ${input.limit}`.execute(
    db,
  );
  return rows.map((r) => [input.rank, r.name_key, r.profile_id]);
}

/**
 * Every published match of the full-text path with its facet tokens, which name the counties it
 * serves (or the whole state): the nearest-first full-text path ranks these in the service.
 */
export async function matchWithFacets(
  db: Executor,
  c: Conditions,
  driver: Conditions | undefined,
): Promise<{ name_key: string; id: string; facets: string }[]> {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.published = 1`, ...drivenMatch(db, c, driver)];
  const { rows } = await sql<{
    name_key: string;
    id: string;
    facets: string;
  }>`select p.name_key, p.id, p.facets
    from directory_profiles p where ${sql.join(conds, sql` and `)}`.execute(db);
  return rows;
}

/** The columns a result card shows, for the ids of one page. */
export async function cardsFor(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('directory_profiles')
    .select([
      'id',
      'display_name',
      'practice_name',
      'photo_file_id',
      'areas',
      'languages',
      'statewide',
      'counties',
      'remote',
      'in_person',
      'hourly_rate',
      'sliding_scale',
      'free_service',
      'accepting_cases',
      'years_practice',
      'elig_rule17',
      'elig_rule88',
      'elig_special_education',
      'elig_federal_ed',
      'elig_federal_wd',
    ])
    .where('id', 'in', ids)
    .execute();
  return rows.map(readLists);
}
