import type { County, Eligibility } from '../../../contracts/directory.ts';
import type { ProfileBody } from '../../../contracts/directory-profiles.ts';
import { certificationClaimMessage, findCertificationClaimIn } from '../../../domain/certification-claims.ts';
import {
  facetTokens,
  nameKey,
  relevanceScore,
  type SearchableProfile,
  searchText,
  sortScoreKey,
} from '../../../domain/directory-search.ts';
import {
  COURSE_KINDS,
  computeEligibility,
  normalizeEmployer,
  ROSTER_LABELS,
  ROSTER_MET_TEXT,
  ROSTERS,
  type Roster,
  type TrainingRecord,
  verifiedHours,
} from '../../../domain/eligibility.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './directory.repository.ts';

// Profiles: written by their mediator or by staff; every write recomputes the derived columns
// (eligibility, search words, facets, sort keys) from domain/ functions in the same transaction.

let countiesCache: Promise<Map<string, County>> | undefined;

/** Missouri's counties from the reference table (loaded by the migration); they never change at run time. */
export function countyIndex(db: Executor): Promise<Map<string, County>> {
  countiesCache ??= repo
    .listCounties(db)
    .then((rows) => new Map(rows.map((r) => [r.fips, { fips: r.fips, name: r.name, circuit: r.circuit }])))
    .catch((error) => {
      countiesCache = undefined;
      throw error;
    });
  return countiesCache;
}

export async function listCounties(deps: Pick<Deps, 'db'>): Promise<County[]> {
  return [...(await countyIndex(deps.db)).values()].sort((a, b) => a.name.localeCompare(b.name));
}

const bool = (v: number) => v === 1;

type PracticeColumns =
  | 'in_person'
  | 'remote'
  | 'hourly_rate'
  | 'sliding_scale'
  | 'free_service'
  | 'accepting_cases'
  | 'years_practice';

/** How a mediator practises, as people read it: in person or remote, fees, taking cases, years. */
export const practiceOf = (p: Pick<repo.ProfileRow, PracticeColumns>) => ({
  inPerson: bool(p.in_person),
  remote: bool(p.remote),
  hourlyRate: p.hourly_rate,
  slidingScale: bool(p.sliding_scale),
  freeService: bool(p.free_service),
  acceptingCases: bool(p.accepting_cases),
  yearsPractice: p.years_practice,
});

/** The columns of a profile its training record is read from (with its courses). */
type RecordColumns =
  | 'bar_admissions'
  | 'degrees'
  | 'credentials_verified_at'
  | 'affidavit_verified_at'
  | 'special_ed_admitted_at'
  | 'federal_ed_at'
  | 'federal_wd_at';

export function trainingRecordOf(
  p: Pick<repo.ProfileRow, RecordColumns>,
  courses: readonly Pick<repo.CourseRow, 'hours' | 'kind' | 'verified_at'>[],
): TrainingRecord {
  return {
    courses: courses
      .filter((c) => (COURSE_KINDS as readonly string[]).includes(c.kind))
      .map((c) => ({ hours: Number(c.hours), kind: c.kind, verified: c.verified_at !== null })),
    attorney: p.bar_admissions.length > 0,
    graduateDegrees: p.degrees.map((d) => d.field),
    credentialsVerified: p.credentials_verified_at !== null,
    affidavitOnFile: p.affidavit_verified_at !== null,
    specialEducationAdmitted: p.special_ed_admitted_at !== null,
    federalEasternDistrict: p.federal_ed_at !== null,
    federalWesternDistrict: p.federal_wd_at !== null,
  };
}

export function eligibilityView(record: TrainingRecord): Eligibility[] {
  const all = computeEligibility(record);
  return ROSTERS.map((r) => ({
    roster: r,
    label: ROSTER_LABELS[r],
    met: all[r].met,
    metText: ROSTER_MET_TEXT[r],
    missing: all[r].missing,
  }));
}

const ELIG_COLUMN = {
  rule17: 'elig_rule17',
  rule88: 'elig_rule88',
  special_education: 'elig_special_education',
  federal_ed: 'elig_federal_ed',
  federal_wd: 'elig_federal_wd',
} as const satisfies Record<Roster, string>;

export { ELIG_COLUMN };

export const rostersOf = (p: repo.ProfileRow): Roster[] => ROSTERS.filter((r) => p[ELIG_COLUMN[r]] === 1);

/**
 * A profile's derived columns from its record: eligibility per roster (domain/eligibility.ts),
 * search words and facet tokens, sort keys, employer keys, and the counties-served rows.
 * Pure: refreshProfile writes them, and the benchmark's generator uses the same function.
 */
