import type {
  AssociationFigures,
  AssociationQuery,
  Dashboard,
  DashboardQuery,
  PublicSummary,
  ReportSettings,
  SetReportSettingsBody,
} from '../../../contracts/reports.ts';
import { fromMissouriTime, missouriDate } from '../../../domain/missouri-time.ts';
import {
  COST_AVOIDED_DEFINITION,
  DAYS_DEFINITION,
  DEADLINES_MET_DEFINITION,
  DEFAULT_DUE_PROCESS_COST,
  DEFAULT_DUE_PROCESS_COST_SOURCE,
  monthsBetween,
  nextDay,
  nextMonthStart,
  oneDecimal,
  percent,
  publicCell,
  publicPercent,
  RESOLUTION_RATE_DEFINITION,
  RESOLVED_OUTCOMES,
  SURVEY_QUESTIONS,
} from '../../../domain/reports.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import * as associationRepo from './association.repository.ts';
import * as repo from './reports.repository.ts';

/**
 * Reports: a program's figures, counted by the database (see reports.repository.ts), and the
 * program's report settings. Coordinators of the program (and administrators) read them; the
 * court role, which will see its own referrals only, does not exist yet.
 */

/** The program, or a 404. */
export async function programOf(db: Executor, programId: string) {
  const program = await findProgram(db, programId);
  if (!program) throw notFound('That program');
  return program;
}

/** A downloaded report's file name: the program's name and what the file holds. */
export const fileStem = (programName: string, what: string) => `${programName} ${what}`;

/**
 * Unwritten agreements are counted only where the program's rules allow them (a special-education
 * case must end in a written one, 34 CFR 300.506(b)(6)); null where they cannot happen, unless
 * cases closed that way before the rule was applied.
 */
function informalOf(program: { rule_pack: string | null; rule_pack_version: string | null }, count: number) {
  const pack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  const allowed = !pack || pack.outcomes.value.includes('informal_agreement');
  return allowed || count > 0 ? count : null;
}

async function settingsOf(db: Executor, programId: string) {
  const row = await repo.findSettings(db, programId);
  return {
    dueProcessCost: row?.due_process_cost ?? DEFAULT_DUE_PROCESS_COST,
    dueProcessCostSource: row?.due_process_cost_source ?? DEFAULT_DUE_PROCESS_COST_SOURCE,
    publicSummary: row?.public_summary === 1,
    isDefault: !row,
  };
}

/** A period of Missouri days as instants [from, to) and as dates. */
function periodOf(query: Pick<DashboardQuery, 'from' | 'to'>): repo.Period {
  if (query.from && query.to && query.from > query.to)
    throw invalid('to', 'the last day must be on or after the first day');
  return {
    from: query.from ? iso(fromMissouriTime(query.from, '00:00')) : null,
    to: query.to ? iso(fromMissouriTime(nextDay(query.to), '00:00')) : null,
    fromDate: query.from ?? null,
    toDate: query.to ?? null,
  };
}

function surveyGroup(g: repo.SurveyCounts) {
  return {
    responses: g.responses,
    questions: SURVEY_QUESTIONS.map(({ key, label }) => ({ key, label, counts: g.scores[key] })),
    recommend: { yes: g.recommendYes, no: g.responses - g.recommendYes },
  };
}

export async function dashboard(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  query: DashboardQuery,
): Promise<Dashboard> {
  authorize(actor, 'programs:configure', { programId });
  return figures(deps, programId, query, { editSettings: true });
}

/**
 * A mediator's own figures in a program: the dashboard over the cases they mediate, and only
 * those (the filters may not widen it; the mediators offered are themselves).
 */
export async function myFigures(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  query: DashboardQuery,
): Promise<Dashboard> {
  requireActor(actor);
  if (!actor.grants.some((g) => g.role === 'mediator' && g.scope === programId))
    throw forbidden('Only the program’s mediators have figures of their own here.');
  const mine = await figures(
    deps,
    programId,
    { ...query, mediatorId: actor.userId },
    { editSettings: false },
  );
  return {
    ...mine,
    choices: { ...mine.choices, mediators: mine.choices.mediators.filter((m) => m.id === actor.userId) },
  };
}

