import type { Generated } from 'kysely';
import type { CourseKind } from '../../../domain/eligibility.ts';

// The directory's tables (migration 2026-11-21-0010-directory.ts). Lists are JSON text; flags 0/1.
// The elig_* columns, verified_hours, search_text, facets, sort_score and name_key are derived:
// only the directory service writes them, from domain/ functions.

export interface MoCountiesTable {
  fips: string;
  name: string;
  county_seat: string;
  circuit: number;
  lat: number;
  lon: number;
}

export interface MoCountyDistancesTable {
  from_fips: string;
  to_fips: string;
  miles: number;
  rank: number;
}

export interface DirectoryProfilesTable {
  id: string;
  user_id: string;
  search_rowid: number;
  display_name: string;
  practice_name: Generated<string>;
  bio: Generated<string>;
  photo_file_id: string | null;
  areas: Generated<string>;
  languages: Generated<string>;
  counties: Generated<string>;
  statewide: Generated<number>;
  in_person: Generated<number>;
  remote: Generated<number>;
  hourly_rate: number | null;
  sliding_scale: Generated<number>;
  free_service: Generated<number>;
  accepting_cases: Generated<number>;
  years_practice: number | null;
  contact_preference: Generated<string>;
  phone: string | null;
  website: string | null;
  employers: Generated<string>;
  employer_keys: Generated<string>;
  published: Generated<number>;
  degrees: Generated<string>;
  bar_admissions: Generated<string>;
  credentials_verified_at: string | null;
  credentials_verified_by: string | null;
  affidavit_file_id: string | null;
  affidavit_verified_at: string | null;
  affidavit_verified_by: string | null;
  special_ed_admitted_at: string | null;
  special_ed_admitted_by: string | null;
  federal_ed_at: string | null;
  federal_wd_at: string | null;
  elig_rule17: Generated<number>;
  elig_rule88: Generated<number>;
  elig_special_education: Generated<number>;
  elig_federal_ed: Generated<number>;
  elig_federal_wd: Generated<number>;
  verified_hours: Generated<number>;
  search_text: Generated<string>;
  facets: Generated<string>;
  sort_score: string;
  name_key: string;
  created_at: string;
  updated_at: string;
}

export interface DirectoryProfileCountiesTable {
  profile_id: string;
  fips: string;
  name_key: string;
}

export interface DirectoryCoursesTable {
  id: string;
  profile_id: string;
  provider: string;
  title: Generated<string>;
  course_date: string;
  hours: number;
  kind: CourseKind;
  certificate_file_id: string | null;
  source: string;
  source_ref: string | null;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DirectoryContactMessagesTable {
  id: string;
  profile_id: string;
  ip: string;
  created_at: string;
}

/** One row: the directory's version, bumped by triggers on every profile change (migration 0013). */
export interface DirectoryStateTable {
  id: number;
  version: number;
  /** The first version whose changed profiles directory_changes still lists (older ones pruned). */
  changes_from: Generated<number>;
}

/** A profile changed at a version (migration 2026-11-26-2116): each server's search index reads these. */
export interface DirectoryChangesTable {
  version: number;
  profile_id: string;
}

export interface DirectoryTables {
  directory_state: DirectoryStateTable;
  directory_changes: DirectoryChangesTable;
  mo_counties: MoCountiesTable;
  mo_county_distances: MoCountyDistancesTable;
  directory_profiles: DirectoryProfilesTable;
  directory_profile_counties: DirectoryProfileCountiesTable;
  directory_courses: DirectoryCoursesTable;
  directory_contact_messages: DirectoryContactMessagesTable;
}
