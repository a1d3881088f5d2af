import { englishSearchWord, withoutFunctionWords } from './spanish-search-words.ts';

/**
 * The directory's vocabulary and its search keys. Text is normalised here, once, for both
 * databases: lower case, accents removed, anything but a–z and 0–9 a space. SQLite's FTS5 and
 * PostgreSQL's 'simple' text search then see the same tokens, so a search returns the same
 * mediators on either. Filters become facet tokens ("areafamily", "lang es", "cty29077") matched
 * exactly; words are matched as prefixes ("span" finds "Spanish"), all of them required.
 */

export const PRACTICE_AREAS = [
  'family',
  'child_custody',
  'special_education',
  'civil',
  'small_claims',
  'landlord_tenant',
  'workplace',
  'elder_probate',
  'commercial',
  'community',
] as const;
export type PracticeArea = (typeof PRACTICE_AREAS)[number];

export const PRACTICE_AREA_LABELS = {
  family: 'Family and domestic',
  child_custody: 'Child custody',
  special_education: 'Special education',
  civil: 'Civil',
  small_claims: 'Small claims',
  landlord_tenant: 'Landlord and tenant',
  workplace: 'Workplace',
  elder_probate: 'Elder and probate',
  commercial: 'Commercial',
  community: 'Community and neighbors',
} as const satisfies Record<PracticeArea, string>;

/** Languages by ISO 639 code; 'ase' is American Sign Language. */
export const LANGUAGES = {
  en: 'English',
  es: 'Spanish',
  ase: 'American Sign Language',
  bs: 'Bosnian',
  vi: 'Vietnamese',
  ar: 'Arabic',
  zh: 'Chinese',
  fr: 'French',
  de: 'German',
  so: 'Somali',
  sw: 'Swahili',
  ru: 'Russian',
  ko: 'Korean',
  tl: 'Tagalog',
} as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

export const FEE_TYPES = ['hourly', 'sliding', 'free'] as const;
export type FeeType = (typeof FEE_TYPES)[number];
export const FEE_LABELS = {
  hourly: 'Hourly rate',
  sliding: 'Sliding scale',
  free: 'Free or volunteer',
} as const satisfies Record<FeeType, string>;

export const SEARCH_SORTS = ['relevance', 'name', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Lower case, accents dropped, only a–z, 0–9 and single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The words a person typed, as prefixes to match: at most 8, each at least 2 characters. A common
 * Spanish word is read as the English word the index holds, and Spanish function words ("de",
 * "en") are left out when other words remain (spanish-search-words.ts).
 */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms = normalizeText(q)
    .split(' ')
    .filter((t) => t.length >= 2);
  return [...new Set(withoutFunctionWords(terms).map(englishSearchWord))].slice(0, 8);
}

export type SearchableProfile = {
  displayName: string;
  practiceName: string;
  bio: string;
  areas: readonly PracticeArea[];
  languages: readonly Language[];
  counties: readonly { fips: string; name: string; circuit: number }[];
  statewide: boolean;
  inPerson: boolean;
  remote: boolean;
  hourlyRate: number | null;
  slidingScale: boolean;
  freeService: boolean;
  acceptingCases: boolean;
  rosters: readonly string[];
  verifiedHours: number;
  yearsPractice: number | null;
  hasPhoto: boolean;
};

/** The words full-text search looks in: names, practice, bio, areas, languages, counties. Padded with spaces. */
export function searchText(p: SearchableProfile): string {
  const parts = [
    p.displayName,
    p.practiceName,
    p.bio,
    ...p.areas.map((a) => PRACTICE_AREA_LABELS[a]),
    ...p.languages.map((l) => LANGUAGES[l]),
    ...p.counties.map((c) => c.name),
    p.statewide ? 'statewide' : '',
  ];
  return ` ${normalizeText(parts.join(' '))} `;
}

export const facet = {
  area: (a: string) => `area${a.replace(/_/g, '')}`,
  language: (l: string) => `lang${l}`,
  county: (fips: string) => `cty${fips}`,
  circuit: (n: number | string) => `cir${n}`,
  roster: (r: string) => `roster${r.replace(/_/g, '')}`,
  fee: (f: string) => `fee${f}`,
  remote: 'modremote',
  inPerson: 'modinperson',
  accepting: 'accepting',
  statewideCounty: 'ctyall',
  statewideCircuit: 'cirall',
} as const;