export function deriveColumns(
  p: Pick<
    repo.ProfileRow,
    | 'display_name'
    | 'practice_name'
    | 'bio'
    | 'areas'
    | 'languages'
    | 'counties'
    | 'statewide'
    | PracticeColumns
    | 'photo_file_id'
    | 'employers'
    | 'published'
    | RecordColumns
  >,
  courses: readonly Pick<repo.CourseRow, 'hours' | 'kind' | 'verified_at'>[],
  counties: Map<string, County>,
) {
  const record = trainingRecordOf(p, courses);
  const eligibility = computeEligibility(record);
  const rosters = ROSTERS.filter((r) => eligibility[r].met);
  const statewide = bool(p.statewide);
  const served = statewide ? [] : p.counties.flatMap((f) => counties.get(f) ?? []);
  const hours = verifiedHours(record.courses, COURSE_KINDS);
  const searchable: SearchableProfile = {
    displayName: p.display_name,
    practiceName: p.practice_name,
    bio: p.bio,
    areas: p.areas,
    languages: p.languages,
    counties: served,
    statewide,
    ...practiceOf(p),
    rosters,
    verifiedHours: hours,
    hasPhoto: p.photo_file_id !== null,
  };
  const key = nameKey(p.display_name);
  return {
    rosters,
    countyRows: p.published ? (statewide ? ['all'] : served.map((c) => c.fips)) : [],
    columns: {
      elig_rule17: eligibility.rule17.met ? 1 : 0,
      elig_rule88: eligibility.rule88.met ? 1 : 0,
      elig_special_education: eligibility.special_education.met ? 1 : 0,
      elig_federal_ed: eligibility.federal_ed.met ? 1 : 0,
      elig_federal_wd: eligibility.federal_wd.met ? 1 : 0,
      verified_hours: hours,
      search_text: searchText(searchable),
      facets: p.published ? facetTokens(searchable) : ' ',
      sort_score: sortScoreKey(relevanceScore(searchable)),
      name_key: key,
      employer_keys: p.employers.map(normalizeEmployer),
    },
  };
}

/** Recomputes and stores a profile's derived columns; records an audit event when a roster is gained or lost. */
export async function refreshProfile(
  tx: Tx,
  profileId: string,
  at: Date,
  actorId: string | null,
): Promise<void> {
  const p = await repo.findProfileById(tx, profileId);
  if (!p) throw notFound('That profile');
  const courses = await repo.listCourses(tx, profileId);
  const derived = deriveColumns(p, courses, await countyIndex(tx));
  const rosters = derived.rosters;
  await repo.updateProfile(tx, profileId, derived.columns);
  await repo.replaceProfileCounties(tx, profileId, derived.countyRows, derived.columns.name_key);
  const before = rostersOf(p);
  if (before.join() !== rosters.join()) {
    await recordAudit(tx, {
      kind: 'directory.eligibility_changed',
      at,
      actorId,
      subjectType: 'directory_profile',
      subjectId: profileId,
      data: {
        rosters,
        gained: rosters.filter((r) => !before.includes(r)),
        lost: before.filter((r) => !rosters.includes(r)),
      },
    });
  }
}

/** Refuses a profile whose public text claims a mediator certification (every text field it shows). */
export function refuseCertificationClaims(
  body: Pick<ProfileBody, 'displayName' | 'practiceName' | 'bio' | 'degrees' | 'employers' | 'barAdmissions'>,
) {
  refuseCertificationClaimsIn('a profile', {
    displayName: body.displayName,
    practiceName: body.practiceName,
    bio: body.bio,
    ...Object.fromEntries(body.employers.map((e, i) => [`employers.${i}`, e])),
    ...Object.fromEntries(
      body.degrees.flatMap((d, i) => [
        [`degrees.${i}.title`, d.title],
        [`degrees.${i}.institution`, d.institution],
      ]),
    ),
    ...Object.fromEntries(body.barAdmissions.map((b, i) => [`barAdmissions.${i}.state`, b.state])),
  });
}

async function checkCounties(db: Executor, body: ProfileBody) {
  const counties = await countyIndex(db);
  const unknown = body.counties.find((f) => !counties.has(f));
  if (unknown) throw invalid('counties', `${unknown} is not a Missouri county code`);
  if (!body.statewide && body.counties.length === 0)
    throw invalid('counties', 'choose at least one county, or serve the whole state');
  if (!body.inPerson && !body.remote) throw invalid('remote', 'offer in-person or remote mediation, or both');
}