async function figures(
  deps: Deps,
  programId: string,
  query: DashboardQuery,
  allowed: Dashboard['can'],
): Promise<Dashboard> {
  const db = deps.db;
  const program = await programOf(db, programId);
  const period = periodOf(query);
  const scope: repo.CaseScope = { programId, ...query };

  const [received, closedInPeriod, toFirstSession, toClose, promises, choices, settings] = await Promise.all([
    repo.countRequests(db, scope, period),
    repo.closedFigures(db, scope, period),
    repo.daysToFirstSession(db, scope, period),
    repo.daysToClose(db, scope, period),
    repo.promiseCounts(db, scope, period),
    repo.filterChoices(db, programId),
    settingsOf(db, programId),
  ]);
  const { byState: closed, sessions, surveys: answers } = closedInPeriod;

  const closedAs = (state: string) => closed.get(state) ?? 0;
  const outcomes = {
    full: closedAs('full_agreement'),
    partial: closedAs('partial_agreement'),
    informal: informalOf(program, closedAs('informal_agreement')),
    none: closedAs('no_agreement'),
    notSuitable: closedAs('not_suitable'),
  };
  const resolvedCount = outcomes.full + outcomes.partial + (outcomes.informal ?? 0);
  const ended = resolvedCount + outcomes.none;

  const promise = (states: string[], onTime?: boolean) =>
    promises
      .filter((p) => states.includes(p.state) && (onTime === undefined || p.onTime === onTime))
      .reduce((s, p) => s + p.n, 0);
  const promiseFigures = {
    onTime: promise(['done', 'confirmed'], true),
    late: promise(['done', 'confirmed'], false),
    missed: promise(['missed']),
    waived: promise(['waived']),
    open: promise(['pending', 'disputed']),
  };
  const due = promiseFigures.onTime + promiseFigures.late + promiseFigures.missed;

  const trends = await monthlyTrends(deps, scope, query, period);
  const hours = sessions.minutes / 60;
  return {
    program: { id: program.id, name: program.name },
    period: { from: query.from ?? null, to: query.to ?? null },
    filters: {
      county: query.county ?? null,
      mediatorId: query.mediatorId ?? null,
      caseType: query.caseType ?? null,
      category: query.category ?? null,
    },
    choices,
    requests: {
      received,
      declined: closedAs('declined'),
      withdrawn: closedAs('withdrawn') + closedAs('opted_out'),
    },
    // The cases whose first session was held in the period: the ones days to the first session describe.
    mediationsHeld: toFirstSession.cases,
    outcomes,
    resolution: {
      resolved: resolvedCount,
      ended,
      rate: percent(resolvedCount, ended),
      definition: RESOLUTION_RATE_DEFINITION,
    },
    days: {
      toFirstSession: roundSpread(toFirstSession),
      toClose: roundSpread(toClose),
      definition: DAYS_DEFINITION,
    },
    sessions: {
      cases: sessions.cases,
      sessions: sessions.sessions,
      hours: oneDecimal(hours),
      sessionsPerCase: sessions.cases ? oneDecimal(sessions.sessions / sessions.cases) : null,
      hoursPerCase: sessions.cases ? oneDecimal(hours / sessions.cases) : null,
    },
    satisfaction: {
      withAgreement: surveyGroup(answers.withAgreement),
      withoutAgreement: surveyGroup(answers.withoutAgreement),
    },
    promises: promiseFigures,
    deadlines: {
      due,
      met: promiseFigures.onTime,
      rate: percent(promiseFigures.onTime, due),
      definition: DEADLINES_MET_DEFINITION,
    },
    costAvoided: {
      resolved: resolvedCount,
      costPerCase: settings.dueProcessCost,
      total: resolvedCount * settings.dueProcessCost,
      source: settings.dueProcessCostSource,
      definition: COST_AVOIDED_DEFINITION,
    },
    trends,
    can: allowed,
  };
}

const roundSpread = (s: { cases: number; median: number | null; p90: number | null }) => ({
  cases: s.cases,
  median: s.median === null ? null : oneDecimal(s.median),
  p90: s.p90 === null ? null : oneDecimal(s.p90),
});

