/** The directory API's shapes (server/modules/directory/directory.schemas.ts). */

export type County = { fips: string; name: string; circuit: number };

export type SearchResult = {
  id: string;
  name: string;
  practiceName: string;
  photoUrl: string | null;
  areas: string[];
  languages: string[];
  statewide: boolean;
  counties: string[];
  remote: boolean;
  inPerson: boolean;
  hourlyRate: number | null;
  slidingScale: boolean;
  freeService: boolean;
  acceptingCases: boolean;
  yearsPractice: number | null;
  rosters: string[];
  milesAway: number | null;
};
export type SearchPage = { results: SearchResult[]; nextCursor: string | null };

export type EligibilityView = {
  roster: string;
  label: string;
  met: boolean;
  metText: string;
  missing: { code: string; text: string; citation: string }[];
};

export type PublicProfile = {
  id: string;
  name: string;
  practiceName: string;
  photoUrl: string | null;
  bio: string;
  areas: string[];
  languages: string[];
  statewide: boolean;
  counties: County[];
  circuits: number[];
  inPerson: boolean;
  remote: boolean;
  hourlyRate: number | null;
  slidingScale: boolean;
  freeService: boolean;
  acceptingCases: boolean;
  yearsPractice: number | null;
  contactPreference: string;
  phone: string | null;
  website: string | null;
  verifiedHours: number;
  eligibility: EligibilityView[];
  training: { provider: string; title: string; date: string; hours: number; kind: string }[];
};

export type Degree = { title: string; field: string; institution: string; year: number | null };
export type BarAdmission = { state: string; year: number | null; number: string };

export type OwnProfile = {
  id: string;
  userId: string;
  displayName: string;
  practiceName: string;
  bio: string;
  photoUrl: string | null;
  areas: string[];
  languages: string[];
  counties: string[];
  statewide: boolean;
  inPerson: boolean;
  remote: boolean;
  hourlyRate: number | null;
  slidingScale: boolean;
  freeService: boolean;
  acceptingCases: boolean;
  yearsPractice: number | null;
  contactPreference: string;
  phone: string | null;
  website: string | null;
  employers: string[];
  degrees: Degree[];
  barAdmissions: BarAdmission[];
  published: boolean;
  credentialsVerified: boolean;
  affidavitFileId: string | null;
  affidavitVerified: boolean;
  specialEducationAdmitted: boolean;
  federalEasternDistrict: boolean;
  federalWesternDistrict: boolean;
  verifiedHours: number;
  eligibility: EligibilityView[];
  courses: {
    id: string;
    provider: string;
    title: string;
    date: string;
    hours: number;
    kind: string;
    verified: boolean;
    source: string;
    certificateFileId: string | null;
  }[];
};

export type ReviewQueue = {
  courses: {
    id: string;
    profileId: string;
    mediator: string;
    provider: string;
    title: string;
    date: string;
    hours: number;
    kind: string;
    certificateFileId: string | null;
  }[];
  profiles: {
    id: string;
    mediator: string;
    credentialsPending: boolean;
    affidavitPending: boolean;
    affidavitFileId: string | null;
    specialEducationAdmitted: boolean;
  }[];
};