/** The facet tokens of a profile, padded with spaces so " token " finds a whole token. */
export function facetTokens(p: SearchableProfile): string {
  const tokens = [
    ...p.areas.map(facet.area),
    ...p.languages.map(facet.language),
    ...(p.statewide ? [facet.statewideCounty, facet.statewideCircuit] : []),
    ...(p.statewide ? [] : p.counties.map((c) => facet.county(c.fips))),
    ...(p.statewide ? [] : [...new Set(p.counties.map((c) => c.circuit))].map(facet.circuit)),
    ...p.rosters.map(facet.roster),
    ...(p.hourlyRate !== null ? [facet.fee('hourly')] : []),
    ...(p.slidingScale ? [facet.fee('sliding')] : []),
    ...(p.freeService ? [facet.fee('free')] : []),
    ...(p.remote ? [facet.remote] : []),
    ...(p.inPerson ? [facet.inPerson] : []),
    ...(p.acceptingCases ? [facet.accepting] : []),
  ];
  return ` ${[...new Set(tokens)].join(' ')} `;
}

/**
 * The portable relevance: a fixed score from the record (accepting new cases, rosters met,
 * verified training, a complete profile), the same on both databases. Stored as a fixed-width key
 * that sorts ascending, best first; ties go by name, then id.
 */
export function relevanceScore(p: SearchableProfile): number {
  let score = 0;
  if (p.acceptingCases) score += 4000;
  score += p.rosters.length * 400;
  score += Math.min(200, Math.round(p.verifiedHours * 2));
  score += Math.min(40, p.yearsPractice ?? 0) * 5;
  if (p.hasPhoto) score += 50;
  if (p.bio.length >= 200) score += 50;
  return score;
}

export const sortScoreKey = (score: number): string =>
  String(999_999 - Math.max(0, Math.min(999_999, score))).padStart(6, '0');

/** Sorting by name: normalised, then the raw name breaks ties between "José" and "Jose". */
export const nameKey = (name: string): string => normalizeText(name) || '~';

/** A filter group: at least one of the tokens must be present; every group must be. */
export type FacetGroup = readonly string[];

/** Filters of a search; each area, roster and language listed is required (the mediator has all of them). */
export type SearchFilters = {
  area?: readonly PracticeArea[] | undefined;
  county?: string | undefined;
  circuit?: number | undefined;
  roster?: readonly string[] | undefined;
  language?: readonly Language[] | undefined;
  fee?: FeeType | undefined;
  mode?: 'remote' | 'in_person' | undefined;
  accepting?: boolean | undefined;
};

/** Filters as facet groups (AND of ORs). Serving a county includes serving the whole state. */
export function facetGroups(f: SearchFilters): FacetGroup[] {
  const groups: FacetGroup[] = [];
  for (const a of new Set(f.area)) groups.push([facet.area(a)]);
  if (f.county) groups.push([facet.county(f.county), facet.statewideCounty]);
  if (f.circuit !== undefined) groups.push([facet.circuit(f.circuit), facet.statewideCircuit]);
  for (const r of new Set(f.roster)) groups.push([facet.roster(r)]);
  for (const l of new Set(f.language)) groups.push([facet.language(l)]);
  if (f.fee) groups.push([facet.fee(f.fee)]);
  if (f.mode === 'remote') groups.push([facet.remote]);
  if (f.mode === 'in_person') groups.push([facet.inPerson]);
  if (f.accepting) groups.push([facet.accepting]);
  return groups;
}

/**
 * How many typing mistakes a search word may hold and still find a word: none below 5 letters
 * (too many short words lie one edit apart), one for 5 to 8 letters, two from 9.
 */
export function typoBudget(term: string): number {
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

/**
 * Whether `a` becomes `b` in at most `max` edits: a letter added, dropped or changed, or two
 * neighbours swapped (the optimal string alignment distance). Bounded, so a far word costs little.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return false;
    [before, prev, row] = [prev, row, before];
  }
  return prev[n]! <= max;
}
