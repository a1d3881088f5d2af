import type { CourseBody } from '../../../contracts/directory-profiles.ts';
import type { FederalPanels, ReviewQueue } from '../../../contracts/directory-review.ts';
import { nameKey, sortScoreKey } from '../../../domain/directory-search.ts';
import type { CourseKind } from '../../../domain/eligibility.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkUpload, removeFile, storeFile } from '../files/files.service.ts';
import {
  isDirectoryStaff,
  mayKeepProfile,
  mayRemoveCourse,
  requireReviewer,
  requireSpecialEducationCoordinator,
  requireStaff,
} from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import { refreshProfile, refuseCertificationClaimsIn } from './directory.service.ts';
import { getOwnProfile } from './profiles.service.ts';

// The training record: courses (entered by the mediator, or written by the association's
// trainings when attendance is taken), checks by staff and coordinators, the Rule 88.05 affidavit,
// admission to the special-education list and federal panels. Every change recomputes eligibility.

export type TrainingCourseInput = {
  userId: string;
  provider: string;
  /** YYYY-MM-DD */
  date: string;
  hours: number;
  kind: CourseKind;
  /** Attendance taken by the association is verified at source; a mediator's own entry is not. */
  verified: boolean;
  /** Who wrote it: 'self', 'association' (a training's attendance), 'staff'. */
  source: string;
  title?: string;
  /** Makes the write idempotent: the same source and ref write one course (a retried job). */
  sourceRef?: string | null;
  certificateFileId?: string | null;
  actorId?: string | null;
};

function requireProfileKeeper(actor: Actor) {
  if (!mayKeepProfile(actor))
    throw new AppError(
      'FORBIDDEN',
      'Directory profiles and training records are for mediators and association members.',
    );
}

/** The person's profile, made unpublished from their account when they have none yet. */
async function ensureProfile(tx: Tx, deps: Pick<Deps, 'clock'>, userId: string): Promise<repo.ProfileRow> {
  const existing = await repo.findProfileByUser(tx, userId);
  if (existing) return existing;
  const user = await findUser(tx, userId);
  if (!user) throw notFound('That person');
  const now = iso(deps.clock.now());
  const id = newId();
  await repo.insertProfile(tx, {
    id,
    user_id: userId,
    search_rowid: await repo.nextSearchRowid(tx),
    display_name: user.name,
    published: 0,
    sort_score: sortScoreKey(0),
    name_key: nameKey(user.name),
    created_at: now,
    updated_at: now,
  });
  return (await repo.findProfileById(tx, id))!;
}

/**
 * Adds a course to a person's training record and recomputes their eligibility, inside the
 * caller's transaction. Called by the association's trainings when attendance is recorded.
 */
export async function addTrainingCourse(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  input: TrainingCourseInput,
): Promise<{ courseId: string; profileId: string }> {
  const profile = await ensureProfile(tx, deps, input.userId);
  if (input.sourceRef) {
    const same = await repo.findCourseBySource(tx, profile.id, input.source, input.sourceRef);
    if (same) return { courseId: same.id, profileId: profile.id };
  }
  const now = deps.clock.now();
  const id = newId();
  await repo.insertCourse(tx, {
    id,
    profile_id: profile.id,
    provider: input.provider,
    title: input.title ?? '',
    course_date: input.date,
    hours: input.hours,
    kind: input.kind,
    certificate_file_id: input.certificateFileId ?? null,
    source: input.source,
    source_ref: input.sourceRef ?? null,
    verified_at: input.verified ? iso(now) : null,
    verified_by: input.verified ? (input.actorId ?? null) : null,
    created_at: iso(now),
    updated_at: iso(now),
  });
  await recordAudit(tx, {
    kind: 'directory.course_added',
    at: now,
    actorId: input.actorId ?? null,
    subjectType: 'directory_course',
    subjectId: id,
    data: {
      profileId: profile.id,
      kind: input.kind,
      hours: input.hours,
      verified: input.verified,
      source: input.source,
    },
  });
  await refreshProfile(tx, profile.id, now, input.actorId ?? null);
  return { courseId: id, profileId: profile.id };
}

