import { z } from 'zod';
import { FEE_TYPES, LANGUAGE_CODES, PRACTICE_AREAS, SEARCH_SORTS } from '../domain/directory-search.ts';
import { COURSE_KINDS, DEGREE_FIELDS, ROSTERS } from '../domain/eligibility.ts';
import { Can } from './can.ts';
import { fileTypesOf, UploadFile } from './files.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * Find a Mediator: the public search and profiles, a mediator's own profile and training record,
 * the review of courses, credentials and affidavits, and the contact form.
 */

const tags = ['directory'];
const id = z.string().min(1).max(64);
const fips = z.string().regex(/^29\d{3}$/, 'must be a Missouri county code such as 29077');
const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const ProfileParams = z.object({ profileId: id });
export const CourseParams = z.object({ courseId: id });
export const DocumentParams = z.object({ fileId: id });

export const County = z.object({ fips: z.string(), name: z.string(), circuit: z.number() });
export type County = z.infer<typeof County>;
export const listCounties = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/counties',
  summary: "Missouri's counties and their judicial circuits",
  tags,
  response: { 200: z.array(County) },
});

/** A filter that may be repeated in the query string (`language=es&language=vi`): every value is required. */
const repeated = <T extends z.ZodType>(value: T, message: string, most: number) =>
  z
    .union([value, z.array(value).max(most)], message)
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

export const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  /** A Missouri city, town or ZIP code: its counties first, then nearest first from it. */
  place: z.string().trim().max(60, 'must be a city, town or ZIP code').optional(),
  area: repeated(z.enum(PRACTICE_AREAS), 'must be one or more of the practice areas', 10),
  county: fips.optional(),
  circuit: z.coerce.number('must be a circuit number from 1 to 46').int().min(1).max(46).optional(),
  roster: repeated(
    z.enum(ROSTERS),
    'must be one or more of rule17, rule88, special_education, federal_ed, federal_wd',
    5,
  ),
  language: repeated(z.enum(LANGUAGE_CODES), 'must be one or more language codes such as es', 14),
  fee: z.enum(FEE_TYPES, 'must be hourly, sliding or free').optional(),
  mode: z.enum(['remote', 'in_person'], 'must be remote or in_person').optional(),
  accepting: flag.optional(),
  sort: z.enum(SEARCH_SORTS, 'must be relevance, name or distance').default('relevance'),
  near: fips.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number('must be a number from 1 to 50').int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
/** A search as a page or a link writes it (before the server's defaults and conversions). */
export type SearchRequest = z.input<typeof SearchQuery>;

export const SearchResult = z.object({
  id: z.string(),
  name: z.string(),
  practiceName: z.string(),
  photoUrl: z.string().nullable(),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
  statewide: z.boolean(),
  counties: z.array(z.string()),
  remote: z.boolean(),
  inPerson: z.boolean(),
  hourlyRate: z.number().nullable(),
  slidingScale: z.boolean(),
  freeService: z.boolean(),
  acceptingCases: z.boolean(),
  yearsPractice: z.number().nullable(),
  rosters: z.array(z.enum(ROSTERS)),
  milesAway: z.number().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;
/** The place a search was measured from: a city's or ZIP code's name and the counties it lies in. */
export const SearchPlace = z.object({ name: z.string(), counties: z.array(z.string()) });
export type SearchPlace = z.infer<typeof SearchPlace>;
export const SearchPage = z.object({
  results: z.array(SearchResult),
  nextCursor: z.string().nullable(),
  /** How many profiles match in all (every page). */
  total: z.number(),
  place: SearchPlace.nullable(),
});
export type SearchPage = z.infer<typeof SearchPage>;
export const searchMediators = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/mediators',
  summary: 'Search the directory (public): words, filters, sort, cursor',
  tags,
  query: SearchQuery,
  response: { 200: SearchPage },
});

/** What a training record meets, roster by roster, and what is missing: computed, never typed in. */
export const Eligibility = z.object({
  roster: z.enum(ROSTERS),
  label: z.string(),
  met: z.boolean(),
  metText: z.string(),
  missing: z.array(z.object({ code: z.string(), text: z.string(), citation: z.string() })),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const PublicCourse = z.object({
  provider: z.string(),
  title: z.string(),
  date: z.string(),
  hours: z.number(),
  kind: z.string(),
});

export const PublicProfile = z.object({
  id: z.string(),
  name: z.string(),
  practiceName: z.string(),
  photoUrl: z.string().nullable(),
  bio: z.string(),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
  statewide: z.boolean(),
  counties: z.array(County),
  circuits: z.array(z.number()),
  inPerson: z.boolean(),
  remote: z.boolean(),
  hourlyRate: z.number().nullable(),
  slidingScale: z.boolean(),
  freeService: z.boolean(),
  acceptingCases: z.boolean(),
  yearsPractice: z.number().nullable(),
  contactPreference: z.string(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  verifiedHours: z.number(),
  eligibility: z.array(Eligibility),
  training: z.array(PublicCourse),
  /**
   * The state special-education program's coordinator decides who is on its list; anyone but the
   * mediator may ask a mediator who is taking new cases to mediate (a request naming them).
   */
  can: Can('setSpecialEducationAdmission', 'askToMediate'),
});
export type PublicProfile = z.infer<typeof PublicProfile>;
export const getPublicProfile = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/mediators/:profileId',
  summary: "A mediator's public profile",
  tags,
  params: ProfileParams,
  response: { 200: PublicProfile },
});

export const getPhoto = defineRoute({
  method: 'GET',
  path: '/api/v1/directory/mediators/:profileId/photo',
  summary: "A mediator's photo",
  tags,
  params: ProfileParams,
  response: { 200: fileBody(fileTypesOf('photo'), 'The photo') },
});

export const ContactBody = z.object({
  name: z.string().trim().min(2, 'Enter your name').max(120),
  email: z.email('Enter an e-mail address the mediator can reply to').max(200),
  message: z.string().trim().min(10, 'Write a few words about what you need').max(3000),
});
export type ContactBody = z.infer<typeof ContactBody>;
export const ContactSent = z.object({ sent: z.boolean(), message: z.string() });
export const contactMediator = defineRoute({
  method: 'POST',
  path: '/api/v1/directory/mediators/:profileId/contact',
  summary: 'Send the mediator a message (their address is never shown)',
  tags,
  params: ProfileParams,
  body: ContactBody,
  response: { 202: ContactSent },
});

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
  inPerson: z.boolean(),
  remote: z.boolean(),
  hourlyRate: z.number().nullable(),
  slidingScale: z.boolean(),
  freeService: z.boolean(),
  acceptingCases: z.boolean(),
  yearsPractice: z.number().nullable(),
  contactPreference: z.string(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
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
