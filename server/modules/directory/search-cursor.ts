/**
 * A search result found and the cursor made of its key: where the next page starts, checked when
 * it comes back.
 */
import type { SearchSort } from '../../../domain/directory-search.ts';
import { invalid } from '../../http/errors.ts';
import type { IndexOrder, SearchIndex } from './search-index.ts';

// A cursor holds the last result's key: [match tier, score, name, id] by relevance, [name, id] by
// name, [rank of distance, name, id] nearest first.
export type Key = readonly (string | number)[];
const CURSOR_SHAPE: Record<SearchSort, string[]> = {
  relevance: ['number', 'string', 'string', 'string'],
  name: ['string', 'string'],
  distance: ['number', 'string', 'string'],
};

export const encodeCursor = (sort: SearchSort, key: Key) =>
  Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');

export function decodeCursor(text: string, sort: SearchSort): Key {
  const bad = () => invalid('cursor', 'is not a cursor from this search; start again from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort) throw bad();
  const key = parsed.slice(1);
  const shape = CURSOR_SHAPE[sort];
  if (key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) throw bad();
  return key as Key;
}

/**
 * A result found: its document, and what its cursor key is made of (worked out only for the last
 * result of a page): the order's key, after the match tier or distance rank when there is one.
 */
export type Found = { doc: number; order: IndexOrder; lead: number | null; miles: number | null };

export const keyOf = (index: SearchIndex, f: Found): Key =>
  f.lead === null ? index.keyOf(f.order, f.doc) : [f.lead, ...index.keyOf(f.order, f.doc)];
