import type { Generated } from 'kysely';
import type { ParticipantRole, ParticipantStatus, Side } from '../../../domain/attendance.ts';
import type { CaseState } from '../../../domain/case-lifecycle.ts';
import type { Language } from '../../../domain/languages.ts';
import type { DisqualificationOutcome, MediatorStatus } from '../../../domain/mediator-selection.ts';
import type { SelectionMethod } from '../../../domain/rule-packs/types.ts';
import type { ConfidentialityException, Suggestion } from '../../../domain/screening.ts';

export interface CasesTable {
  id: string;
  reference: string;
  program_id: string;
  rule_pack: string;
  rule_pack_version: string;
  case_type: string;
  state: CaseState;
  title: string;
  details: Generated<string>;
  requested_by: string | null;
  opt_out_requested_at: string | null;
  consented_at: string | null;
  screening_decision: Suggestion | null;
  safeguards: Generated<string>;
  mediator_id: string | null;
  mediator_status: MediatorStatus | null;
  mediator_offered_at: string | null;
  mediator_chosen_at: string | null;
  mediator_disclosure: string | null;
  selection_method: SelectionMethod | null;
  declined_mediators: Generated<string>;
  ready_at: string | null;
  closed_at: string | null;
  close_reason: string | null;
  /** For reports: the Missouri county the request comes from, when given. */
  county?: string | null;
  /** For reports: the first category of dispute (special education) or issue (a court referral). */
  dispute_category?: string | null;
  /** For reports: a special-education case's due-process complaint was pending (1) or not (0); null: not asked. */
  due_process_pending?: 0 | 1 | null;
  /** For the work queue: the next pack deadline not yet met (its date after any extension). */
  next_due_on?: string | null;
  /** The day that deadline becomes "due soon". */
  next_due_warn_on?: string | null;
  next_due_label?: string | null;
  /** The Missouri circuit whose court referred the case (its clerk's view); null: no court referred it. */
  court_circuit?: number | null;
  created_at: string;
  updated_at: string;
}

export interface CaseParticipantsTable {
  id: string;
  case_id: string;
  user_id: string | null;
  side: Side;
  role: ParticipantRole;
  name: string;
  email: string | null;
  organization: string | null;
  address: string | null;
  phone: string | null;
  is_attorney: Generated<number>;
  hide_contact: Generated<number>;
  agreed_to_more_companions: Generated<number>;
  status: ParticipantStatus;
  invitation_id: string | null;
  added_by: string | null;
  created_at: string;
}

export interface ScreeningResponsesTable {
  id: string;
  case_id: string;
  participant_id: string;
  answers: string;
  note: Generated<string>;
  score: number;
  flags: Generated<string>;
  submitted_at: string;
}

export interface MediatorPicksTable {
  id: string;
  case_id: string;
  side: Side;
  mediator_ids: string;
  picked_by: string;
  picked_at: string;
}

export interface DisqualificationRequestsTable {
  id: string;
  case_id: string;
  mediator_id: string;
  side: Side;
  requested_by: string;
  reason: string;
  requested_at: string;
  deny_by: string | null;
  denied_at: string | null;
  denied_by: string | null;
  denial_reason: string | null;
  outcome: DisqualificationOutcome;
  decided_at: string | null;
  decided_by: string | null;
  /** Rule 88.04: the court's order a decision of a denied application comes from. */
  court_order?: string | null;
}

export interface ConfidentialityExceptionsTable {
  id: string;
  case_id: string;
  /** The case's program, for the program's list (null only for a row older than the column, filled by its migration). */
  program_id: string | null;
  kind: ConfidentialityException;
  /** The Missouri day it was reported (null for rows recorded before the day was asked). */
  reported_on: string | null;
  reported_to: string;
  /** A reference the report was given (a hotline's report number); not confidential words. */
  report_reference: string | null;
  /** What was reported, sealed under the case's key (keys/). */
  summary_enc: string | null;
  recorded_by: string;
  recorded_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  /** The coordinator's review note, sealed under the case's key. */
  review_note_enc: string | null;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  kind: string;
  version: number;
  title: string;
  body: string;
  sha256: string;
  status: 'current' | 'superseded';
  created_at: string;
  superseded_at: string | null;
  /**
   * The same version in the other languages (JSON: language → title, body, SHA-256), written
   * with it; null for a document written in English only. `body` is the English text.
   */
  translations: string | null;
}

export interface SignaturesTable {
  id: string;
  document_id: string;
  case_id: string;
  signer_user_id: string;
  participant_id: string | null;
  signer_name: string;
  signer_capacity: string;
  method: string;
  intent_statement: string;
  consented_to_electronic: number;
  authentication: string;
  document_sha256: string;
  /** The language of the text signed, whose SHA-256 is document_sha256. */
  document_language: Language;
  signed_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** A pack deadline a coordinator extended: the date it had, the new one, and why. */
export interface DeadlineExtensionsTable {
  id: string;
  case_id: string;
  deadline_id: string;
  original_due_on: string;
  due_on: string;
  reason: string;
  extended_by: string | null;
  extended_at: string;
}

/** A signed-in person's unsent request: its words sealed under the master key named beside them. */
export interface RequestDraftsTable {
  user_id: string;
  sealed: string;
  master_key_id: string;
  updated_at: string;
}

export interface CasesTables {
  deadline_extensions: DeadlineExtensionsTable;
  request_drafts: RequestDraftsTable;
  cases: CasesTable;
  case_participants: CaseParticipantsTable;
  screening_responses: ScreeningResponsesTable;
  mediator_picks: MediatorPicksTable;
  disqualification_requests: DisqualificationRequestsTable;
  confidentiality_exceptions: ConfidentialityExceptionsTable;
  case_documents: CaseDocumentsTable;
  signatures: SignaturesTable;
}
