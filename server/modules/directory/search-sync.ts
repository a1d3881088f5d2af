/**
 * Each server's search index kept in step with the database (directory_changes), and the daily
 * pruning of the changes it reads.
 */
import { facet } from '../../../domain/directory-search.ts';
import { ROSTERS, type Roster } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import { countyIndex, ELIG_COLUMN, practiceOf } from './directory.service.ts';
import { photoUrl } from './profiles.service.ts';
import * as repo from './search.repository.ts';
import { type IndexedProfile, SearchIndex } from './search-index.ts';

/**
 * Each server's search index, kept in step with the database. Before every search one small read
 * gives the directory's version (bumped by triggers on every profile change, migration 0013 and
 * 2026-11-26-2116); when it moved, the index reads the profiles changed since the version it last
 * saw (directory_changes) and only those, so an edit made through any server is found by the next
 * search on every server. A server that starts, or fell behind past the pruned changes, reads them all.
 */
export class DirectoryIndex {
  private index: SearchIndex | null = null;
  private version = -1;
  private pending: Promise<void> | null = null;

  /** The index as of the database's current version (`state`, when it was just read). */
  async current(db: Executor, state?: repo.IndexState): Promise<SearchIndex> {
    const target = state ?? (await repo.readIndexState(db));
    while (this.version !== target.version || !this.index) {
      this.pending ??= this.catchUp(db).finally(() => {
        this.pending = null;
      });
      await this.pending;
      if (this.version > target.version) break;
    }
    return this.index!;
  }

  private async catchUp(db: Executor) {
    const state = await repo.readIndexState(db);
    if (state.version === this.version && this.index) return;
    const whole = !this.index || state.version < this.version || this.version + 1 < state.changesFrom;
    const ids = whole ? null : await repo.changedSince(db, this.version, CATCH_UP_MOST + 1);
    if (!ids || ids.length > CATCH_UP_MOST) {
      const counties = await countyIndex(db);
      this.index = new SearchIndex((await repo.indexRows(db, null)).map((r) => indexed(r, counties)));
    } else {
      const counties = await countyIndex(db);
      const rows = new Map((await repo.indexRows(db, ids)).map((r) => [r.id, r]));
      for (const id of ids) {
        const row = rows.get(id);
        this.index!.upsert(id, row ? indexed(row, counties) : null);
      }
    }
    this.version = state.version;
  }
}

/** More changed profiles than this since a server last looked: it reads them all again. */
const CATCH_UP_MOST = 5000;

function indexed(r: repo.IndexRow, counties: Map<string, { name: string }>): IndexedProfile {
  const facets = r.facets.trim().split(' ').filter(Boolean);
  return {
    id: r.id,
    published: r.published === 1,
    nameKey: r.name_key,
    sortScore: r.sort_score,
    words: r.search_text.trim().split(' ').filter(Boolean),
    facets,
    counties: facets.filter((f) => /^cty\d{5}$/.test(f)).map((f) => Number(f.slice(3)) - 29000),
    statewide: facets.includes(facet.statewideCounty),
    card: {
      id: r.id,
      name: r.display_name,
      practiceName: r.practice_name,
      photoUrl: photoUrl(r),
      areas: r.areas,
      languages: r.languages,
      statewide: r.statewide === 1,
      counties: r.counties.map((f) => counties.get(f)?.name ?? f),
      ...practiceOf(r),
      rosters: ROSTERS.filter((x: Roster) => r[ELIG_COLUMN[x]] === 1),
    },
  };
}

const shared = new WeakMap<Executor, DirectoryIndex>();
/** The process's index for a database (each app's routes keep their own: see directory.routes.ts). */
export const indexFor = (db: Executor) => {
  let index = shared.get(db);
  if (!index) {
    index = new DirectoryIndex();
    shared.set(db, index);
  }
  return index;
};

/** Versions whose changed profiles stay listed for servers catching up; older ones are pruned daily. */
const KEPT_VERSIONS = 10_000;

/** Forgets changes older than the kept versions; answers the first version still listed. */
export async function pruneIndexChanges(deps: Pick<Deps, 'db'>): Promise<number> {
  const { version, changesFrom } = await repo.readIndexState(deps.db);
  const from = Math.max(changesFrom, version - KEPT_VERSIONS);
  if (from > changesFrom) await deps.db.transaction().execute((tx) => repo.pruneChanges(tx, from));
  return from;
}
