import { z } from 'zod';
import { FEE_TYPES, LANGUAGE_CODES, PRACTICE_AREAS, SEARCH_SORTS } from '../domain/directory-search.ts';
import { ROSTERS } from '../domain/eligibility.ts';
import { Can } from './can.ts';
import { fips } from './directory-fields.ts';
import { fileTypesOf } from './files.ts';
import { Id } from './id.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * Find a Mediator: the public search and profiles, and the contact form. A mediator's own profile
 * and training record are in directory-profiles.ts, the review of courses, credentials and
 * affidavits in directory-review.ts.
 */

const tags = ['directory'];
const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const ProfileParams = z.object({ profileId: Id });

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

/** What a mediator charges and whether they take new cases, as every view of a profile shows it. */
const fees = {
  hourlyRate: z.number().nullable(),
  slidingScale: z.boolean(),
  freeService: z.boolean(),
  acceptingCases: z.boolean(),
  yearsPractice: z.number().nullable(),
};
/** How a mediator works, charges and is reached, as a profile shows it (to the public and to its owner). */
export const practiceTerms = {
  inPerson: z.boolean(),
  remote: z.boolean(),
  ...fees,
  contactPreference: z.string(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
};

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
  ...fees,
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
  ...practiceTerms,
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
