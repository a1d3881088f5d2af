import type { PublicProfile } from '../../../contracts/directory.ts';
import type { OwnProfile, ProfileBody, ProfileRecord } from '../../../contracts/directory-profiles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkUpload, readFile, removeFile, storeFile } from '../files/files.service.ts';
import {
  isDirectoryStaff,
  isReviewer,
  isSpecialEducationCoordinator,
  mayKeepProfile,
  mayRemoveCourse,
  maySeeGaps,
  requireStaff,
} from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import {
  countyIndex,
  eligibilityView,
  practiceOf,
  refreshProfile,
  trainingRecordOf,
  writeProfile,
} from './directory.service.ts';

// Profiles as people see and change them: the mediator's own (with the whole record), staff's
// view and edit, the public page, the photo, and certificates and affidavits to read.

const bool = (v: number) => v === 1;

/** The signed-in mediator saves their own profile. */
export async function saveOwnProfile(deps: Deps, actor: Actor | null, body: ProfileBody) {
  authorize(actor, 'account:use');
  if (!mayKeepProfile(actor))
    throw new AppError('FORBIDDEN', 'Directory profiles are for mediators and association members.');
  await inTransaction(deps.db, (tx) =>
    writeProfile(tx, deps, { userId: actor.userId, body, actorId: actor.userId, ip: actor.ip }),
  );
  return getOwnProfile(deps, actor);
}

/** Association staff edit someone's profile; the audit event names them. */
export async function saveProfileAsStaff(
  deps: Deps,
  actor: Actor | null,
  profileId: string,
  body: ProfileBody,
) {
  authorize(actor, 'account:use');
  requireStaff(actor);
  const profile = await repo.findProfileById(deps.db, profileId);
  if (!profile) throw notFound('That profile');
  await inTransaction(deps.db, (tx) =>
    writeProfile(tx, deps, { userId: profile.user_id, body, actorId: actor.userId, ip: actor.ip }),
  );
  return staffView(deps.db, actor, (await repo.findProfileById(deps.db, profileId))!);
}

export const photoUrl = (p: { id: string; photo_file_id: string | null }) =>
  p.photo_file_id ? `/api/v1/directory/mediators/${p.id}/photo?v=${p.photo_file_id.slice(-8)}` : null;

/** A profile's whole record; the courses its viewer may remove are those of their own profile. */
async function presentRecord(db: Executor, actor: Actor, p: repo.ProfileRow): Promise<ProfileRecord> {
  const courses = await repo.listCourses(db, p.id);
  const record = trainingRecordOf(p, courses);
  return {
    id: p.id,
    userId: p.user_id,
    displayName: p.display_name,
    practiceName: p.practice_name,
    bio: p.bio,
    photoUrl: photoUrl(p),
    areas: p.areas,
    languages: p.languages,
    counties: p.counties,
    statewide: bool(p.statewide),
    ...practiceOf(p),
    contactPreference: p.contact_preference,
    phone: p.phone,
    website: p.website,
    employers: p.employers,
    degrees: p.degrees,
    barAdmissions: p.bar_admissions,
    published: bool(p.published),
    credentialsVerified: p.credentials_verified_at !== null,
    affidavitFileId: p.affidavit_file_id,
    affidavitVerified: p.affidavit_verified_at !== null,
    specialEducationAdmitted: p.special_ed_admitted_at !== null,
    federalEasternDistrict: p.federal_ed_at !== null,
    federalWesternDistrict: p.federal_wd_at !== null,
    verifiedHours: Number(p.verified_hours),
    eligibility: eligibilityView(record),
    courses: courses.map((c) => ({
      id: c.id,
      provider: c.provider,
      title: c.title,
      date: c.course_date,
      hours: Number(c.hours),
      kind: c.kind,
      verified: c.verified_at !== null,
      source: c.source,
      certificateFileId: c.certificate_file_id,
      can: { remove: p.user_id === actor.userId && mayRemoveCourse(c) },
    })),
  };
}

