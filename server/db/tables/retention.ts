import type { CaseState } from '../../../domain/case-lifecycle.ts';

/** A legal hold: while it is not lifted, the case's records are not purged. */
export interface LegalHoldsTable {
  id: string;
  case_id: string;
  reason: string;
  placed_by: string | null;
  placed_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
}

/** What is left of a purged case for reports: no names, no words, no day (months only). */
export interface CaseStatisticsTable {
  id: string;
  program_id: string;
  program_kind: string;
  rule_pack: string;
  case_type: string;
  /** The Missouri circuit of a court-referred case; null for the others. */
  circuit: number | null;
  closed_state: CaseState;
  outcome: string | null;
  /** YYYY-MM */
  requested_month: string;
  closed_month: string;
  purged_month: string;
  parties: number;
  participants: number;
  sessions_held: number;
  session_minutes: number;
  signed_agreement: 0 | 1;
}

export interface RetentionTables {
  legal_holds: LegalHoldsTable;
  case_statistics: CaseStatisticsTable;
}
