import type { CompiledQuery } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { readLists } from './directory.repository.ts';

// The directory search's queries: what each server's in-memory index (search-index.ts) is built
// and kept in step from. Decides nothing.

const stateQuery = (db: Executor) =>
  db.selectFrom('directory_state').select(['version', 'changes_from']).where('id', '=', 1);
/** The state query written as SQL once per database: every search reads it. */
const compiledState = new WeakMap<Executor, CompiledQuery<{ version: number; changes_from: number }>>();

/** The directory's version and the first version whose changes are still listed. */
export type IndexState = { version: number; changesFrom: number };

/** The directory's state as the database has it now. */
export async function readIndexState(db: Executor): Promise<IndexState> {
  let query = compiledState.get(db);
  if (!query) {
    query = stateQuery(db).compile();
    compiledState.set(db, query);
  }
  const row = (await db.executeQuery(query)).rows[0];
  return { version: Number(row?.version ?? 0), changesFrom: Number(row?.changes_from ?? 0) };
}

/** The profiles changed after `version` (each once), at most `limit`. */
export async function changedSince(db: Executor, version: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('directory_changes')
    .select('profile_id')
    .distinct()
    .where('version', '>', version)
    .limit(limit)
    .execute();
  return rows.map((r) => r.profile_id);
}

/** Forgets the changes before `version`: servers that looked earlier read every profile again. */
export async function pruneChanges(db: Executor, version: number) {
  await db.updateTable('directory_state').set({ changes_from: version }).where('id', '=', 1).execute();
  await db.deleteFrom('directory_changes').where('version', '<', version).execute();
}

/** The columns the index holds of a profile: its search words, facets, sort keys and card. */
export async function indexRows(db: Executor, ids: readonly string[] | null) {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('directory_profiles')
    .select([
      'id',
      'published',
      'name_key',
      'sort_score',
      'search_text',
      'facets',
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
    ]);
  if (ids) query = query.where('id', 'in', ids);
  return (await query.execute()).map(readLists);
}
export type IndexRow = Awaited<ReturnType<typeof indexRows>>[number];

/** Every county's distance and rank from every county (rank 0 is the county itself). */
export async function countyDistances(db: Executor) {
  return db.selectFrom('mo_county_distances').select(['from_fips', 'to_fips', 'miles', 'rank']).execute();
}
