import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import { LANGUAGE_CODES, PRACTICE_AREAS } from '../../../domain/directory-search.ts';
import { DEGREE_FIELDS } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type {
  DirectoryCoursesTable,
  DirectoryProfilesTable,
  MoCountiesTable,
} from '../../db/tables/directory.ts';

// Queries for profiles, courses and the county reference data. Decides nothing.

/** A profile's lists, stored as JSON text and read and written through these schemas. */
const Degree = z.object({
  title: z.string(),
  field: z.enum(DEGREE_FIELDS),
  institution: z.string(),
  year: z.number().nullable(),
});
const BarAdmission = z.object({ state: z.string(), year: z.number().nullable(), number: z.string() });
const strings = z.array(z.string());
const LISTS = {
  areas: jsonColumn('directory_profiles', 'areas', z.array(z.enum(PRACTICE_AREAS))),
  languages: jsonColumn('directory_profiles', 'languages', z.array(z.enum(LANGUAGE_CODES))),
  counties: jsonColumn('directory_profiles', 'counties', strings),
  employers: jsonColumn('directory_profiles', 'employers', strings),
  employer_keys: jsonColumn('directory_profiles', 'employer_keys', strings),
  degrees: jsonColumn('directory_profiles', 'degrees', z.array(Degree)),
  bar_admissions: jsonColumn('directory_profiles', 'bar_admissions', z.array(BarAdmission)),
};
type ListColumn = keyof typeof LISTS;
export type ProfileLists = { [K in ListColumn]: ReturnType<(typeof LISTS)[K]['read']> };
export type Degree = z.infer<typeof Degree>;

/** Reads the lists of a row that holds them (a whole profile, or a search card). */
export function readLists<R extends Partial<Record<ListColumn, string>>>(row: R) {
  const out: Record<string, unknown> = { ...row };
  for (const key of Object.keys(LISTS) as ListColumn[]) {
    const text = row[key];
    if (text !== undefined) out[key] = LISTS[key].read(text);
  }
  return out as { [K in keyof R]: K extends ListColumn ? ProfileLists[K] : R[K] };
}

/** The lists of a profile as the text stored, for whichever of them a write carries. */
export function writeLists<R extends Partial<ProfileLists>>(row: R) {
  const out: Record<string, unknown> = { ...row };
  for (const key of Object.keys(LISTS) as ListColumn[]) {
    const value = row[key];
    if (value !== undefined) out[key] = (LISTS[key].write as (v: unknown) => string)(value);
  }
  return out as { [K in keyof R]: K extends ListColumn ? string : R[K] };
}

export type ProfileRow = Omit<Selectable<DirectoryProfilesTable>, ListColumn> & ProfileLists;
export type ProfileInsert = Omit<Insertable<DirectoryProfilesTable>, ListColumn> & Partial<ProfileLists>;
export type ProfilePatch = Omit<Updateable<DirectoryProfilesTable>, ListColumn> & Partial<ProfileLists>;
export type CourseRow = Selectable<DirectoryCoursesTable>;
export type CountyRow = Selectable<MoCountiesTable>;

