import type { Insertable } from 'kysely';
import type { County } from '../../../contracts/directory.ts';
import {
  LANGUAGE_CODES,
  type Language,
  PRACTICE_AREAS,
  type PracticeArea,
} from '../../../domain/directory-search.ts';
import type { CourseKind, DegreeField } from '../../../domain/eligibility.ts';
import { nextSearchRowid, writeLists } from '../../modules/directory/directory.repository.ts';
import { countyIndex, deriveColumns } from '../../modules/directory/directory.service.ts';
import type { Db } from '../database.ts';
import type { DirectoryCoursesTable, DirectoryProfilesTable } from '../tables/directory.ts';

// Synthetic, clearly fictional mediators for the benchmark, the search parity test and the demo: the same
// seed gives the same rows (ids included) on SQLite and PostgreSQL. Derived columns come from the
// directory service's own deriveColumns, so they are exactly what a save would store.

const FIRST = [
  'Ada',
  'Ben',
  'Cora',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Iris',
  'Jonah',
  'Kira',
  'Luis',
  'Maya',
  'Nate',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wade',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Andrés',
  'Beatriz',
  'Carmen',
  'Diego',
  'Esther',
  'Felipe',
  'Gloria',
  'Héctor',
  'Inés',
  'Javier',
  'Lucía',
  'Marisol',
];
const LAST = [
  'Abbott',
  'Baird',
  'Castillo',
  'Dunn',
  'Ellison',
  'Fuentes',
  'Garza',
  'Hale',
  'Ibarra',
  'Jensen',
  'Keller',
  'Lozano',
  'Maddox',
  'Navarro',
  'Ochoa',
  'Pruitt',
  'Quintero',
  'Rhodes',
  'Salazar',
  'Tate',
  'Ureña',
  'Vance',
  'Whitley',
  'Yates',
  'Zamora',
  'Brennan',
  'Carver',
  'Dalton',
  'Everly',
  'Foley',
  'Gaines',
  'Holloway',
  'Núñez',
];
const PRACTICE = [
  'Mediation',
  'Dispute Resolution',
  'Family Mediation',
  'Conflict Resolution',
  'Mediation Services',
];
const PLACES = [
  'Ozark',
  'Prairie',
  'River City',
  'Gateway',
  'Heartland',
  'Show-Me',
  'Bluff',
  'Meramec',
  'Osage',
];
const BIO_BITS = [
  'I help parents build parenting plans that work for their children.',
  'Bilingual sessions in Spanish and English.',
  'Co-parenting, custody and parenting time.',
  'Landlord and tenant disputes, deposits and repairs.',
  'Workplace conflicts between colleagues and teams.',
  'Elder care decisions, estates and probate.',
  'Business partners, contracts and commercial claims.',
  'Neighbour disputes, noise, fences and property lines.',
  'Special education: IEP meetings, evaluations and services.',
  'Small claims before the court date.',
  'Divorce, property division and support.',
  'Evening and weekend sessions available.',
  'Video sessions for people far from town.',
];
/** How likely a mediator is to list each practice area, in percent. */
const AREA_WEIGHTS = {
  family: 40,
  child_custody: 25,
  special_education: 8,
  civil: 30,
  small_claims: 12,
  landlord_tenant: 12,
  workplace: 10,
  elder_probate: 8,
  commercial: 8,
  community: 12,
} satisfies Record<PracticeArea, number>;
/** Languages a mediator may speak besides English and Spanish (which are drawn on their own). */
const OTHER_LANGUAGES = LANGUAGE_CODES.filter((code) => code !== 'en' && code !== 'es');
const DEGREES: DegreeField[] = [
  'psychology',
  'social_work',
  'counseling',
  'behavioral_science',
  'psychiatry',
  'other',
];

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const idFor = (prefix: string, i: number) =>
  `0000${prefix}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

export type Generated = {
  users: { id: string; email: string; name: string }[];
  profiles: Insertable<DirectoryProfilesTable>[];
  courses: Insertable<DirectoryCoursesTable>[];
  countyRows: { profile_id: string; fips: string; name_key: string }[];
};

/** Generates `count` profiles; `nearby` lists, per county, counties by distance (for clustered service areas). */
export function generateProfiles(
  count: number,
  seed: number,
  counties: Map<string, County>,
  nearby: Map<string, string[]>,
  rowidBase = 0,
): Generated {
  const r = random(seed);
  const fipsList = [...counties.keys()].sort();
  const out: Generated = { users: [], profiles: [], courses: [], countyRows: [] };
  const at = '2026-01-15T12:00:00.000Z';
  for (let i = 0; i < count; i++) {
    const id = idFor('0001', i);
    const userId = idFor('0002', i);
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const areas = PRACTICE_AREAS.filter((area) => r.next() * 100 < AREA_WEIGHTS[area]);
    if (areas.length === 0) areas.push(r.pick(PRACTICE_AREAS));
    const languages: Language[] = ['en'];
    if (r.chance(0.15)) languages.push('es');
    if (r.chance(0.06)) languages.push(r.pick(OTHER_LANGUAGES));
    const statewide = r.chance(0.05);
    const home = r.pick(fipsList);
    const served = statewide ? [] : (nearby.get(home) ?? [home]).slice(0, r.int(1, 8)).sort();
    const remote = r.chance(0.6);
    const family = areas.includes('family') || areas.includes('child_custody');
    const attorney = r.chance(0.3);
    const degree = !attorney && r.chance(0.45) ? r.pick(DEGREES) : null;
    const courses: { hours: number; kind: CourseKind; verified: boolean }[] = [];
    const core = r.pick([0, 8, 16, 16, 24, 40]);
    if (core) courses.push({ hours: core, kind: 'civil_core', verified: r.chance(0.92) });
    if (family || r.chance(0.2)) {
      courses.push({ hours: r.pick([12, 16, 20, 36]), kind: 'family_custody', verified: r.chance(0.92) });
      if (r.chance(0.7))
        courses.push({ hours: r.pick([2, 4]), kind: 'violence_power_imbalance', verified: r.chance(0.95) });
    }
    if (areas.includes('special_education'))
      courses.push({ hours: 8, kind: 'special_education', verified: true });
    if (r.chance(0.5))
      courses.push({ hours: r.pick([1, 1.5, 3, 6]), kind: 'continuing_education', verified: true });
    const row = {
      id,
      user_id: userId,
      search_rowid: rowidBase + i + 1,
      display_name: name,
      practice_name: r.chance(0.7) ? `${r.pick(PLACES)} ${r.pick(PRACTICE)}` : '',
      bio: Array.from({ length: r.int(1, 4) }, () => r.pick(BIO_BITS)).join(' '),
      photo_file_id: null,
      areas,
      languages,
      counties: served,
      statewide: statewide ? 1 : 0,
      in_person: remote && r.chance(0.2) ? 0 : 1,
      remote: remote ? 1 : 0,
      hourly_rate: r.chance(0.7) ? r.int(8, 30) * 10 : null,
      sliding_scale: r.chance(0.35) ? 1 : 0,
      free_service: r.chance(0.1) ? 1 : 0,
      accepting_cases: r.chance(0.8) ? 1 : 0,
      years_practice: r.int(0, 35),
      contact_preference: 'form',
      phone: null,
      website: null,
      employers: r.chance(0.02) ? ['Springfield R-12 School District'] : [],
      published: r.chance(0.98) ? 1 : 0,
      degrees: degree ? [{ title: 'Graduate degree', field: degree, institution: '', year: 2005 }] : [],
      bar_admissions: attorney ? [{ state: 'Missouri', year: 2005, number: '' }] : [],
      credentials_verified_at: (attorney || degree) && r.chance(0.9) ? at : null,
      affidavit_verified_at: family && r.chance(0.5) ? at : null,
      special_ed_admitted_at: areas.includes('special_education') && r.chance(0.5) ? at : null,
      federal_ed_at: r.chance(0.02) ? at : null,
      federal_wd_at: r.chance(0.02) ? at : null,
    };
    const courseRows = courses.map((c, k) => ({
      id: idFor('0003', i * 8 + k),
      profile_id: id,
      provider: 'Association of Missouri Mediators',
      title: '',
      course_date: `20${String(r.int(10, 25)).padStart(2, '0')}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      hours: c.hours,
      kind: c.kind,
      certificate_file_id: null,
      source: 'staff',
      source_ref: null,
      verified_at: c.verified ? at : null,
      verified_by: null,
      created_at: at,
      updated_at: at,
    }));
    const derived = deriveColumns(
      {
        ...row,
        credentials_verified_at: row.credentials_verified_at,
        affidavit_verified_at: row.affidavit_verified_at,
      },
      courseRows,
      counties,
    );
    out.users.push({ id: userId, email: `fictional-${i}@example.test`, name });
    out.profiles.push(writeLists({ ...row, ...derived.columns, created_at: at, updated_at: at }));
    out.courses.push(...courseRows);
    out.countyRows.push(
      ...derived.countyRows.map((f) => ({ profile_id: id, fips: f, name_key: derived.columns.name_key })),
    );
  }
  return out;
}

