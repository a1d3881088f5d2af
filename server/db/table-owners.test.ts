import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Database } from './schema.ts';

/**
 * Each table belongs to one area, whose repository alone reads and writes it (server/jobs is the
 * job runner's "area"). Another area asks the owner through its service. The one shared read is
 * `users`: any repository may join it for a person's name and address (and sessions lock a
 * mediator's row with it). The compiler makes this list name every table in Database.
 */
const TABLE_OWNERS = {
  users: 'accounts',
  sessions: 'accounts',
  sign_in_attempts: 'accounts',
  recovery_codes: 'accounts',
  one_time_tokens: 'accounts',
  role_grants: 'access',
  throttle_counters: 'access',
  invitations: 'invitations',
  programs: 'programs',
  program_districts: 'programs',
  audit_events: 'audit',
  audit_head: 'audit',
  outbox_emails: 'mail',
  notifications: 'notifications',
  notification_preferences: 'notifications',
  mobile_numbers: 'sms',
  outbox_texts: 'sms',
  jobs: 'jobs',
  files: 'files',
  case_keys: 'keys',
  master_keys: 'keys',
  directory_state: 'directory',
  directory_changes: 'directory',
  mo_counties: 'directory',
  mo_county_distances: 'directory',
  directory_profiles: 'directory',
  directory_profile_counties: 'directory',
  directory_courses: 'directory',
  directory_contact_messages: 'directory',
  cases: 'cases',
  case_participants: 'cases',
  case_co_mediators: 'cases',
  screening_responses: 'screening',
  confidentiality_exceptions: 'screening',
  mediator_picks: 'selection',
  disqualification_requests: 'selection',
  case_documents: 'agreements-to-mediate',
  signatures: 'agreements-to-mediate',
  case_preparations: 'preparation',
  case_sessions: 'sessions',
  session_reminders: 'sessions',
  calendar_feeds: 'sessions',
  session_polls: 'sessions',
  session_poll_invitees: 'sessions',
  session_move_requests: 'sessions',
  case_notes: 'notes',
  case_issues: 'issues',
  issue_options: 'issues',
  negotiation_aids: 'negotiation',
  case_messages: 'conversations',
  case_threads: 'conversations',
  folder_documents: 'documents',
  folder_document_versions: 'documents',
  settlement_agreements: 'agreements',
  agreement_versions: 'agreements',
  agreement_comments: 'agreements',
  case_outcomes: 'outcomes',
  survey_responses: 'outcomes',
  compliance_milestones: 'compliance',
  deadline_extensions: 'cases',
  request_drafts: 'cases',
  compliance_events: 'compliance',
  compliance_evidence: 'compliance',
  compliance_reminders: 'compliance',
  membership_tiers: 'membership',
  memberships: 'membership',
  association_payments: 'membership',
  association_invoices: 'membership',
  payment_webhook_events: 'membership',
  membership_reminders: 'membership',
  membership_tier_changes: 'membership',
  mediator_path_ticks: 'membership',
  association_events: 'events',
  event_registrations: 'events',
  association_event_sessions: 'events',
  event_session_attendance: 'events',
  library_forms: 'library',
  library_form_versions: 'library',
  newsletter_issues: 'newsletter',
  newsletter_deliveries: 'newsletter',
  newsletter_unsubscribes: 'newsletter',
  newsletter_subscribers: 'newsletter',
  newsletter_subscriber_deliveries: 'newsletter',
  job_postings: 'jobs-board',
  job_alert_subscriptions: 'jobs-board',
  legal_holds: 'retention',
  case_statistics: 'retention',
  report_settings: 'reports',
  case_figures: 'reports',
  program_day_figures: 'reports',
} as const satisfies Record<keyof Database, string>;

const SHARED_READS = new Set(['users']);

/**
 * The reports area counts across areas: its repository may read (never write) these tables, and
 * only to aggregate indexed columns into figures (counts, sums, percentiles), never words. A
 * figure that walked each area's service case by case would load every case into memory.
 */
const AGGREGATE_READS: Record<string, ReadonlySet<string>> = {
  reports: new Set([
    'cases',
    'case_sessions',
    'survey_responses',
    'compliance_milestones',
    'memberships',
    'membership_tiers',
    'association_payments',
    'event_registrations',
    'association_events',
    'directory_profiles',
    'directory_contact_messages',
  ]),
};

const serverDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\(\s*'([a-z_]+)/g;
const BUILDS_QUERIES = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|\bsql</;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}
const rel = (file: string) => path.relative(serverDir, file).split(path.sep).join('/');
/** The area a server file belongs to: modules/<area>/…, or jobs for server/jobs. */
const areaOf = (file: string) => (rel(file).startsWith('jobs/') ? 'jobs' : rel(file).split('/')[1]);

/**
 * Files that may build queries outside a repository: server/db itself (migrations, the migrator,
 * seeds for tests and the demo), and backups, which copies and checks the whole database below
 * the areas (it counts every table's rows by name and reads no area's records).
 */
const outsideAreas = (file: string) =>
  rel(file).startsWith('db/') || rel(file).startsWith('modules/backups/');

/** What a repository's queries touch: [verb, table] pairs. */
function tablesQueried(source: string): [string, string][] {
  return [...source.matchAll(QUERY)].map((m) => [m[1]!, m[2]!]);
}

/** The problems with one file: queries outside a repository, or another area's tables. */
function ownershipProblems(file: string, source: string): string[] {
  if (outsideAreas(file)) return [];
  const isRepository = file.endsWith('.repository.ts');
  if (!isRepository)
    return BUILDS_QUERIES.test(source) ? [`${rel(file)} builds queries outside a repository`] : [];
  const area = areaOf(file);
  return tablesQueried(source).flatMap(([verb, table]) => {
    const owner = TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];
    const reads = verb === 'selectFrom' || verb.endsWith('Join');
    if (owner === area || (reads && SHARED_READS.has(table))) return [];
    if (reads && area && AGGREGATE_READS[area]?.has(table)) return [];
    return [`${rel(file)}: ${verb}('${table}'), which is the ${owner ?? 'unknown'} area's table`];
  });
}

describe('each table has one owner', () => {
  it('lets no module query outside its repository, nor a repository touch another area’s table', () => {
    const problems = sourceFiles(serverDir).flatMap((f) => ownershipProblems(f, readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches a service building a query and a repository writing another area’s table', () => {
    const service = path.join(serverDir, 'modules', 'notes', 'notes.service.ts');
    expect(ownershipProblems(service, "await db.selectFrom('case_notes').selectAll()")).toEqual([
      'modules/notes/notes.service.ts builds queries outside a repository',
    ]);
    const repository = path.join(serverDir, 'modules', 'compliance', 'compliance.repository.ts');
    expect(
      ownershipProblems(
        repository,
        "db.insertInto('files').values(row); db.selectFrom('compliance_events as e').innerJoin('users as u', 'u.id', 'e.actor_id')",
      ),
    ).toEqual([
      "modules/compliance/compliance.repository.ts: insertInto('files'), which is the files area's table",
    ]);
  });
});
