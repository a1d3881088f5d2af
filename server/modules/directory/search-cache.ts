import type { Executor } from '../../db/database.ts';
import { type IndexState, readIndexState } from './search.repository.ts';

/**
 * Answers to public directory searches, kept per process and keyed by the directory's version.
 * The version lives in the database and triggers bump it on every profile change, so before
 * each answer one tiny read tells every app server whether its cached pages still hold: a
 * profile edited through any server is searched fresh everywhere on the next request. Nothing
 * here is the only copy of anything; a restarted server simply starts with an empty cache.
 */
export type SearchCache<V> = {
  /** The answer kept for `key` at the directory's version, or `compute`'s, given the state just read. */
  get(db: Executor, key: string, compute: (state: IndexState) => Promise<V>): Promise<V>;
  readonly size: number;
};

/** A least-recently-used cache of at most `capacity` answers; 0 turns caching off. */
export function createSearchCache<V>(capacity: number): SearchCache<V> {
  const entries = new Map<string, V>();
  let version = -1;
  return {
    get size() {
      return entries.size;
    },
    async get(db, key, compute) {
      const state = await readIndexState(db);
      if (capacity <= 0) return compute(state);
      const current = state.version;
      if (current !== version) {
        entries.clear();
        version = current;
      }
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Refresh its place: Map keeps insertion order, so the oldest entry is the first.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const answer = await compute(state);
      if (version === current) {
        entries.set(key, answer);
        if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      }
      return answer;
    },
  };
}
