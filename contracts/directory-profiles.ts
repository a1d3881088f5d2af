import { z } from 'zod';
import { LANGUAGE_CODES, PRACTICE_AREAS } from '../domain/directory-search.ts';
import { COURSE_KINDS, DEGREE_FIELDS } from '../domain/eligibility.ts';
import { Can } from './can.ts';
import { Eligibility, PublicCourse, practiceTerms } from './directory.ts';
import { fips } from './directory-fields.ts';
import { fileTypesOf, UploadFile } from './files.ts';
import { Id } from './id.ts';
import { defineRoute, fileBody } from './route.ts';

/** A mediator's own directory profile and training record: the profile, photo, affidavit and courses. */

const tags = ['directory'];

export const CourseParams = z.object({ courseId: Id });
export const DocumentParams = z.object({ fileId: Id });

export const Degree = z.object({
  title: z.string().trim().min(2, 'Enter the degree, for example MSW').max(120),
  field: z.enum(DEGREE_FIELDS, 'Choose the field of the degree'),
  institution: z.string().trim().max(160).default(''),
  year: z.number().int().min(1940).max(2100).nullable().default(null),
});
export type Degree = z.infer<typeof Degree>;
export const BarAdmission = z.object({
  state: z.string().trim().min(2, 'Enter the state').max(40),
  year: z.number().int().min(1940).max(2100).nullable().default(null),
  number: z.string().trim().max(40).default(''),
});
export type BarAdmission = z.infer<typeof BarAdmission>;

export const CONTACT_PREFERENCES = ['form', 'phone', 'website'] as const;

/** A profile as its mediator (or staff) writes it. Eligibility is never part of it. */
export const ProfileBody = z.object({
  displayName: z.string().trim().min(2, 'Enter the name people will see').max(120),
  practiceName: z.string().trim().max(160).default(''),
  bio: z.string().trim().max(4000).default(''),
  areas: z.array(z.enum(PRACTICE_AREAS, 'Choose a practice area from the list')).max(10).default([]),
  languages: z.array(z.enum(LANGUAGE_CODES, 'Choose a language from the list')).max(14).default(['en']),
  counties: z.array(fips).max(115).default([]),
  statewide: z.boolean().default(false),
  inPerson: z.boolean().default(true),
  remote: z.boolean().default(false),
  hourlyRate: z.number().int().min(0).max(2000).nullable().default(null),
  slidingScale: z.boolean().default(false),
  freeService: z.boolean().default(false),
  acceptingCases: z.boolean().default(true),
  yearsPractice: z.number().int().min(0).max(70).nullable().default(null),
  contactPreference: z.enum(CONTACT_PREFERENCES).default('form'),
  phone: z.string().trim().max(40).nullable().default(null),
  website: z
    .httpUrl('Enter a web address starting with https:// or http://')
    .max(300)
    .nullable()
    .default(null),
  employers: z.array(z.string().trim().min(2).max(160)).max(10).default([]),
  degrees: z.array(Degree).max(10).default([]),
  barAdmissions: z.array(BarAdmission).max(10).default([]),
  published: z.boolean().default(true),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const OwnCourse = PublicCourse.extend({
  id: z.string(),
  verified: z.boolean(),
  source: z.string(),
  certificateFileId: z.string().nullable(),
  /** Its mediator removes a course nobody has verified yet. */
  can: Can('remove'),
});
export type OwnCourse = z.infer<typeof OwnCourse>;

/** The whole record of a profile, as its mediator (or staff) sees it. */
export const ProfileRecord = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  practiceName: z.string(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
  counties: z.array(z.string()),
  statewide: z.boolean(),
  ...practiceTerms,
  employers: z.array(z.string()),
  degrees: z.array(Degree),
  barAdmissions: z.array(BarAdmission),
  published: z.boolean(),
  credentialsVerified: z.boolean(),
  affidavitFileId: z.string().nullable(),
  affidavitVerified: z.boolean(),
  specialEducationAdmitted: z.boolean(),
  federalEasternDistrict: z.boolean(),
  federalWesternDistrict: z.boolean(),
  verifiedHours: z.number(),
  eligibility: z.array(Eligibility),
  courses: z.array(OwnCourse),
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;

/** A profile's record (none yet for a person who has not written one), and whether the viewer may save it. */
export const OwnProfile = z.object({
  profile: ProfileRecord.nullable(),
  /** Mediators and association members keep a profile; staff edit anyone's and record federal panels. */
  can: Can('save', 'recordFederalPanels'),
});
export type OwnProfile = z.infer<typeof OwnProfile>;

export const getOwnProfile = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/me',
  summary: 'My directory profile and training record',
  tags,
  response: { 200: OwnProfile },
});

export const saveOwnProfile = defineRoute({
  method: 'PUT',
  path: '/api/v1/directory/me',
  summary: 'Create or update my directory profile',
  tags,
  body: ProfileBody,
  response: { 200: OwnProfile },
});

export const PhotoUpload = UploadFile('photo', 'Choose a photo');
export const setOwnPhoto = defineRoute({
  method: 'PUT',
  path: '/api/v1/directory/me/photo',
  summary: 'Replace my photo (JPEG, PNG or WebP, 2 MB)',
  tags,
  body: PhotoUpload,
  response: { 200: OwnProfile },
});

export const DocumentUpload = UploadFile('trainingDocument', 'Choose the document');
export const uploadOwnAffidavit = defineRoute({
  method: 'PUT',
  path: '/api/v1/directory/me/affidavit',
  summary: 'Upload my Rule 88.05 affidavit (PDF or image, 2 MB)',
  tags,
  body: DocumentUpload,
  response: { 200: OwnProfile },
});

export const CourseBody = z.object({
  provider: z.string().trim().min(2, 'Enter who gave the training').max(160),
  title: z.string().trim().max(200).default(''),
  date: z.iso.date('Enter the date as YYYY-MM-DD'),
  hours: z.number().min(0.5, 'At least half an hour').max(200),
  kind: z.enum(COURSE_KINDS, 'Choose the kind of training'),
  certificate: DocumentUpload.nullable().default(null),
});
export type CourseBody = z.infer<typeof CourseBody>;
export const addOwnCourse = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/me/courses',
  summary: 'Record a course, with its certificate',
  tags,
  body: CourseBody,
  response: { 201: OwnProfile },
});

export const removeOwnCourse = defineRoute({
  method: 'DELETE',
  path: '/api/v1/directory/me/courses/:courseId',
  summary: 'Remove a course nobody has verified yet',
  tags,
  params: CourseParams,
  response: { 200: OwnProfile },
});

export const getDocument = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/documents/:fileId',
  summary: 'A certificate or affidavit (its owner, staff, coordinators)',
  tags,
  params: DocumentParams,
  response: { 200: fileBody(fileTypesOf('trainingDocument'), 'The certificate or affidavit') },
});