function columnsOf(body: ProfileBody) {
  return {
    display_name: body.displayName,
    practice_name: body.practiceName,
    bio: body.bio,
    areas: [...new Set(body.areas)],
    languages: [...new Set(body.languages)],
    counties: body.statewide ? [] : [...new Set(body.counties)].sort(),
    statewide: body.statewide ? 1 : 0,
    in_person: body.inPerson ? 1 : 0,
    remote: body.remote ? 1 : 0,
    hourly_rate: body.hourlyRate,
    sliding_scale: body.slidingScale ? 1 : 0,
    free_service: body.freeService ? 1 : 0,
    accepting_cases: body.acceptingCases ? 1 : 0,
    years_practice: body.yearsPractice,
    contact_preference: body.contactPreference,
    phone: body.phone,
    website: body.website,
    employers: body.employers,
    degrees: body.degrees,
    bar_admissions: body.barAdmissions,
    published: body.published ? 1 : 0,
  };
}

/**
 * Creates or replaces a profile's own fields. A change to degrees or bar admissions must be
 * checked again by staff before it counts toward Rule 88.05.
 */
export async function writeProfile(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  input: { userId: string; body: ProfileBody; actorId: string | null; ip?: string | null },
): Promise<string> {
  refuseCertificationClaims(input.body);
  await checkCounties(tx, input.body);
  const now = deps.clock.now();
  const existing = await repo.findProfileByUser(tx, input.userId);
  const columns = columnsOf(input.body);
  let profileId: string;
  if (existing) {
    profileId = existing.id;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const credentialsChanged =
      !same(existing.degrees, columns.degrees) || !same(existing.bar_admissions, columns.bar_admissions);
    await repo.updateProfile(tx, profileId, {
      ...columns,
      ...(credentialsChanged ? { credentials_verified_at: null, credentials_verified_by: null } : {}),
      updated_at: iso(now),
    });
  } else {
    profileId = newId();
    await repo.insertProfile(tx, {
      id: profileId,
      user_id: input.userId,
      search_rowid: await repo.nextSearchRowid(tx),
      ...columns,
      sort_score: sortScoreKey(0),
      name_key: nameKey(input.body.displayName),
      created_at: iso(now),
      updated_at: iso(now),
    });
  }
  await recordAudit(tx, {
    kind: existing ? 'directory.profile_updated' : 'directory.profile_created',
    at: now,
    actorId: input.actorId,
    subjectType: 'directory_profile',
    subjectId: profileId,
    data: { userId: input.userId, fields: Object.keys(input.body), byStaff: input.actorId !== input.userId },
    ip: input.ip ?? null,
  });
  await refreshProfile(tx, profileId, now, input.actorId);
  return profileId;
}

// For the association: a member's directory listing, switched with their membership, and the
// verified training they have for continuing education.

/** Whether a person's profile is published, or undefined when they have none. */
export const listingOf = async (db: Executor, userId: string) => {
  const profile = await repo.findProfileByUser(db, userId);
  return profile && { profileId: profile.id, published: profile.published === 1 };
};

/** Publishes or unpublishes a profile, rebuilding what search reads from it. */
export async function setListed(
  tx: Tx,
  profileId: string,
  listed: boolean,
  at: Date,
  actorId: string | null,
) {
  await repo.updateProfile(tx, profileId, { published: listed ? 1 : 0, updated_at: iso(at) });
  await refreshProfile(tx, profileId, at, actorId);
}

/** A person's verified courses: date, hours and kind (what continuing education counts). */
export async function verifiedCourses(db: Executor, userId: string) {
  const profile = await repo.findProfileByUser(db, userId);
  if (!profile) return [];
  return (await repo.listCourses(db, profile.id))
    .filter((c) => c.verified_at !== null)
    .map((c) => ({ date: c.course_date, hours: Number(c.hours), kind: c.kind }));
}

// For other areas: every text the public reads is held to the rule on certification claims.

/**
 * Refuses public text that claims a mediator certification (Model Standards VII; Missouri
 * certifies no mediators): 422 naming the first field that does, with the words it used. `where`
 * says what is being written ("an event", "a training").
 */
export function refuseCertificationClaimsIn(
  where: string,
  fields: Record<string, string | null | undefined>,
) {
  const claim = findCertificationClaimIn(fields);
  if (claim) {
    throw new AppError('CERTIFICATION_CLAIM', certificationClaimMessage(where), {
      fields: { [claim.field]: `says “${claim.phrase}”: Missouri does not certify mediators` },
    });
  }
}

/**
 * A mediator someone asks for from Find a Mediator, for a request for mediation: their name, the
 * lists they qualify for and whether they take new cases; null when no published profile has the id.
 */
export async function mediatorForRequest(db: Executor, profileId: string) {
  const p = await repo.findProfileById(db, profileId);
  if (p?.published !== 1) return null;
  return {
    profileId: p.id,
    userId: p.user_id,
    name: p.display_name,
    rosters: rostersOf(p),
    accepting: p.accepting_cases === 1,
  };
}
