import type { Generated } from 'kysely';
import type { ChainedEvent } from '../../domain/audit-chain.ts';
import type { Language } from '../../domain/languages.ts';
import type { Role } from '../../domain/roles.ts';
import type { AssociationTables } from './tables/association.ts';
import type { CasesTables } from './tables/cases.ts';
import type { CasesPart2Tables } from './tables/cases-part-2.ts';
import type { ComplianceTables } from './tables/compliance.ts';
import type { DirectoryTables } from './tables/directory.ts';
import type { KeysTables } from './tables/keys.ts';
import type { NegotiationTables } from './tables/negotiation.ts';
import type { NotificationsTables } from './tables/notifications.ts';
import type { ReportsTables } from './tables/reports.ts';
import type { RetentionTables } from './tables/retention.ts';
import type { SmsTables } from './tables/sms.ts';
import type { TalkTables } from './tables/talk.ts';

// Table types for Kysely. The foundation's tables are here; each area keeps its own in
// db/tables/<area>.ts and joins them into Database below. Times are ISO-8601 UTC strings;
// flags are 0 or 1.

export type Flag = 0 | 1;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  email_verified_at: string | null;
  totp_secret_enc: string | null;
  totp_enabled_at: string | null;
  totp_last_step?: number | null;
  disabled_at: string | null;
  /** Locked after many failed sign-ins from many addresses; the unlock link or a reset lifts it. */
  locked_at?: string | null;
  /** When the lock was last lifted: failures before then no longer count towards it. */
  unlocked_at?: string | null;
  /** The language of the pages, e-mails and documents the person receives ('en-US' by default). */
  language?: Language;
  created_at: string;
  updated_at: string;
}

export interface ProgramsTable {
  id: string;
  kind: string;
  slug: string;
  name: string;
  description: Generated<string>;
  rule_pack: string | null;
  rule_pack_version: string | null;
  settings: Generated<string>;
  require_mfa: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A school district a special-education program lists, with the address its mediation requests go to. */
export interface ProgramDistrictsTable {
  id: string;
  program_id: string;
  name: string;
  email: string;
  created_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: Role;
  scope: string;
  created_at: string;
  created_by: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  mfa_verified: Generated<number>;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  /** Wrong second-factor codes entered while this sign-in waited for one. */
  mfa_failures: Generated<number>;
}

export interface SignInAttemptsTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  /** Which step of sign-in: the password, or the second factor. */
  step: Generated<'password' | 'second_factor'>;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  /** Keyed hash of the code (hashToken): the code itself is shown once and never stored. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface OneTimeTokensTable {
  id: string;
  token_hash: string;
  purpose: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  name: Generated<string>;
  role: Role;
  scope: string;
  case_id: string | null;
  purpose: Generated<string>;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  /** The invited person said no from the link (a case invitation); the link no longer works. */
  declined_at: Generated<string | null>;
  decline_reason: Generated<string | null>;
  created_at: string;
}

/** A row of the chain: the event the chain's rule hashes (domain/audit-chain.ts), with its hash. */
export interface AuditEventsTable extends Omit<ChainedEvent, 'chain_version'> {
  hash: string;
  /** How `hash` was made: 1 unkeyed SHA-256 (rows from before the keyed chain), 2 HMAC-SHA-256. */
  chain_version: Generated<number>;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxEmailsTable {
  id: string;
  to_address: string;
  to_user_id: string | null;
  template: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: Generated<string>;
  program_id: string | null;
  case_id: string | null;
  status: 'queued' | 'sent' | 'failed' | 'held';
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: Generated<string>;
  unique_key: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface FilesTable {
  id: string;
  purpose: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  owner_id: string | null;
  program_id: string | null;
  case_id: string | null;
  created_at: string;
}

export interface ThrottleCountersTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface FoundationTables {
  throttle_counters: ThrottleCountersTable;
  users: UsersTable;
  programs: ProgramsTable;
  program_districts: ProgramDistrictsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  recovery_codes: RecoveryCodesTable;
  one_time_tokens: OneTimeTokensTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  outbox_emails: OutboxEmailsTable;
  jobs: JobsTable;
  files: FilesTable;
}

// One line per area's tables.
export interface Database
  extends FoundationTables,
    DirectoryTables,
    CasesTables,
    CasesPart2Tables,
    AssociationTables,
    ComplianceTables,
    KeysTables,
    NegotiationTables,
    RetentionTables,
    ReportsTables,
    NotificationsTables,
    TalkTables,
    SmsTables {}
