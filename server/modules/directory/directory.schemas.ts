import { z } from 'zod';
import { FEE_TYPES, LANGUAGE_CODES, PRACTICE_AREAS, SEARCH_SORTS } from '../../../domain/directory-search.ts';
import { COURSE_KINDS, DEGREE_FIELDS, ROSTERS } from '../../../domain/eligibility.ts';

const fips = z.string().regex(/^29\d{3}$/, 'must be a Missouri county code such as 29077');
const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const Degree = z.object({
  title: z.string().trim().min(2, 'Enter the degree, for example MSW').max(120),
  field: z.enum(DEGREE_FIELDS, 'Choose the field of the degree'),
  institution: z.string().trim().max(160).default(''),
  year: z.number().int().min(1940).max(2100).nullable().default(null),
});
export const BarAdmission = z.object({
  state: z.string().trim().min(2, 'Enter the state').max(40),
  year: z.number().int().min(1940).max(2100).nullable().default(null),
  number: z.string().trim().max(40).default(''),
});

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
  contactPreference: z.enum(['form', 'phone', 'website']).default('form'),
  phone: z.string().trim().max(40).nullable().default(null),
  website: z.url('Enter a web address starting with https://').max(300).nullable().default(null),
  employers: z.array(z.string().trim().min(2).max(160)).max(10).default([]),
  degrees: z.array(Degree).max(10).default([]),
  barAdmissions: z.array(BarAdmission).max(10).default([]),
  published: z.boolean().default(true),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const ProfileParams = z.object({ profileId: z.string().min(1).max(64) });
export const CourseParams = z.object({ courseId: z.string().min(1).max(64) });
export const FileParams = z.object({ fileId: z.string().min(1).max(64) });

/** An upload inside JSON: the file's name and its bytes in base64. */
export const Upload = z.object({
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(3_000_000),
});

export const CourseBody = z.object({
  provider: z.string().trim().min(2, 'Enter who gave the training').max(160),
  title: z.string().trim().max(200).default(''),
  date: z.iso.date('Enter the date as YYYY-MM-DD'),
  hours: z.number().min(0.5, 'At least half an hour').max(200),
  kind: z.enum(COURSE_KINDS, 'Choose the kind of training'),
  certificate: Upload.nullable().default(null),
});

export const AdmissionBody = z.object({ admitted: z.boolean() });
export const FederalBody = z.object({ eastern: z.boolean(), western: z.boolean() });

export const ContactBody = z.object({
  name: z.string().trim().min(2, 'Enter your name').max(120),
  email: z.email('Enter an e-mail address the mediator can reply to').max(200),
  message: z.string().trim().min(10, 'Write a few words about what you need').max(3000),
});

export const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  area: z.enum(PRACTICE_AREAS, 'must be one of the practice areas').optional(),
  county: fips.optional(),
  circuit: z.coerce.number('must be a circuit number from 1 to 46').int().min(1).max(46).optional(),
  roster: z
    .enum(ROSTERS, 'must be one of rule17, rule88, special_education, federal_ed, federal_wd')
    .optional(),
  language: z.enum(LANGUAGE_CODES as [string, ...string[]], 'must be a language code such as es').optional(),
  fee: z.enum(FEE_TYPES, 'must be hourly, sliding or free').optional(),
  mode: z.enum(['remote', 'in_person'], 'must be remote or in_person').optional(),
  accepting: flag.optional(),
  sort: z.enum(SEARCH_SORTS, 'must be relevance, name or distance').default('relevance'),
  near: fips.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number('must be a number from 1 to 50').int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const EligibilityView = z.object({
  roster: z.enum(ROSTERS),
  label: z.string(),
  met: z.boolean(),
  metText: z.string(),
  missing: z.array(z.object({ code: z.string(), text: z.string(), citation: z.string() })),
});

export const CountyView = z.object({ fips: z.string(), name: z.string(), circuit: z.number() });

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
export const SearchPage = z.object({ results: z.array(SearchResult), nextCursor: z.string().nullable() });

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
  counties: z.array(CountyView),
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
  eligibility: z.array(EligibilityView),
  training: z.array(PublicCourse),
});

export const OwnCourse = PublicCourse.extend({
  id: z.string(),
  verified: z.boolean(),
  source: z.string(),
  certificateFileId: z.string().nullable(),
});

export const OwnProfile = z.object({
  profile: z
    .object({
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
      eligibility: z.array(EligibilityView),
      courses: z.array(OwnCourse),
    })
    .nullable(),
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
    }),
  ),
});
