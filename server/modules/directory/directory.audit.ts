/** What the directory writes to the audit trail: profiles, training records, checks and rosters. */
export const DIRECTORY_AUDIT_KINDS = [
  'directory.profile_created',
  'directory.profile_updated',
  'directory.photo_updated',
  'directory.course_added',
  'directory.course_removed',
  'directory.course_verified',
  'directory.affidavit_uploaded',
  'directory.credentials_verified',
  'directory.affidavit_verified',
  'directory.special_education_admission',
  'directory.federal_panels',
  'directory.eligibility_changed',
] as const;
export type DirectoryAuditKind = (typeof DIRECTORY_AUDIT_KINDS)[number];
