import { readFileSync } from 'node:fs';
import { random } from '../server/db/seed/directory-generator.ts';

// The benchmark's searches, seeded so every run asks the same ones: at least 10,000 different
// searches shaped like a visitor's (plus second pages, made by following the first pages' cursors
// in bench/directory.ts). Each search is one of:
//   30% words: a common word (in about a third of the profiles: "family", "mediation",
//       "parenting"), a word being typed (a prefix of 3 to 5 letters), two words, a surname or
//       first name, or a misspelt word; with 0–2 filters
//   30% filters only: 1–3 of area (one or two), county (any of the 115), circuit, language (one
//       or two), roster (one or two), fee, mode, accepting; a fifth sorted by name
//   20% nearest first from any county, with 0–2 filters that are not places, sometimes a word
//   20% near a place: a ZIP code or a town, with 0–2 filters, sometimes a word
// and asks for 20 rows (half) or 50 rows (half).

const csv = (file: string) =>
  readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
const COUNTIES = csv('missouri-counties.csv').map((r) => r[0]!);
const ZIPS = csv('missouri-zip-codes.csv');
const TOWNS = [...new Set(ZIPS.map((r) => r[1]!))];

const COMMON = ['family', 'mediation', 'parenting', 'custody', 'spanish', 'sessions', 'civil', 'disputes'];
const OTHER_WORDS = [
  'landlord',
  'business',
  'school',
  'evening',
  'divorce',
  'elder',
  'video',
  'neighbour',
  'iep',
  'bilingual',
  'ozark',
  'deposits',
  'probate',
  'workplace',
  'colleagues',
  'support',
  'estates',
  'special',
  'education',
  'contracts',
  'weekend',
  'noise',
  'fences',
  'repairs',
  'tenant',
  'teams',
];
const NAMES = [
  'garza',
  'nunez',
  'castillo',
  'keller',
  'navarro',
  'salazar',
  'whitley',
  'holloway',
  'brennan',
  'rhodes',
  'elena',
  'javier',
  'marisol',
  'grace',
  'hugo',
  'ximena',
];
const MISSPELT = [
  'custdy',
  'parentng',
  'bilingal',
  'landlrd',
  'divorse',
  'medation',
  'spansh',
  'neighbor',
  'buisness',
  'educaton',
  'probat',
  'workplase',
  'castilo',
  'navaro',
];
const ALL_WORDS = [...COMMON, ...OTHER_WORDS, ...NAMES];

type R = ReturnType<typeof random>;

function words(r: R): string {
  const roll = r.next();
  if (roll < 0.3) return r.pick(COMMON);
  if (roll < 0.55) {
    const word = r.pick(ALL_WORDS.filter((w) => w.length >= 4));
    return word.slice(0, r.int(3, Math.min(5, word.length - 1)));
  }
  if (roll < 0.75) return `${r.pick(ALL_WORDS)} ${r.pick(ALL_WORDS)}`;
  if (roll < 0.88) return r.pick(NAMES);
  return r.pick(MISSPELT);
}

const one = <T>(r: R, list: readonly T[]) => r.pick(list);
const oneOrTwo = (r: R, name: string, list: readonly string[]) => {
  const first = r.pick(list);
  const second = r.chance(0.25) ? r.pick(list) : first;
  return first === second ? [`${name}=${first}`] : [`${name}=${first}`, `${name}=${second}`];
};

function filters(r: R, count: number, places = true): string[] {
  const all = [
    () =>
      oneOrTwo(r, 'area', [
        'family',
        'family',
        'civil',
        'child_custody',
        'landlord_tenant',
        'workplace',
        'special_education',
        'small_claims',
        'elder_probate',
        'community',
      ]),
    () => [`county=${one(r, COUNTIES)}`],
    () => [`circuit=${r.int(1, 46)}`],
    () => oneOrTwo(r, 'language', ['es', 'es', 'es', 'en', 'vi', 'bs', 'ase', 'ar', 'zh']),
    () =>
      oneOrTwo(r, 'roster', ['rule17', 'rule17', 'rule88', 'special_education', 'federal_wd', 'federal_ed']),
    () => [`fee=${one(r, ['sliding', 'free', 'hourly'])}`],
    () => [`mode=${one(r, ['remote', 'in_person'])}`],
    () => ['accepting=true'],
  ];
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const i = r.int(0, all.length - 1);
    if (places || (i !== 1 && i !== 2)) chosen.add(i);
  }
  return [...chosen].flatMap((i) => all[i]!());
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

/** At least `count` different search URLs in the stated mix. */
export function searchMix(count = 10_000, seed = 42): string[] {
  const r = random(seed);
  const urls = new Set<string>();
  while (urls.size < count) {
    const roll = r.next();
    let params: string[];
    if (roll < 0.3) params = [q(words(r)), ...filters(r, r.int(0, 2))];
    else if (roll < 0.6) params = [...filters(r, r.int(1, 3)), ...(r.chance(0.2) ? ['sort=name'] : [])];
    else if (roll < 0.8)
      params = [
        'sort=distance',
        `near=${one(r, COUNTIES)}`,
        ...(r.chance(0.3) ? [q(words(r))] : []),
        ...filters(r, r.int(0, 2), false),
      ];
    else
      params = [
        `place=${encodeURIComponent(r.chance(0.6) ? one(r, ZIPS)[0]! : one(r, TOWNS))}`,
        ...(r.chance(0.3) ? [q(words(r))] : []),
        ...filters(r, r.int(0, 2), false),
      ];
    params.push(`limit=${r.chance(0.5) ? 50 : 20}`);
    urls.add(`/api/v1/directory/mediators?${params.join('&')}`);
  }
  return [...urls];
}

/** Runs `bench` for each size in turn (each a whole number of profiles), answering its lines by size. */
export async function bySize<T>(
  sizes: number[],
  bench: (profiles: number) => Promise<T>,
): Promise<Map<number, T>> {
  const lines = new Map<number, T>();
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1) {
      console.error(`--profiles: ${size} is not a whole number of profiles`);
      process.exit(2);
    }
    lines.set(size, await bench(size));
  }
  return lines;
}
