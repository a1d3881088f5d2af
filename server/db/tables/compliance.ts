import type { Side } from '../../../domain/attendance.ts';
import type {
  MilestoneEventKind,
  MilestoneState,
  ReminderKind,
  ResponsibleSide,
} from '../../../domain/compliance.ts';

/** After the agreement: milestones, their log, evidence and reminders (migration 0050). */
export interface ComplianceMilestonesTable {
  id: string;
  case_id: string;
  program_id: string;
  agreement_document_id: string;
  position: number;
  what: string;
  /** The agreement's words for who is responsible. */
  responsible_text: string;
  /** requester | respondent | both */
  responsible_side: ResponsibleSide;
  /** JSON ComplianceDue: a date, or days or months after signing. */
  due: string;
  /** The Missouri date everyone signed. */
  signed_on: string;
  /** The Missouri date it falls due. */
  due_date: string;
  evidence_expected: string;
  /** pending | done | confirmed | disputed | missed | waived */
  state: MilestoneState;
  done_on: string | null;
  done_by_side: Side | null;
  created_at: string;
  updated_at: string;
}
export interface ComplianceEventsTable {
  id: string;
  milestone_id: string;
  case_id: string;
  /** created | marked_done | confirmed | disputed | waived | missed | corrected */
  kind: MilestoneEventKind;
  from_state: MilestoneState | null;
  to_state: MilestoneState | null;
  actor_id: string | null;
  actor_name: string;
  actor_side: Side | null;
  /** The date something was done (for "marked done"), a Missouri date. */
  on_date: string | null;
  note: string;
  /** JSON: the fields a correction changed, before and after. */
  changes: string;
  occurred_at: string;
}
export interface ComplianceEvidenceTable {
  id: string;
  milestone_id: string;
  event_id: string;
  case_id: string;
  file_id: string;
  created_at: string;
}
export interface ComplianceRemindersTable {
  id: string;
  milestone_id: string;
  case_id: string;
  /** before | due_today | overdue */
  kind: ReminderKind;
  due_date: string;
  /** JSON: [{ name, role }] of the people e-mailed (no addresses). */
  recipients: string;
  sent_at: string;
}

export interface ComplianceTables {
  compliance_milestones: ComplianceMilestonesTable;
  compliance_events: ComplianceEventsTable;
  compliance_evidence: ComplianceEvidenceTable;
  compliance_reminders: ComplianceRemindersTable;
}