/** Counties by distance from each county, from the reference table. */
export async function loadNearby(db: Db): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('mo_county_distances')
    .select(['from_fips', 'to_fips'])
    .orderBy('from_fips')
    .orderBy('rank')
    .execute();
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.from_fips) ?? [];
    list.push(row.to_fips);
    map.set(row.from_fips, list);
  }
  return map;
}

async function insertBatches<T>(items: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

/** Generates and inserts `count` profiles into a migrated database. */
export async function seedSyntheticDirectory(db: Db, count: number, seed = 17): Promise<Generated> {
  const data = generateProfiles(
    count,
    seed,
    await countyIndex(db),
    await loadNearby(db),
    (await nextSearchRowid(db)) - 1,
  );
  const now = '2026-01-15T12:00:00.000Z';
  await db.transaction().execute(async (tx) => {
    await insertBatches(data.users, 500, (batch) =>
      tx
        .insertInto('users')
        .values(
          batch.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            password_hash: null,
            email_verified_at: null,
            totp_secret_enc: null,
            totp_enabled_at: null,
            disabled_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute(),
    );
    await insertBatches(data.profiles, 200, (batch) =>
      tx.insertInto('directory_profiles').values(batch).execute(),
    );
    await insertBatches(data.courses, 1000, (batch) =>
      tx.insertInto('directory_courses').values(batch).execute(),
    );
    await insertBatches(data.countyRows, 2000, (batch) =>
      tx.insertInto('directory_profile_counties').values(batch).execute(),
    );
  });
  return data;
}