async function storeDocument(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  ownerId: string,
  purpose: 'directory.certificate' | 'directory.affidavit',
  upload: { filename: string; contentBase64: string },
  field: string,
): Promise<string> {
  const file = await checkUpload(field, upload, 'trainingDocument');
  return storeFile(tx, deps, { purpose, ...file, ownerId });
}

/** A mediator records a course of their own, with its certificate (PDF or image), to be verified. */
export async function addOwnCourse(deps: Deps, actor: Actor | null, body: CourseBody) {
  authorize(actor, 'account:use');
  requireProfileKeeper(actor);
  // The public profile lists each course by its provider and title.
  refuseCertificationClaimsIn('a training', { provider: body.provider, title: body.title });
  await inTransaction(deps.db, async (tx) => {
    const certificateFileId = body.certificate
      ? await storeDocument(tx, deps, actor.userId, 'directory.certificate', body.certificate, 'certificate')
      : null;
    await addTrainingCourse(tx, deps, {
      userId: actor.userId,
      provider: body.provider,
      title: body.title,
      date: body.date,
      hours: body.hours,
      kind: body.kind,
      verified: false,
      source: 'self',
      certificateFileId,
      actorId: actor.userId,
    });
  });
  return getOwnProfile(deps, actor);
}

/** A mediator removes a course of their own that nobody has verified yet. */
export async function removeOwnCourse(deps: Deps, actor: Actor | null, courseId: string) {
  authorize(actor, 'account:use');
  requireProfileKeeper(actor);
  const profile = await repo.findProfileByUser(deps.db, actor.userId);
  const course = await repo.findCourse(deps.db, courseId);
  if (!profile || !course || course.profile_id !== profile.id) throw notFound('That course');
  if (!mayRemoveCourse(course))
    throw new AppError(
      'CONFLICT',
      'A verified course stays on the record. Ask association staff to correct it.',
    );
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.deleteCourse(tx, courseId);
    if (course.certificate_file_id) await removeFile(tx, course.certificate_file_id);
    await recordAudit(tx, {
      kind: 'directory.course_removed',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_course',
      subjectId: courseId,
      data: { profileId: profile.id },
    });
    await refreshProfile(tx, profile.id, now, actor.userId);
  });
  return getOwnProfile(deps, actor);
}

/** Staff or a program coordinator checks a course against its certificate. */
export async function verifyCourse(deps: Deps, actor: Actor | null, courseId: string) {
  authorize(actor, 'account:use');
  requireReviewer(actor);
  const course = await repo.findCourse(deps.db, courseId);
  if (!course) throw notFound('That course');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateCourse(tx, courseId, {
      verified_at: iso(now),
      verified_by: actor.userId,
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'directory.course_verified',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_course',
      subjectId: courseId,
      data: { profileId: course.profile_id, hours: Number(course.hours), kind: course.kind },
    });
    await refreshProfile(tx, course.profile_id, now, actor.userId);
  });
  return { verified: true };
}

/** The mediator uploads the Rule 88.05 affidavit; it counts once staff have checked it. */
export async function uploadOwnAffidavit(
  deps: Deps,
  actor: Actor | null,
  upload: { filename: string; contentBase64: string },
) {
  authorize(actor, 'account:use');
  requireProfileKeeper(actor);
  await inTransaction(deps.db, async (tx) => {
    const profile = await ensureProfile(tx, deps, actor.userId);
    const fileId = await storeDocument(tx, deps, actor.userId, 'directory.affidavit', upload, 'affidavit');
    const now = deps.clock.now();
    await repo.updateProfile(tx, profile.id, {
      affidavit_file_id: fileId,
      affidavit_verified_at: null,
      affidavit_verified_by: null,
      updated_at: iso(now),
    });
    if (profile.affidavit_file_id) await removeFile(tx, profile.affidavit_file_id);
    await recordAudit(tx, {
      kind: 'directory.affidavit_uploaded',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_profile',
      subjectId: profile.id,
      data: { fileId },
    });
    await refreshProfile(tx, profile.id, now, actor.userId);
  });
  return getOwnProfile(deps, actor);
}

type ProfileCheck = 'credentials' | 'affidavit';

