/**
 * The public directory search: a query's words, filters, place and sort answered from the server's
 * index (search-sync.ts), a page at a time; nearest first is search-nearest.ts's.
 */
import type { SearchPage, SearchQuery } from '../../../contracts/directory.ts';
import { facetGroups, type SearchSort, searchTerms } from '../../../domain/directory-search.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { JsonText } from '../../http/route.ts';
import type { Deps } from '../../infra/deps.ts';
import { countyIndex } from './directory.service.ts';
import { missouriPlaces } from './places.ts';
import type * as repo from './search.repository.ts';
import { andNotInto } from './search-bits.ts';
import { decodeCursor, encodeCursor, type Found, keyOf } from './search-cursor.ts';
import { type SearchIndex, searchTuning } from './search-index.ts';
import { nearestBySort, nearestByWalk, ringAround, ringFrom } from './search-nearest.ts';
import { type DirectoryIndex, indexFor } from './search-sync.ts';

/**
 * The server's index, and the directory's state when the caller has just read it (the answer
 * cache reads it first, to know whether its answers still hold): one read a search, not two.
 */
export type SearchOptions = { index?: DirectoryIndex; state?: repo.IndexState };

/** A search's answer before it is written out: the page's documents and what goes with them. */
type Answer = {
  index: SearchIndex;
  page: Found[];
  nextCursor: string | null;
  total: number;
  place: SearchPage['place'];
};

/** The public directory search: words (exact, prefix, then misspelt), filters, place, sort, cursor, total. */
export async function searchDirectory(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<SearchPage> {
  const { index, page, nextCursor, total, place } = await answer(deps, query, options);
  return {
    results: page.map((f) => ({ ...index.card(f.doc), milesAway: f.miles })),
    nextCursor,
    total,
    place,
  };
}

/**
 * The same search written as the JSON it is sent as, from each profile's card written once when
 * it was indexed: the same text JSON.stringify gives for searchDirectory's answer.
 */
export async function searchDirectoryJson(
  deps: Pick<Deps, 'db'>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<JsonText<SearchPage>> {
  const { index, page, nextCursor, total, place } = await answer(deps, query, options);
  // Joined in one go: a string grown piece by piece is a chain of pieces the socket must flatten.
  const parts = page.map((f) => index.resultJson(f.doc, f.miles));
  const rest = `],"nextCursor":${JSON.stringify(nextCursor)},"total":${total},"place":${JSON.stringify(place)}}`;
  return new JsonText<SearchPage>(`{"results":[${parts.join(',')}${rest}`);
}

async function answer(deps: Pick<Deps, 'db'>, query: SearchQuery, options: SearchOptions): Promise<Answer> {
  const db = deps.db;
  const place = query.place ? (await missouriPlaces(db)).find(query.place) : null;
  if (query.place && !place)
    throw invalid('place', 'is not a Missouri city, town, county or ZIP code we know; check the spelling');
  const sort: SearchSort = place ? 'distance' : query.sort;
  const near = query.near ?? (sort === 'distance' ? query.county : undefined);
  if (sort === 'distance' && !near && !place)
    throw new AppError('VALIDATION_FAILED', 'Please choose a county to sort by distance from.', {
      fields: { near: 'choose a county to measure distance from' },
    });
  const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
  // Everything read from the database comes first: from here to the page the search does not wait,
  // so the index does not change under it and its working bit sets go back before another starts.
  const ring = sort === 'distance' ? (place ? await ringFrom(db, place) : await ringAround(db, near!)) : null;
  const placeShown = place ? { name: place.name, counties: await countyNames(db, place.counties) } : null;
  const index = await (options.index ?? indexFor(db)).current(db, options.state);

  // Every filter group and every word, as bit sets of profiles, kept and counted in one pass.
  // Nearest first meets only the profiles serving some place (all of them published).
  const terms = searchTerms(query.q);
  const {
    matches,
    exactly,
    total,
    exact: exactCount,
  } = index.match(ring !== null, facetGroups(query), terms);

  const want = query.limit + 1;
  const found: Found[] = [];
  if (ring) {
    // Three ways, the same pages: walking the counties' lists outwards reads about want ×
    // (profiles listed ÷ matches) entries, each cheap; placing the matches rank by rank reads the
    // words holding them once for each rank the page needs (a rank holds about matches × counties
    // served ÷ ranks); placing each match by its own row costs a read from far in memory per
    // match. The figures below weigh each as measured; the walk is given up past twice the
    // cheaper of the other two (when the matches lie far out, or past a deep cursor).
    const way = searchTuning.nearest;
    const words = matches.length;
    const perRank = (Math.max(total, 1) * index.listed) / Math.max(index.size, 1) / ring.ranks.length;
    const reached = Math.min(ring.ranks.length, Math.max(1, want / perRank));
    const byRank = 40 * Math.min(total, words) * reached + words;
    const byRow = 200 * total + words;
    const walkCost = (4 * want * index.listed) / Math.max(total, 1);
    const placed = way === 'ranks' || (way === 'cheaper' && byRank < byRow) ? 'ranks' : 'rows';
    const walked =
      way === 'walk' || (way === 'cheaper' && walkCost <= Math.min(byRank, byRow))
        ? nearestByWalk(
            index,
            matches,
            ring,
            after,
            want,
            way === 'walk' ? Infinity : Math.min(byRank, byRow) / 2,
          )
        : null;
    found.push(...(walked ?? nearestBySort(index, matches, total, ring, after, want, placed)));
  } else {
    const order = sort === 'name' ? 'name' : 'relevance';
    // By relevance, the profiles matching every word exactly or as a prefix come first (tier 0),
    // then those matching only with a misspelt word (tier 1). Without words, or when no word
    // found more by its misspelt forms, there is one tier.
    const tiers = order === 'relevance' && exactly ? 2 : 1;
    const start = after && order === 'relevance' ? Number(after[0]) : 0;
    for (let tier = start; tier < tiers && found.length < want; tier++) {
      // Tier 1 is made only when tier 0 does not fill the page.
      const bits = tier === 0 ? (tiers === 2 ? exactly! : matches) : andNotInto(matches, exactly!);
      const count = tiers === 1 ? total : tier === 0 ? exactCount : total - exactCount;
      const within =
        tier === start && after ? (order === 'relevance' ? after.slice(1) : after).map(String) : null;
      for (const doc of index.top({ bits, order }, count, within, want - found.length))
        found.push({ doc, order, lead: order === 'relevance' ? tier : null, miles: null });
    }
  }
  index.give(matches, ...(exactly ? [exactly] : []));

  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    index,
    page,
    nextCursor: found.length > query.limit && last ? encodeCursor(sort, keyOf(index, last)) : null,
    total,
    place: placeShown,
  };
}

async function countyNames(db: Executor, fips: string[]): Promise<string[]> {
  const counties = await countyIndex(db);
  return fips.map((f) => counties.get(f)?.name ?? f);
}
