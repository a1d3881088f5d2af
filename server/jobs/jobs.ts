import { ACCESS_JOBS } from '../modules/access/throttle.service.ts';
import { ACCOUNTS_JOBS } from '../modules/accounts/sessions.service.ts';
import { AUDIT_JOBS } from '../modules/audit/checkpoints.ts';
import { BACKUP_JOBS } from '../modules/backups/backups.jobs.ts';
import { CASES_JOBS } from '../modules/cases/cases.jobs.ts';
import { COMPLIANCE_JOBS } from '../modules/compliance/reminders.ts';
import { DIRECTORY_JOBS } from '../modules/directory/directory.jobs.ts';
import { MAIL_JOBS } from '../modules/mail/mail.service.ts';
import { MEMBERSHIP_JOBS } from '../modules/membership/membership.jobs.ts';
import { NEWSLETTER_JOBS } from '../modules/newsletter/newsletter.service.ts';
import { NOTIFICATION_JOBS } from '../modules/notifications/notifications.service.ts';
import { RETENTION_JOBS } from '../modules/retention/retention.jobs.ts';
import { SELECTION_JOBS } from '../modules/selection/selection.jobs.ts';
import { SESSION_JOBS } from '../modules/sessions/reminders.ts';
import { SMS_JOBS } from '../modules/sms/sms.service.ts';

/**
 * Every background job Parley runs, area by area: the runner knows these and no others. An area
 * exports its jobs (defineJob in server/jobs/runner.ts) and adds one line here.
 */
export const JOBS = [
  ...MAIL_JOBS,
  ...ACCESS_JOBS,
  ...ACCOUNTS_JOBS,
  ...SESSION_JOBS,
  ...COMPLIANCE_JOBS,
  ...MEMBERSHIP_JOBS,
  ...NEWSLETTER_JOBS,
  ...BACKUP_JOBS,
  ...RETENTION_JOBS,
  ...CASES_JOBS,
  ...SELECTION_JOBS,
  ...AUDIT_JOBS,
  ...DIRECTORY_JOBS,
  ...NOTIFICATION_JOBS,
  ...SMS_JOBS,
];
