import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SearchQuery } from '../contracts/directory.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedSyntheticDirectory } from '../server/db/seed/directory-generator.ts';
import { readIndexState } from '../server/modules/directory/search.repository.ts';
import { searchDirectoryJson } from '../server/modules/directory/search.service.ts';
import { DirectoryIndex } from '../server/modules/directory/search-sync.ts';
import { bySize, searchMix } from './directory-mix.ts';

// `node bench/directory-cpu.ts` — what a search costs the index alone, in one process: no HTTP, no
// database read (the directory's state is read once and handed to every search, as the answer
// cache does). The same synthetic profiles and the same mix as bench:directory (10,000 different
// searches and the second pages of the first 1,500 by their cursors), run in rounds after a
// warm-up; per size it prints the time per search in µs, each search's fastest run averaged over the
// mix (and per kind of search; and the fastest whole round's time per search beside it),
// and a digest of every answer's JSON, so a change to the index can be checked to answer
// byte for byte the same. A last line gives the growth from 1,000 to 100,000 profiles.
// On a machine shared with other work each search's fastest run is the figure to compare: a
// search rarely waits for the processor in every round.
//
//   node bench/directory-cpu.ts                     1,000, 10,000 and 100,000 profiles, 7 rounds
//   node bench/directory-cpu.ts --profiles 1000,100000 --rounds 11
//   node bench/directory-cpu.ts --keep           keeps the built databases for the next run

const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: '1000,10000,100000' },
    rounds: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.profiles.split(',').map((s) => Number(s.trim()));
const rounds = Number(args.rounds);

/** The kind of a search in the mix (see bench/directory-mix.ts), to say where the time goes. */
function kindOf(url: string): string {
  if (url.includes('place=')) return 'place';
  if (url.includes('sort=distance')) return 'nearest';
  if (url.includes('q=')) return 'words';
  return 'filters';
}

/** A search URL's query as the route reads it: a repeated parameter becomes a list. */
function parse(url: string): SearchQuery {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url, 'http://x').searchParams) {
    const had = raw[k];
    raw[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return SearchQuery.parse(raw);
}

async function benchSize(profiles: number) {
  const file = path.join(tmpdir(), `parley-bench-directory-cpu-${profiles}.db`);
  if (!args.keep || !existsSync(file)) {
    for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    const db = openDatabase({ url: `file:${file}` });
    await migrateToLatest(db);
    await seedSyntheticDirectory(db, profiles, 17);
    await db.destroy();
  }
  const db = openDatabase({ url: `file:${file}` });
  try {
    const state = await readIndexState(db);
    const index = new DirectoryIndex();
    const deps = { db };
    const options = { index, state };
    const urls = searchMix();
    // The second pages of the first 1,500 searches that have one, as bench:directory asks them.
    for (const url of urls.slice(0, 1500)) {
      const page = JSON.parse((await searchDirectoryJson(deps, parse(url), options)).text) as {
        nextCursor: string | null;
      };
      if (page.nextCursor) urls.push(`${url}&cursor=${encodeURIComponent(page.nextCursor)}`);
    }
    const queries = urls.map(parse);
    const kinds = urls.map(kindOf);
    const digest = createHash('sha256');
    for (const query of queries) digest.update((await searchDirectoryJson(deps, query, options)).text);

    const times = new Float64Array(queries.length).fill(Number.POSITIVE_INFINITY);
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (let i = 0; i < queries.length; i++) {
        const t0 = performance.now();
        await searchDirectoryJson(deps, queries[i]!, options);
        const took = performance.now() - t0;
        if (took < times[i]!) times[i] = took;
      }
      fastest = Math.min(fastest, performance.now() - start);
    }
    const byKind: Record<string, number> = {};
    const counts: Record<string, number> = {};
    let each = 0;
    times.forEach((t, i) => {
      each += t;
      byKind[kinds[i]!] = (byKind[kinds[i]!] ?? 0) + t;
      counts[kinds[i]!] = (counts[kinds[i]!] ?? 0) + 1;
    });
    const us = (ms: number) => Math.round(ms * 10_000) / 10;
    const line = {
      profiles,
      searches: queries.length,
      usPerSearch: us(each / queries.length),
      usPerSearchFastestRound: us(fastest / queries.length),
      byKindUs: Object.fromEntries(Object.keys(byKind).map((k) => [k, us(byKind[k]! / counts[k]!)])),
      digest: digest.digest('hex').slice(0, 16),
    };
    console.info(JSON.stringify(line));
    return line;
  } finally {
    await db.destroy();
    if (!args.keep) for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  }
}

const lines = await bySize(sizes, benchSize);
const small = lines.get(1000);
const large = lines.get(100000);
if (small && large)
  console.info(
    JSON.stringify({
      usPerSearch1000: small.usPerSearch,
      usPerSearch100000: large.usPerSearch,
      growth: Math.round((large.usPerSearch / small.usPerSearch) * 100) / 100,
    }),
  );