/** The signed-in person's profile, and whether they may keep one (mediators and members do). */
export async function getOwnProfile(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<OwnProfile> {
  authorize(actor, 'account:use');
  const p = await repo.findProfileByUser(deps.db, actor.userId);
  return {
    profile: p ? await presentRecord(deps.db, actor, p) : null,
    can: { save: mayKeepProfile(actor), recordFederalPanels: isDirectoryStaff(actor) },
  };
}

/** Staff see and save the whole record of any profile (their checks passed before this). */
const staffView = async (db: Executor, actor: Actor, p: repo.ProfileRow): Promise<OwnProfile> => ({
  profile: await presentRecord(db, actor, p),
  can: { save: true, recordFederalPanels: true },
});

/** Staff see the whole record of any profile (to edit or check it). */
export async function getProfileAsStaff(deps: Pick<Deps, 'db'>, actor: Actor | null, profileId: string) {
  authorize(actor, 'account:use');
  requireStaff(actor);
  const p = await repo.findProfileById(deps.db, profileId);
  if (!p) throw notFound('That profile');
  return staffView(deps.db, actor, p);
}

/**
 * The public profile page: published profiles only; never the e-mail address or employers. It
 * says whether the viewer decides the state special-education list (its program's coordinator).
 */
export async function getPublicProfile(
  deps: Pick<Deps, 'db'>,
  actor: Actor | null,
  profileId: string,
): Promise<PublicProfile> {
  const p = await repo.findProfileById(deps.db, profileId);
  if (p?.published !== 1) throw notFound('That mediator');
  const courses = await repo.listCourses(deps.db, p.id);
  const counties = await countyIndex(deps.db);
  const served = bool(p.statewide) ? [] : p.counties.flatMap((f) => counties.get(f) ?? []);
  return {
    id: p.id,
    name: p.display_name,
    practiceName: p.practice_name,
    photoUrl: photoUrl(p),
    bio: p.bio,
    areas: p.areas,
    languages: p.languages,
    statewide: bool(p.statewide),
    counties: served,
    circuits: [...new Set(served.map((c) => c.circuit))].sort((a, b) => a - b),
    ...practiceOf(p),
    contactPreference: p.contact_preference,
    phone: p.contact_preference === 'phone' ? p.phone : null,
    website: p.website,
    verifiedHours: Number(p.verified_hours),
    // The public sees the lists the mediator qualifies for; the gaps, their mediator and staff only.
    eligibility: eligibilityView(trainingRecordOf(p, courses)).filter((e) => e.met || maySeeGaps(actor, p)),
    training: courses
      .filter((c) => c.verified_at !== null)
      .map((c) => ({
        provider: c.provider,
        title: c.title,
        date: c.course_date,
        hours: Number(c.hours),
        kind: c.kind,
      })),
    can: {
      setSpecialEducationAdmission: await isSpecialEducationCoordinator(deps.db, actor),
      askToMediate: bool(p.accepting_cases) && actor?.userId !== p.user_id,
    },
  };
}

/** Replaces the profile photo (JPEG, PNG or WebP by their bytes, at most 2 MB). */
export async function setOwnPhoto(
  deps: Deps,
  actor: Actor | null,
  upload: { filename: string; contentBase64: string },
) {
  authorize(actor, 'account:use');
  if (!mayKeepProfile(actor))
    throw new AppError('FORBIDDEN', 'Directory profiles are for mediators and association members.');
  const profile = await repo.findProfileByUser(deps.db, actor.userId);
  if (!profile) throw notFound('Your directory profile');
  const file = await checkUpload('photo', upload, 'photo');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const id = await storeFile(tx, deps, { purpose: 'directory.photo', ...file, ownerId: actor.userId });
    if (profile.photo_file_id) await removeFile(tx, profile.photo_file_id);
    await repo.updateProfile(tx, profile.id, { photo_file_id: id, updated_at: iso(now) });
    await recordAudit(tx, {
      kind: 'directory.photo_updated',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_profile',
      subjectId: profile.id,
      data: { fileId: id, contentType: file.contentType, size: file.bytes.length },
    });
    await refreshProfile(tx, profile.id, now, actor.userId);
  });
  return getOwnProfile(deps, actor);
}

export async function getPhoto(deps: Pick<Deps, 'db'>, profileId: string) {
  const p = await repo.findProfileById(deps.db, profileId);
  if (p?.published !== 1 || !p.photo_file_id) throw notFound('That photo');
  const file = await readFile(deps.db, p.photo_file_id);
  if (!file) throw notFound('That photo');
  return { contentType: file.contentType, filename: 'mediator-photo', data: file.data };
}

/** Certificates and affidavits: their owner, association staff and program coordinators. */
export async function getDocument(deps: Pick<Deps, 'db'>, actor: Actor | null, fileId: string) {
  authorize(actor, 'account:use');
  const file = await readFile(deps.db, fileId);
  const ours = file && (file.purpose === 'directory.certificate' || file.purpose === 'directory.affidavit');
  if (!file || !ours || (file.ownerId !== actor.userId && !isReviewer(actor)))
    throw notFound('That document');
  const name = file.purpose === 'directory.affidavit' ? 'affidavit' : 'training-certificate';
  return { contentType: file.contentType, filename: name, data: file.data };
}

/** A person's directory profile and training record (their data export). */
export const profileRecordsOf = (db: Executor, userId: string) => repo.findProfileRecordsOf(db, userId);

/** Removes a person's directory listing and training record (their account's deletion); returns 1 if there was one. */
export const forgetProfileOf = (db: Executor, userId: string) => repo.deleteProfileOf(db, userId);