export const findProfileById = async (db: Executor, id: string): Promise<ProfileRow | undefined> => {
  const row = await db.selectFrom('directory_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && readLists(row);
};

export const findProfileByUser = async (db: Executor, userId: string): Promise<ProfileRow | undefined> => {
  const row = await db
    .selectFrom('directory_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && readLists(row);
};

export async function nextSearchRowid(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('directory_profiles')
    .select((eb) => eb.fn.max('search_rowid').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertProfile(db: Executor, row: ProfileInsert) {
  await db.insertInto('directory_profiles').values(writeLists(row)).execute();
}

export async function updateProfile(db: Executor, id: string, patch: ProfilePatch) {
  await db.updateTable('directory_profiles').set(writeLists(patch)).where('id', '=', id).execute();
}

/** Replaces the counties-served rows ('all' for statewide) that the nearest-first walk reads. */
export async function replaceProfileCounties(
  db: Executor,
  profileId: string,
  fips: string[],
  nameKey: string,
) {
  await db.deleteFrom('directory_profile_counties').where('profile_id', '=', profileId).execute();
  if (fips.length === 0) return;
  await db
    .insertInto('directory_profile_counties')
    .values(fips.map((f) => ({ profile_id: profileId, fips: f, name_key: nameKey })))
    .execute();
}

export const listCourses = (db: Executor, profileId: string) =>
  db
    .selectFrom('directory_courses')
    .selectAll()
    .where('profile_id', '=', profileId)
    .orderBy('course_date', 'desc')
    .orderBy('id')
    .execute();

export const findCourse = (db: Executor, id: string) =>
  db.selectFrom('directory_courses').selectAll().where('id', '=', id).executeTakeFirst();

export const findCourseBySource = (db: Executor, profileId: string, source: string, sourceRef: string) =>
  db
    .selectFrom('directory_courses')
    .selectAll()
    .where('profile_id', '=', profileId)
    .where('source', '=', source)
    .where('source_ref', '=', sourceRef)
    .executeTakeFirst();

export async function insertCourse(db: Executor, row: Insertable<DirectoryCoursesTable>) {
  await db.insertInto('directory_courses').values(row).execute();
}

export async function updateCourse(db: Executor, id: string, patch: Updateable<DirectoryCoursesTable>) {
  await db.updateTable('directory_courses').set(patch).where('id', '=', id).execute();
}

export async function deleteCourse(db: Executor, id: string) {
  await db.deleteFrom('directory_courses').where('id', '=', id).execute();
}

/** Work waiting for staff: unverified courses, unchecked credentials and affidavits. */
export async function listPendingReview(db: Executor, limit: number) {
  const courses = await db
    .selectFrom('directory_courses as c')
    .innerJoin('directory_profiles as p', 'p.id', 'c.profile_id')
    .select([
      'c.id',
      'c.profile_id',
      'p.display_name',
      'c.provider',
      'c.title',
      'c.course_date',
      'c.hours',
      'c.kind',
      'c.certificate_file_id',
      'c.created_at',
    ])
    .where('c.verified_at', 'is', null)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const pending = await db
    .selectFrom('directory_profiles')
    .select([
      'id',
      'display_name',
      'degrees',
      'bar_admissions',
      'credentials_verified_at',
      'affidavit_file_id',
      'affidavit_verified_at',
      'special_ed_admitted_at',
      'elig_rule17',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('credentials_verified_at', 'is', null),
          eb.or([eb('degrees', '!=', '[]'), eb('bar_admissions', '!=', '[]')]),
        ]),
        eb.and([eb('affidavit_file_id', 'is not', null), eb('affidavit_verified_at', 'is', null)]),
      ]),
    )
    .orderBy('name_key')
    .limit(limit)
    .execute();
  return { courses, profiles: pending.map(readLists) };
}

export const listCounties = (db: Executor) =>
  db.selectFrom('mo_counties').selectAll().orderBy('name').execute();

export async function insertContactMessage(
  db: Executor,
  row: { id: string; profile_id: string; ip: string; created_at: string },
) {
  await db.insertInto('directory_contact_messages').values(row).execute();
}

/** Profiles on a roster, by name: the roster builders' source. Employer keys come along to exclude conflicts. */
export async function listRoster(
  db: Executor,
  column: 'elig_rule17' | 'elig_rule88' | 'elig_special_education' | 'elig_federal_ed' | 'elig_federal_wd',
) {
  return (
    await db
      .selectFrom('directory_profiles')
      .select(['id', 'user_id', 'display_name', 'employer_keys'])
      .where(column, '=', 1)
      .orderBy('name_key')
      .orderBy('id')
      .execute()
  ).map(readLists);
}

/** A person's directory profile and training record, as stored (their data export). */
export async function findProfileRecordsOf(db: Executor, userId: string) {
  const profile = await db
    .selectFrom('directory_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!profile) return null;
  const courses = await db
    .selectFrom('directory_courses')
    .select(['provider', 'title', 'course_date', 'hours', 'kind', 'verified_at', 'created_at'])
    .where('profile_id', '=', profile.id)
    .orderBy('course_date')
    .execute();
  const { search_rowid: _rowid, employer_keys: _keys, ...rest } = profile;
  return { profile: rest, courses };
}

/** Removes a person's directory profile, its counties, training record and messages (their account's deletion). */
export const deleteProfileOf = async (db: Executor, userId: string) =>
  Number(
    (await db.deleteFrom('directory_profiles').where('user_id', '=', userId).executeTakeFirst())
      .numDeletedRows,
  );
