import { random } from '../server/db/seed/directory-generator.ts';

// The benchmark's mix of searches, seeded so every run asks the same 1,000 questions:
//   40% filters only (area, county, circuit, language, roster, fee, mode, accepting; 1–3 of them,
//       a fifth of them sorted by name)
//   40% words with filters ("spanish", "parenting", "landlord", a surname...; 0–2 filters)
//   20% sorted by distance from a county (0–2 filters that are not places: choosing the county to
//       measure from takes the place of a county or circuit filter)

const COUNTIES = [
  '29077',
  '29510',
  '29189',
  '29095',
  '29019',
  '29047',
  '29097',
  '29183',
  '29043',
  '29005',
  '29213',
  '29031',
];
const WORDS = [
  'spanish',
  'parenting',
  'landlord',
  'custody',
  'business',
  'school',
  'evening',
  'divorce',
  'garza',
  'elder',
  'video',
  'neighbour',
  'iep',
  'bilingual',
  'ozark',
];

function filterParams(r: ReturnType<typeof random>, count: number, places = true): string[] {
  const all = [
    () =>
      `area=${r.pick(['family', 'family', 'civil', 'child_custody', 'landlord_tenant', 'workplace', 'special_education', 'small_claims'])}`,
    () => `county=${r.pick(COUNTIES)}`,
    () => `circuit=${r.pick([31, 22, 21, 16, 13, 38, 4, 25])}`,
    () => `language=${r.pick(['es', 'es', 'es', 'vi', 'bs', 'ase'])}`,
    () => `roster=${r.pick(['rule17', 'rule17', 'rule88', 'special_education', 'federal_wd'])}`,
    () => `fee=${r.pick(['sliding', 'free', 'hourly'])}`,
    () => `mode=${r.pick(['remote', 'in_person'])}`,
    () => 'accepting=true',
  ];
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const i = r.int(0, all.length - 1);
    if (places || (i !== 1 && i !== 2)) chosen.add(i);
  }
  return [...chosen].map((i) => all[i]!());
}

/** 1,000 search URLs in the stated mix. */
export function searchMix(seed = 42): string[] {
  const r = random(seed);
  const urls: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const roll = r.next();
    let params: string[];
    if (roll < 0.4) params = [...filterParams(r, r.int(1, 3)), ...(r.chance(0.2) ? ['sort=name'] : [])];
    else if (roll < 0.8) params = [`q=${encodeURIComponent(r.pick(WORDS))}`, ...filterParams(r, r.int(0, 2))];
    else params = ['sort=distance', `near=${r.pick(COUNTIES)}`, ...filterParams(r, r.int(0, 2), false)];
    urls.push(`/api/v1/directory/mediators?${params.join('&')}`);
  }
  return urls;
}
