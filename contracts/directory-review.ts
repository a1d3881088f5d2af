import { z } from 'zod';
import { Can } from './can.ts';
import { ProfileParams } from './directory.ts';
import { CourseParams, OwnProfile, ProfileBody } from './directory-profiles.ts';
import { defineRoute } from './route.ts';

/** The review of courses, credentials and affidavits, staff's edits, and the lists a profile is admitted to. */

const tags = ['directory'];

export const ReviewQueue = z.object({
  courses: z.array(
    z.object({
      id: z.string(),
      profileId: z.string(),
      mediator: z.string(),
      provider: z.string(),
      title: z.string(),
      date: z.string(),
      hours: z.number(),
      kind: z.string(),
      certificateFileId: z.string().nullable(),
      can: Can('verify'),
    }),
  ),
  profiles: z.array(
    z.object({
      id: z.string(),
      mediator: z.string(),
      credentialsPending: z.boolean(),
      affidavitPending: z.boolean(),
      affidavitFileId: z.string().nullable(),
      specialEducationAdmitted: z.boolean(),
      /** Staff check degrees and bar admissions and edit the profile; staff and coordinators check affidavits. */
      can: Can('verifyCredentials', 'verifyAffidavit', 'edit'),
    }),
  ),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;
export const getReviewQueue = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/review',
  summary: 'Courses, credentials and affidavits waiting to be checked',
  tags,
  response: { 200: ReviewQueue },
});

const Verified = z.object({ verified: z.boolean() });
export const verifyCourse = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/courses/:courseId/verify',
  summary: 'Verify a course (staff or a coordinator)',
  tags,
  params: CourseParams,
  response: { 200: Verified },
});

export const getProfileAsStaff = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/profiles/:profileId',
  summary: 'The whole record of a profile (staff)',
  tags,
  params: ProfileParams,
  response: { 200: OwnProfile },
});

export const saveProfileAsStaff = defineRoute({
  method: 'PUT',
  path: '/api/v1/directory/profiles/:profileId',
  summary: "Edit someone's profile (staff, audited)",
  tags,
  params: ProfileParams,
  body: ProfileBody,
  response: { 200: OwnProfile },
});

export const verifyCredentials = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/profiles/:profileId/credentials/verify',
  summary: 'Confirm bar admission or degree (staff)',
  tags,
  params: ProfileParams,
  response: { 200: Verified },
});

export const verifyAffidavit = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/profiles/:profileId/affidavit/verify',
  summary: 'Confirm the Rule 88.05 affidavit (staff or a coordinator)',
  tags,
  params: ProfileParams,
  response: { 200: Verified },
});

export const AdmissionBody = z.object({ admitted: z.boolean('Choose to admit or to remove') });
export type AdmissionBody = z.infer<typeof AdmissionBody>;
export const setSpecialEducationAdmission = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/profiles/:profileId/special-education',
  summary: 'Admit to or remove from the state special-education list (its coordinator)',
  tags,
  params: ProfileParams,
  body: AdmissionBody,
  response: { 200: AdmissionBody },
});

export const FederalPanels = z.object({
  eastern: z.boolean('Choose yes or no'),
  western: z.boolean('Choose yes or no'),
});
export type FederalPanels = z.infer<typeof FederalPanels>;
export const setFederalPanels = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/profiles/:profileId/federal-panels',
  summary: 'Record federal court panel membership (staff)',
  tags,
  params: ProfileParams,
  body: FederalPanels,
  response: { 200: FederalPanels },
});