/** Staff confirm a bar admission or degree, or the affidavit (coordinators may check affidavits too). */
export async function verifyProfileRecord(
  deps: Deps,
  actor: Actor | null,
  profileId: string,
  what: ProfileCheck,
) {
  authorize(actor, 'account:use');
  if (what === 'credentials') requireStaff(actor);
  else requireReviewer(actor);
  const profile = await repo.findProfileById(deps.db, profileId);
  if (!profile) throw notFound('That profile');
  if (what === 'affidavit' && !profile.affidavit_file_id)
    throw new AppError('CONFLICT', 'There is no affidavit on this profile to check yet.');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateProfile(
      tx,
      profileId,
      what === 'credentials'
        ? { credentials_verified_at: iso(now), credentials_verified_by: actor.userId }
        : { affidavit_verified_at: iso(now), affidavit_verified_by: actor.userId },
    );
    await recordAudit(tx, {
      kind: what === 'credentials' ? 'directory.credentials_verified' : 'directory.affidavit_verified',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_profile',
      subjectId: profileId,
    });
    await refreshProfile(tx, profileId, now, actor.userId);
  });
  return { verified: true };
}

/** The state program's coordinator admits a mediator to the special-education list, or removes them. */
export async function setSpecialEducationAdmission(
  deps: Deps,
  actor: Actor | null,
  profileId: string,
  admitted: boolean,
) {
  authorize(actor, 'account:use');
  await requireSpecialEducationCoordinator(deps.db, actor);
  const profile = await repo.findProfileById(deps.db, profileId);
  if (!profile) throw notFound('That profile');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateProfile(tx, profileId, {
      special_ed_admitted_at: admitted ? iso(now) : null,
      special_ed_admitted_by: admitted ? actor.userId : null,
    });
    await recordAudit(tx, {
      kind: 'directory.special_education_admission',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_profile',
      subjectId: profileId,
      data: { admitted },
    });
    await refreshProfile(tx, profileId, now, actor.userId);
  });
  return { admitted };
}

/** Staff record membership of the federal courts' panels, as the courts publish them. */
export async function setFederalPanels(
  deps: Deps,
  actor: Actor | null,
  profileId: string,
  panels: FederalPanels,
) {
  authorize(actor, 'account:use');
  requireStaff(actor);
  const profile = await repo.findProfileById(deps.db, profileId);
  if (!profile) throw notFound('That profile');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateProfile(tx, profileId, {
      federal_ed_at: panels.eastern ? (profile.federal_ed_at ?? iso(now)) : null,
      federal_wd_at: panels.western ? (profile.federal_wd_at ?? iso(now)) : null,
    });
    await recordAudit(tx, {
      kind: 'directory.federal_panels',
      at: now,
      actorId: actor.userId,
      subjectType: 'directory_profile',
      subjectId: profileId,
      data: panels,
    });
    await refreshProfile(tx, profileId, now, actor.userId);
  });
  return panels;
}

/** What is waiting for a reviewer, and which checks this reviewer makes (staff alone check credentials). */
export async function reviewQueue(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<ReviewQueue> {
  authorize(actor, 'account:use');
  requireReviewer(actor);
  const { courses, profiles } = await repo.listPendingReview(deps.db, 200);
  const staff = isDirectoryStaff(actor);
  return {
    courses: courses.map((c) => ({
      id: c.id,
      profileId: c.profile_id,
      mediator: c.display_name,
      provider: c.provider,
      title: c.title,
      date: c.course_date,
      hours: Number(c.hours),
      kind: c.kind,
      certificateFileId: c.certificate_file_id,
      can: { verify: true },
    })),
    profiles: profiles.map((p) => {
      const credentialsPending =
        p.credentials_verified_at === null && (p.degrees.length > 0 || p.bar_admissions.length > 0);
      const affidavitPending = p.affidavit_file_id !== null && p.affidavit_verified_at === null;
      return {
        id: p.id,
        mediator: p.display_name,
        credentialsPending,
        affidavitPending,
        affidavitFileId: p.affidavit_file_id,
        specialEducationAdmitted: p.special_ed_admitted_at !== null,
        can: {
          verifyCredentials: staff && credentialsPending,
          verifyAffidavit: affidavitPending,
          edit: staff,
        },
      };
    }),
  };
}
