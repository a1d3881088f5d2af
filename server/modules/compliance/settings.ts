import type { ComplianceSettings } from '../../../contracts/compliance.ts';
import type { Executor } from '../../db/database.ts';
import { findProgram } from '../programs/programs.service.ts';

/**
 * A program's compliance settings, kept in its settings (the programs area reads and writes
 * them): how many days before a date the responsible side is reminded, and whether an overdue
 * promise also goes to the mediator and the coordinators ("where the program wants it").
 */
export const DEFAULT_SETTINGS: ComplianceSettings = {
  remindDaysBefore: 7,
  escalateToMediator: false,
  escalateToCoordinator: false,
};

export const complianceSettingsOf = (
  stored: Partial<ComplianceSettings> | undefined,
): ComplianceSettings => ({
  ...DEFAULT_SETTINGS,
  ...stored,
});

export async function programComplianceSettings(db: Executor, programId: string) {
  return complianceSettingsOf((await findProgram(db, programId))?.settings.compliance);
}
