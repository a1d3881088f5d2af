import type { ComplianceSettings, ProgramCompliance } from '../../../contracts/compliance.ts';
import { isOutstanding, keptOnTime } from '../../../domain/compliance.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseTitles } from '../cases/cases.service.ts';
import { findProgram, updateProgramSettings } from '../programs/programs.service.ts';
import * as repo from './compliance.repository.ts';
import { today } from './milestone-log.ts';
import { complianceSettingsOf } from './settings.ts';

/**
 * The coordinator's view of a program: agreements with a promise overdue, and the share of
 * promises kept on time. Promise titles, states and dates only — nothing said in mediation.
 */
export async function programCompliance(
  deps: Deps,
  actor: Actor | null,
  programId: string,
): Promise<ProgramCompliance> {
  authorize(actor, 'cases:manage', { programId });
  const program = await findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const milestones = await repo.listProgramMilestones(deps.db, programId);
  const titles = await caseTitles(deps.db, [...new Set(milestones.map((m) => m.case_id))]);
  const rows = milestones.map((m) => ({
    ...m,
    reference: titles.get(m.case_id)?.reference ?? '',
    title: titles.get(m.case_id)?.title ?? '',
  }));
  const day = today(deps);
  const byCase = new Map<string, typeof rows>();
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r]);
  const agreements = [...byCase.values()]
    .map((ms) => {
      const overdue = ms.filter((m) => isOutstanding(m.state) && day > m.due_date);
      return {
        caseId: ms[0]!.case_id,
        reference: ms[0]!.reference,
        title: ms[0]!.title,
        signedOn: ms[0]!.signed_on,
        milestones: ms.length,
        overdue: overdue.map((m) => ({ id: m.id, what: m.what, dueDate: m.due_date, state: m.state })),
      };
    })
    .filter((a) => a.overdue.length > 0)
    .sort((a, b) => (a.overdue[0]!.dueDate < b.overdue[0]!.dueDate ? -1 : 1));
  const kept = keptOnTime(
    rows.map((m) => ({ state: m.state, dueDate: m.due_date, doneOn: m.done_on })),
    day,
  );
  return {
    programId,
    programName: program.name,
    today: day,
    agreementsTracked: byCase.size,
    milestones: rows.length,
    keptOnTime: kept,
    overdueAgreements: agreements,
    settings: complianceSettingsOf(program.settings.compliance),
  };
}

export async function updateComplianceSettings(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  input: ComplianceSettings,
) {
  authorize(actor, 'programs:configure', { programId });
  return inTransaction(deps.db, async (tx) => {
    if (!(await updateProgramSettings(tx, programId, { compliance: input }, iso(deps.clock.now()))))
      throw notFound('That program');
    await recordAudit(tx, {
      kind: 'compliance.settings_changed',
      at: deps.clock.now(),
      actorId: actor!.userId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data: { ...input },
    });
    return input;
  });
}

// For other areas

/** Cases of the program with a promise still owed by lastDate (the work queue's "promises due" view). */
export const casesWithPromisesDue = (db: Executor, programId: string, lastDate: string) =>
  repo.listCasesWithPromisesDueBy(db, programId, lastDate);
