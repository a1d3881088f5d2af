import type { Flag } from '../schema.ts';

/** A program's report settings: the due-process cost behind "cost avoided", and its public summary. */
export interface ReportSettingsTable {
  program_id: string;
  /** Whole dollars a due-process hearing costs, by the source named beside it. */
  due_process_cost: number;
  due_process_cost_source: string;
  public_summary: Flag;
  updated_by: string | null;
  updated_at: string;
}

/**
 * One case's figures for the dashboard, kept current by the database's own triggers from
 * `cases`, `case_sessions` and `survey_responses` (never written by the application).
 */
export interface CaseFiguresTable {
  case_id: string;
  program_id: string;
  /** The case's created_at. */
  requested_at: string;
  closed_at: string | null;
  state: string;
  county: string | null;
  mediator_id: string | null;
  case_type: string;
  dispute_category: string | null;
  /** The first held session's start, how many sessions were held and their minutes. */
  first_held_at: string | null;
  sessions_held: number;
  minutes_held: number;
  /** Survey responses answered; each question's count of each score; how many would recommend. */
  survey_responses: number;
  overall_1: number;
  overall_2: number;
  overall_3: number;
  overall_4: number;
  overall_5: number;
  heard_1: number;
  heard_2: number;
  heard_3: number;
  heard_4: number;
  heard_5: number;
  fair_1: number;
  fair_2: number;
  fair_3: number;
  fair_4: number;
  fair_5: number;
  recommend_yes: number;
  /** Days from the request to the first session held, and to closing (null until then). */
  days_to_first_session: number | null;
  days_to_close: number | null;
}

type SurveyColumn =
  | 'survey_responses'
  | `${'overall' | 'heard' | 'fair'}_${1 | 2 | 3 | 4 | 5}`
  | 'recommend_yes';
type DayColumn =
  | 'requests'
  | 'first_held'
  | 'closed'
  | `closed_${'declined' | 'withdrawn' | 'opted_out' | 'not_suitable' | 'full_agreement' | 'partial_agreement' | 'informal_agreement' | 'no_agreement'}`
  | 'closed_with_sessions'
  | 'closed_sessions_held'
  | 'closed_minutes_held'
  | `${'agreed' | 'not_agreed'}_${SurveyColumn}`;

/**
 * A program's sums for one UTC day (YYYY-MM-DD), kept current by triggers on `case_figures`:
 * requests made, first sessions held, and of the cases closed that day their count by state,
 * sessions held and minutes, and survey answers with and without agreement.
 */
export type ProgramDayFiguresTable = { program_id: string; day: string } & { [K in DayColumn]: number };

export interface ReportsTables {
  report_settings: ReportSettingsTable;
  case_figures: CaseFiguresTable;
  program_day_figures: ProgramDayFiguresTable;
}
