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

export interface ReportsTables {
  report_settings: ReportSettingsTable;
}
