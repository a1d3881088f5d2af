import type { Generated } from 'kysely';
import type { Side } from '../../../domain/attendance.ts';
import type { IssueStatus } from '../../../domain/issues.ts';
import type { NoteKind } from '../../../domain/notes.ts';
import type { Outcome } from '../../../domain/outcomes.ts';
import type { SessionKind, SessionStatus } from '../../../domain/sessions.ts';

export interface CaseKeysTable {
  case_id: string;
  /** The case's random 256-bit data key, encrypted under the master key named beside it. */
  wrapped_key: string;
  master_key_id: string;
  created_at: string;
}
export interface CaseCoMediatorsTable {
  case_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}
export interface CasePreparationsTable {
  id: string;
  case_id: string;
  participant_id: string;
  answers_enc: string | null;
  mediator_note_enc: string | null;
  submitted_at: string | null;
  updated_at: string;
}
export interface CaseSessionsTable {
  id: string;
  case_id: string;
  mediator_id: string;
  kind: SessionKind;
  side: Side | null;
  starts_at: string;
  ends_at: string;
  minutes: number;
  /** JSON: { kind: 'in_person', address, room, accessibility } or { kind: 'video', url }. */
  place: string;
  /** JSON array of participant ids. */
  attendees: Generated<string>;
  /** JSON array of people attending this session only: { name, role, side, isAttorney, language }. */
  guests: Generated<string>;
  status: SessionStatus;
  sequence: Generated<number>;
  /** JSON array of participant ids who came, once held. */
  attended: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface SessionRemindersTable {
  session_id: string;
  starts_at: string;
  sent_at: string;
}
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}
export interface CaseNotesTable {
  id: string;
  case_id: string;
  session_id: string | null;
  kind: NoteKind;
  author_id: string;
  body_enc: string;
  created_at: string;
  updated_at: string;
}
export interface CaseIssuesTable {
  id: string;
  case_id: string;
  template_id: string | null;
  title: string;
  status: IssueStatus;
  position: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface IssueOptionsTable {
  id: string;
  issue_id: string;
  case_id: string;
  proposed_by: string;
  proposer_participant_id: string | null;
  visibility: 'shared' | 'private';
  text_enc: string;
  created_at: string;
  released_at: string | null;
}
export interface SettlementAgreementsTable {
  case_id: string;
  scope: 'full' | 'partial';
  /** 'electronic' or 'ink' (a scanned signed copy uploaded by the mediator). */
  signing: 'electronic' | 'ink';
  signed_at: string | null;
  ink_file_id: string | null;
  court_approved_at: string | null;
  court_approval_recorded_by: string | null;
  program_copy_sent_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface AgreementVersionsTable {
  document_id: string;
  case_id: string;
  version: number;
  /** JSON AgreementContent: terms, milestones, settled issue ids. */
  content: string;
  change_note: Generated<string>;
  created_by: string;
  created_at: string;
  /** When the mediator sent this version to the parties for signature; null while it is their draft. */
  sent_at: string | null;
}
export interface AgreementCommentsTable {
  id: string;
  case_id: string;
  version: number;
  author_id: string;
  author_name: string;
  body: string;
  created_at: string;
}
export interface CaseOutcomesTable {
  case_id: string;
  outcome: Outcome;
  closed_by: string;
  closed_at: string;
  next_steps: string;
}
export interface SurveyResponsesTable {
  id: string;
  case_id: string;
  participant_id: string;
  sent_at: string;
  answered_at: string | null;
  answers: string | null;
}

export interface SessionPollsTable {
  id: string;
  case_id: string;
  mediator_id: string;
  kind: 'pre_mediation' | 'joint' | 'caucus';
  side: 'requester' | 'respondent' | null;
  minutes: number;
  place: string;
  slots: string;
  status: 'open' | 'booked' | 'closed';
  session_id: string | null;
  reminded_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface SessionPollInviteesTable {
  poll_id: string;
  participant_id: string;
  token_hash: string;
  slot_ids: string | null;
  answered_at: string | null;
}

/** A party's request to move a session, and the mediator's answer. */
export interface SessionMoveRequestsTable {
  id: string;
  case_id: string;
  session_id: string;
  participant_id: string;
  asked_by: string;
  from_starts_at: string;
  reason_enc: string;
  status: 'open' | 'accepted' | 'declined' | 'closed';
  answer: 'new_time' | 'poll' | null;
  note_enc: string | null;
  poll_id: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface CasesPart2Tables {
  case_keys: CaseKeysTable;
  case_co_mediators: CaseCoMediatorsTable;
  case_preparations: CasePreparationsTable;
  case_sessions: CaseSessionsTable;
  session_reminders: SessionRemindersTable;
  calendar_feeds: CalendarFeedsTable;
  session_polls: SessionPollsTable;
  session_poll_invitees: SessionPollInviteesTable;
  session_move_requests: SessionMoveRequestsTable;
  case_notes: CaseNotesTable;
  case_issues: CaseIssuesTable;
  issue_options: IssueOptionsTable;
  settlement_agreements: SettlementAgreementsTable;
  agreement_versions: AgreementVersionsTable;
  agreement_comments: AgreementCommentsTable;
  case_outcomes: CaseOutcomesTable;
  survey_responses: SurveyResponsesTable;
}
