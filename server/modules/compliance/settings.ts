import type { Executor } from '../../db/database.ts';
import type { ComplianceSettings } from './compliance.schemas.ts';

/**
 * A program's compliance settings, kept in its settings JSON: how many days before a date the
 * responsible side is reminded, and whether an overdue promise also goes to the mediator and the
 * coordinators ("where the program wants it").
 */
export const DEFAULT_SETTINGS: ComplianceSettings = {
  remindDaysBefore: 7,
  escalateToMediator: false,
  escalateToCoordinator: false,
};

export function complianceSettingsOf(settingsJson: string): ComplianceSettings {
  try {
    const stored =
      (JSON.parse(settingsJson) as { compliance?: Partial<ComplianceSettings> }).compliance ?? {};
    return { ...DEFAULT_SETTINGS, ...stored };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function programComplianceSettings(db: Executor, programId: string) {
  const row = await db
    .selectFrom('programs')
    .select('settings')
    .where('id', '=', programId)
    .executeTakeFirst();
  return complianceSettingsOf(row?.settings ?? '{}');
}
