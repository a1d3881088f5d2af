import { ACCOUNTS_AUDIT_KINDS } from '../accounts/accounts.audit.ts';
import { AGREEMENTS_AUDIT_KINDS } from '../agreements/agreements.audit.ts';
import { DOCUMENTS_AUDIT_KINDS } from '../agreements-to-mediate/atm.audit.ts';
import { CASES_AUDIT_KINDS } from '../cases/cases.audit.ts';
import { COMPLIANCE_AUDIT_KINDS } from '../compliance/compliance.audit.ts';
import { CONVERSATIONS_AUDIT_KINDS } from '../conversations/conversations.audit.ts';
import { COURT_AUDIT_KINDS } from '../court/court.audit.ts';
import { DIRECTORY_AUDIT_KINDS } from '../directory/directory.audit.ts';
import { CASE_DOCUMENTS_AUDIT_KINDS } from '../documents/documents.audit.ts';
import { EVENTS_AUDIT_KINDS } from '../events/events.audit.ts';
import { INVITATIONS_AUDIT_KINDS } from '../invitations/invitations.audit.ts';
import { ISSUES_AUDIT_KINDS } from '../issues/issues.audit.ts';
import { JOBS_BOARD_AUDIT_KINDS } from '../jobs-board/jobs-board.audit.ts';
import { KEYS_AUDIT_KINDS } from '../keys/keys.audit.ts';
import { LIBRARY_AUDIT_KINDS } from '../library/library.audit.ts';
import { MEMBERSHIP_AUDIT_KINDS } from '../membership/membership.audit.ts';
import { MY_DATA_AUDIT_KINDS } from '../my-data/my-data.audit.ts';
import { NEGOTIATION_AUDIT_KINDS } from '../negotiation/negotiation.audit.ts';
import { NEWSLETTER_AUDIT_KINDS } from '../newsletter/newsletter.audit.ts';
import { NOTES_AUDIT_KINDS } from '../notes/notes.audit.ts';
import { OUTCOMES_AUDIT_KINDS } from '../outcomes/outcomes.audit.ts';
import { PREPARATION_AUDIT_KINDS } from '../preparation/preparation.audit.ts';
import { PROGRAMS_AUDIT_KINDS } from '../programs/programs.audit.ts';
import { REPORTS_AUDIT_KINDS } from '../reports/reports.audit.ts';
import { RETENTION_AUDIT_KINDS } from '../retention/retention.audit.ts';
import { SCREENING_AUDIT_KINDS } from '../screening/screening.audit.ts';
import { SELECTION_AUDIT_KINDS } from '../selection/selection.audit.ts';
import { SESSIONS_AUDIT_KINDS } from '../sessions/sessions.audit.ts';
import { SMS_AUDIT_KINDS } from '../sms/sms.audit.ts';

/**
 * Every kind of audit event Parley writes: each area lists its own in <area>.audit.ts and they
 * are joined here, so recordAudit takes only a listed kind (a typo is a compile error) and a
 * reader sees at a glance what the trail records. A new kind is one line in its area's list.
 */
export const AUDIT_KINDS = [
  ...ACCOUNTS_AUDIT_KINDS,
  ...KEYS_AUDIT_KINDS,
  ...INVITATIONS_AUDIT_KINDS,
  ...PROGRAMS_AUDIT_KINDS,
  ...CASES_AUDIT_KINDS,
  ...SCREENING_AUDIT_KINDS,
  ...SELECTION_AUDIT_KINDS,
  ...DOCUMENTS_AUDIT_KINDS,
  ...PREPARATION_AUDIT_KINDS,
  ...SESSIONS_AUDIT_KINDS,
  ...CONVERSATIONS_AUDIT_KINDS,
  ...CASE_DOCUMENTS_AUDIT_KINDS,
  ...NOTES_AUDIT_KINDS,
  ...ISSUES_AUDIT_KINDS,
  ...NEGOTIATION_AUDIT_KINDS,
  ...AGREEMENTS_AUDIT_KINDS,
  ...OUTCOMES_AUDIT_KINDS,
  ...COURT_AUDIT_KINDS,
  ...COMPLIANCE_AUDIT_KINDS,
  ...DIRECTORY_AUDIT_KINDS,
  ...MEMBERSHIP_AUDIT_KINDS,
  ...EVENTS_AUDIT_KINDS,
  ...LIBRARY_AUDIT_KINDS,
  ...NEWSLETTER_AUDIT_KINDS,
  ...JOBS_BOARD_AUDIT_KINDS,
  ...RETENTION_AUDIT_KINDS,
  ...MY_DATA_AUDIT_KINDS,
  ...REPORTS_AUDIT_KINDS,
  ...SMS_AUDIT_KINDS,
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];
