import type {
  ComplianceSettings,
  ProgramCompliance,
  ProgramPromise,
  PromisesPage,
  PromisesQuery,
} from '../../../contracts/compliance.ts';
import { isOutstanding, keptOnTime } from '../../../domain/compliance.ts';
import { addDays } from '../../../domain/deadlines.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { type Keyset, keysetCursor, readKeyset } from '../../http/keyset.ts';
import { iso } from '../../infra/clock.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseTitlesOf } from '../cases/cases.service.ts';
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
  const titleOf = await caseTitlesOf(deps.db, milestones);
  const rows = milestones.map((m) => ({ ...m, ...titleOf(m.case_id) }));
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

/** Promises still owed on some cases by lastDate, earliest first (the mediator's desk). */
export const promisesOwedOnCases = (db: Executor, caseIds: readonly string[], lastDate: string) =>
  repo.listOwedOnCasesBy(db, caseIds, lastDate);

// ---------------------------------------------------------------------------------------------
// Every promise of the program, a page at a time

type PromisesQueryIn = PromisesQuery & { dir: 'asc' | 'desc'; limit: number };

async function promisesOf(
  deps: Deps,
  programId: string,
  q: PromisesQueryIn,
  after: Keyset | null,
  limit: number,
) {
  const program = await findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const day = today(deps);
  const soon = addDays(day, complianceSettingsOf(program.settings.compliance).remindDaysBefore, 'calendar');
  const filter: repo.PromiseFilter = {
    programId,
    today: day,
    ...(q.status ? { status: q.status } : {}),
    ...(q.dueFrom ? { dueFrom: q.dueFrom } : {}),
    ...(q.dueTo ? { dueTo: q.dueTo } : {}),
  };
  const rows = await repo.listPromisesPage(deps.db, filter, q.dir, after, limit);
  const titleOf = await caseTitlesOf(deps.db, rows);
  const present = (r: (typeof rows)[number]): ProgramPromise => ({
    id: r.id,
    caseId: r.case_id,
    ...titleOf(r.case_id),
    what: r.what,
    dueDate: r.due_date,
    state: r.state,
    doneOn: r.done_on,
    overdue: isOutstanding(r.state) && r.due_date < day,
    dueSoon: isOutstanding(r.state) && r.due_date >= day && r.due_date <= soon,
  });
  return { rows, present, day };
}

export async function listProgramPromises(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  q: PromisesQueryIn,
): Promise<PromisesPage> {
  authorize(actor, 'cases:manage', { programId });
  const { rows, present, day } = await promisesOf(deps, programId, q, readKeyset(q.after), q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    rows: page.map(present),
    next: rows.length > q.limit && last ? keysetCursor(last.due_date, last.id) : null,
    today: day,
  };
}

/** The promises the filters find as CSV (up to 50,000): what each says and when, never the evidence. */
export async function programPromisesCsv(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  q: PromisesQueryIn,
) {
  authorize(actor, 'cases:manage', { programId });
  const out: ProgramPromise[] = [];
  let after = readKeyset(q.after);
  let day = today(deps);
  while (out.length < 50_000) {
    const batch = await promisesOf(deps, programId, q, after, 1000);
    day = batch.day;
    out.push(...batch.rows.map(batch.present));
    const last = batch.rows.at(-1);
    if (batch.rows.length < 1000 || !last) break;
    after = { value: last.due_date, id: last.id };
  }
  const status = (p: ProgramPromise) => (p.overdue ? 'overdue' : p.dueSoon ? 'due soon' : '');
  return {
    data: toCsv(
      ['Case number', 'Case', 'Promise', 'Due', 'State', 'Done on', 'Flag'],
      out.map((p) => [p.reference, p.title, p.what, p.dueDate, p.state, p.doneOn, status(p)]),
    ),
    filename: `promises-${day}.csv`,
    contentType: 'text/csv',
  };
}