/** Month by month over the period (or from the program's first request to today). */
async function monthlyTrends(deps: Deps, scope: repo.CaseScope, query: DashboardQuery, period: repo.Period) {
  const today = missouriDate(deps.clock.now());
  const first = query.from ?? (await firstRequestDate(deps.db, scope));
  if (!first) return [];
  const last = query.to ?? today;
  const months = monthsBetween(first, last).map((month) => ({
    month,
    starts: iso(fromMissouriTime(`${month}-01`, '00:00')),
    ends: iso(fromMissouriTime(nextMonthStart(month), '00:00')),
  }));
  // The first and last months are cut to the period.
  if (months[0] && period.from) months[0].starts = period.from;
  const lastMonth = months.at(-1);
  if (lastMonth && period.to) lastMonth.ends = period.to;
  return repo.monthlyCounts(deps.db, scope, months);
}

async function firstRequestDate(db: Executor, scope: repo.CaseScope) {
  const first = await repo.firstRequestAt(db, scope);
  return first ? missouriDate(new Date(first)) : null;
}

// Report settings

function presentSettings(s: Awaited<ReturnType<typeof settingsOf>>): ReportSettings {
  return { ...s, can: { edit: true } };
}

export async function getReportSettings(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'programs:configure', { programId });
  await programOf(deps.db, programId);
  return presentSettings(await settingsOf(deps.db, programId));
}

export async function setReportSettings(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  body: SetReportSettingsBody,
): Promise<ReportSettings> {
  authorize(actor, 'programs:configure', { programId });
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    await programOf(tx, programId);
    await repo.saveSettings(tx, {
      program_id: programId,
      due_process_cost: body.dueProcessCost,
      due_process_cost_source: body.dueProcessCostSource,
      public_summary: body.publicSummary ? 1 : 0,
      updated_by: actor!.userId,
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'reports.settings_changed',
      at: now,
      actorId: actor!.userId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data: { dueProcessCost: body.dueProcessCost, publicSummary: body.publicSummary },
    });
    return presentSettings(await settingsOf(tx, programId));
  });
}

// The public summary: shown only when the program's coordinator opted in; counts of 1 to 4 hidden.

export async function publicSummary(
  deps: Deps,
  _actor: Actor | null,
  programId: string,
): Promise<PublicSummary> {
  const program = await findProgram(deps.db, programId);
  const settings = program ? await settingsOf(deps.db, programId) : null;
  if (!program || !settings?.publicSummary) throw notFound('That program’s public summary');
  const to = missouriDate(deps.clock.now());
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const period = periodOf({ from, to });
  const scope: repo.CaseScope = { programId };
  const { byState: closed, surveys: answers } = await repo.closedFigures(deps.db, scope, period);
  const resolved = RESOLVED_OUTCOMES.reduce((s, o) => s + (closed.get(o) ?? 0), 0);
  const ended = resolved + (closed.get('no_agreement') ?? 0);
  const { withAgreement: a, withoutAgreement: b } = answers;
  const all = surveyGroup({
    responses: a.responses + b.responses,
    scores: Object.fromEntries(
      SURVEY_QUESTIONS.map(({ key }) => [key, a.scores[key].map((n, i) => n + (b.scores[key][i] ?? 0))]),
    ) as repo.SurveyCounts['scores'],
    recommendYes: a.recommendYes + b.recommendYes,
  });
  return {
    program: { id: program.id, name: program.name },
    from,
    to,
    mediationsEnded: publicCell(ended),
    resolved: publicCell(resolved),
    resolutionRate: publicPercent(resolved, ended),
    resolutionDefinition: RESOLUTION_RATE_DEFINITION,
    surveyAnswers: publicCell(all.responses),
    questions: all.questions.map((q) => ({ ...q, counts: q.counts.map(publicCell) })),
    wouldRecommend: publicPercent(all.recommend.yes, all.responses),
  };
}

// The association's figures (staff): counts only, no one's name.

export async function associationFigures(
  deps: Deps,
  actor: Actor | null,
  query: AssociationQuery,
): Promise<AssociationFigures> {
  authorize(actor, 'association:manage');
  const figures = await associationRepo.associationFigures(deps.db, periodOf(query));
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    ...figures,
    events: { ...figures.events, ceHours: oneDecimal(figures.events.ceHours) },
  };
}
