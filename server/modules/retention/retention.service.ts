import type {
  CaseReport,
  CaseReportQuery,
  LegalHold,
  LegalHolds,
  RetentionPolicy,
  SetRetentionBody,
} from '../../../contracts/retention.ts';
import { isCaseState, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import {
  monthOf,
  type ProgramRetention,
  purgeDue,
  RETENTION_LIMITS,
  recordsExpireAt,
  resolveRetention,
  TOKEN_GRACE_DAYS,
} from '../../../domain/retention.ts';
import { can } from '../../../domain/roles.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { DAY, iso } from '../../infra/clock.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { purgeDeadTokens } from '../accounts/accounts.service.ts';
import { signedAgreementCases } from '../agreements/agreement-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CaseAccess, loadCaseForJob, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { closedCases, lockCaseRow, purgeCaseRecord } from '../cases/cases.service.ts';
import { purgeCaseMessages } from '../conversations/conversations.service.ts';
import { purgeCaseDocuments } from '../documents/documents.service.ts';
import { purgeCaseFiles } from '../files/files.service.ts';
import { purgeCaseInvitations, purgeDeadInvitations } from '../invitations/invitations.service.ts';
import { purgePrivateOptions } from '../issues/issues.service.ts';
import { purgeCaseEmails } from '../mail/mail.service.ts';
import { purgeCaseAids } from '../negotiation/negotiation.service.ts';
import { purgeCaseNotes } from '../notes/notes.service.ts';
import { findOutcome } from '../outcomes/outcomes.service.ts';
import { purgeCasePreparations } from '../preparation/preparation.service.ts';
import { findProgram, updateProgramSettings } from '../programs/programs.service.ts';
import { purgeCaseScreenings } from '../screening/screening.service.ts';
import { purgeCaseMoveRequests } from '../sessions/move-requests.service.ts';
import { heldSessionTotals } from '../sessions/sessions.service.ts';
import * as repo from './retention.repository.ts';

// ---------------------------------------------------------------------------------------------
// A program's schedule

async function policyOf(db: Executor, programId: string) {
  const program = await findProgram(db, programId);
  if (!program) throw notFound('That program');
  const pack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  return {
    program,
    retention: resolveRetention(pack, program.settings.retention as ProgramRetention),
    packRetention: resolveRetention(pack),
  };
}

async function presentPolicy(db: Executor, programId: string): Promise<RetentionPolicy> {
  const { retention, packRetention } = await policyOf(db, programId);
  const ids = (await closedCases(db)).filter((c) => c.program_id === programId).map((c) => c.id);
  const { local: _local, ...packClosedCaseYears } = packRetention.closedCaseYears;
  return {
    closedCaseYears: retention.closedCaseYears,
    packClosedCaseYears,
    limits: { ...RETENTION_LIMITS },
    confidentialAfterDays: retention.confidentialAfterDays,
    casesOnHold: (await repo.heldCaseIds(db, ids)).size,
    can: { change: true },
  };
}

/** How long the program keeps closed cases and where the figure comes from (its coordinators). */
export async function getRetention(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'programs:configure', { programId });
  return presentPolicy(deps.db, programId);
}

/** Sets the program's own schedule (naming it) or goes back to the pack's, and the early purge of confidential words. */
export async function setRetention(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  body: SetRetentionBody,
) {
  authorize(actor, 'programs:configure', { programId });
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await policyOf(tx, programId);
    const retention: ProgramRetention = {
      ...(body.closedCaseYears
        ? { closedCaseYears: { ...body.closedCaseYears, since: iso(now).slice(0, 10) } }
        : {}),
      confidentialAfterDays: body.confidentialAfterDays,
    };
    await updateProgramSettings(tx, programId, { retention }, iso(now));
    await recordAudit(tx, {
      kind: 'retention.policy_changed',
      at: now,
      actorId: actor.userId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data: {
        closedCaseYears: body.closedCaseYears?.value ?? null,
        confidentialAfterDays: body.confidentialAfterDays,
      },
    });
  });
  return presentPolicy(deps.db, programId);
}

// ---------------------------------------------------------------------------------------------
// Legal holds

const mayHold = (ctx: Pick<CaseAccess, 'actor' | 'c'>) =>
  can(ctx.actor.grants, 'cases:manage', ctx.c.program_id);

function requireHolder(ctx: CaseAccess) {
  if (!mayHold(ctx)) throw forbidden('Only the program’s coordinators can place or lift a legal hold.');
}

type HoldRow = Awaited<ReturnType<typeof repo.listHolds>>[number];
const presentHold = (h: HoldRow, holder: boolean): LegalHold => ({
  id: h.id,
  reason: h.reason,
  placedBy: h.placed_by_name,
  placedAt: h.placed_at,
  liftedBy: h.lifted_by_name,
  liftedAt: h.lifted_at,
  liftReason: h.lift_reason,
  can: { lift: holder && h.lifted_at === null },
});

/** A case's holds, shown to everyone on the case: while one stands nothing of it is purged. */
export async function listLegalHolds(deps: Deps, actor: Actor | null, caseId: string): Promise<LegalHolds> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const holder = mayHold(ctx);
  const holds = (await repo.listHolds(deps.db, caseId)).map((h) => presentHold(h, holder));
  return { held: holds.some((h) => h.liftedAt === null), holds, can: { place: holder } };
}

export async function placeLegalHold(deps: Deps, actor: Actor | null, caseId: string, reason: string) {
  const now = deps.clock.now();
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireHolder(ctx);
    await repo.insertHold(tx, {
      id,
      case_id: caseId,
      reason,
      placed_by: ctx.actor.userId,
      placed_at: iso(now),
      lifted_by: null,
      lifted_at: null,
      lift_reason: null,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'retention.hold_placed',
      at: now,
      subjectType: 'legal_hold',
      subjectId: id,
    });
  });
  const hold = (await repo.listHolds(deps.db, caseId)).find((h) => h.id === id)!;
  return presentHold(hold, true);
}

export async function liftLegalHold(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  holdId: string,
  reason: string,
) {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireHolder(ctx);
    const hold = (await repo.listHolds(tx, caseId)).find((h) => h.id === holdId);
    if (!hold) throw notFound('That legal hold');
    const lifted = await repo.liftHold(tx, caseId, holdId, {
      lifted_by: ctx.actor.userId,
      lifted_at: iso(now),
      lift_reason: reason,
    });
    if (!lifted) throw new AppError('CONFLICT', 'This legal hold was already lifted.');
    await recordCaseAudit(tx, ctx, {
      kind: 'retention.hold_lifted',
      at: now,
      subjectType: 'legal_hold',
      subjectId: holdId,
    });
  });
  const hold = (await repo.listHolds(deps.db, caseId)).find((h) => h.id === holdId)!;
  return presentHold(hold, true);
}

// ---------------------------------------------------------------------------------------------
// The daily purge

export type PurgeReport = { confidential: string[]; records: string[]; held: number };

/**
 * Purges what has expired: each closed case's confidential words once its program's early purge
 * comes due, and the whole case at the end of its retention, leaving a de-identified statistical
 * row and an audit entry (which says what went, by count). A case under a legal hold is skipped.
 * Each case is purged in its own transaction, with its row locked, so a hold placed meanwhile wins.
 */
export async function purgeExpired(deps: Deps): Promise<PurgeReport> {
  const now = deps.clock.now();
  const report: PurgeReport = { confidential: [], records: [], held: 0 };
  const cases = await closedCases(deps.db);
  const held = await repo.heldCaseIds(
    deps.db,
    cases.map((c) => c.id),
  );
  const policies = new Map<string, Awaited<ReturnType<typeof policyOf>>>();
  for (const c of cases) {
    if (!policies.has(c.program_id)) policies.set(c.program_id, await policyOf(deps.db, c.program_id));
    const { program, retention } = policies.get(c.program_id)!;
    const step = purgeDue({ closedAt: new Date(c.closed_at!), now, retention, held: held.has(c.id) });
    if (
      held.has(c.id) &&
      purgeDue({ closedAt: new Date(c.closed_at!), now, retention, held: false }) !== 'none'
    )
      report.held += 1;
    if (step === 'none') continue;
    await inTransaction(deps.db, async (tx) => {
      const locked = await lockCaseRow(tx, c.id);
      if (!locked || (await repo.heldCaseIds(tx, [c.id])).size > 0) return;
      const audit = {
        at: now,
        actorId: null,
        programId: c.program_id,
        caseId: c.id,
        subjectType: 'case',
        subjectId: c.id,
      };
      if (step === 'confidential') {
        const removed = {
          notes: await purgeCaseNotes(tx, c.id),
          preparations: await purgeCasePreparations(tx, c.id),
          privateOptions: await purgePrivateOptions(tx, c.id),
          screenings: await purgeCaseScreenings(tx, c.id),
          negotiationAids: await purgeCaseAids(tx, c.id),
          messages: await purgeCaseMessages(tx, c.id),
          moveRequests: await purgeCaseMoveRequests(tx, c.id),
          documents: await purgeCaseDocuments(tx, c.id),
        };
        if (Object.values(removed).every((n) => n === 0)) return;
        await recordAudit(tx, { ...audit, kind: 'retention.confidential_purged', data: removed });
        report.confidential.push(c.id);
        return;
      }
      const job = await loadCaseForJob(tx, c.id);
      if (!job) return;
      const sessions = await heldSessionTotals(tx, c.id);
      const outcome = await findOutcome(tx, c.id);
      const signed = await signedAgreementCases(tx, [c.id]);
      const statisticsId = newId();
      const active = job.participants.filter((p) => p.status === 'active');
      await repo.insertStatistics(tx, {
        id: statisticsId,
        program_id: c.program_id,
        program_kind: program.kind,
        rule_pack: c.rule_pack,
        case_type: c.case_type,
        circuit: c.details.form === 'court_referral' ? c.details.circuit : null,
        closed_state: c.state,
        outcome: outcome?.outcome ?? null,
        requested_month: monthOf(c.created_at),
        closed_month: monthOf(c.closed_at!),
        purged_month: monthOf(now),
        parties: active.filter((p) => p.role === 'party').length,
        participants: active.length,
        sessions_held: sessions.held,
        session_minutes: sessions.minutes,
        signed_agreement: signed.has(c.id) ? 1 : 0,
      });
      await purgeCaseRecord(tx, c.id);
      const removed = {
        files: await purgeCaseFiles(tx, c.id),
        emails: await purgeCaseEmails(tx, c.id),
        invitations: await purgeCaseInvitations(tx, c.id),
      };
      await recordAudit(tx, {
        ...audit,
        kind: 'retention.case_purged',
        data: {
          statisticsId,
          closedState: c.state,
          closedMonth: monthOf(c.closed_at!),
          retentionYears: retention.closedCaseYears.value,
          ...removed,
        },
      });
      report.records.push(c.id);
    });
  }
  return report;
}

/**
 * Removes sign-in links (e-mail confirmation, password reset) and invitations never accepted,
 * TOKEN_GRACE_DAYS after they stopped working. An audit entry counts what went.
 */
export async function purgeDeadLinks(deps: Deps) {
  const now = deps.clock.now();
  const before = iso(new Date(now.getTime() - TOKEN_GRACE_DAYS * DAY));
  return inTransaction(deps.db, async (tx) => {
    const removed = {
      tokens: await purgeDeadTokens(tx, before),
      invitations: await purgeDeadInvitations(tx, before),
    };
    if (removed.tokens + removed.invitations > 0)
      await recordAudit(tx, {
        kind: 'retention.tokens_purged',
        at: now,
        subjectType: 'retention',
        data: { ...removed, before },
      });
    return removed;
  });
}

// ---------------------------------------------------------------------------------------------
// The program's report of closed cases: live ones and purged ones count alike.

type ReportRow = { month: string; state: string; purged: boolean };

/** Closed cases of the program in the period (by closing month), live and purged alike. */
async function reportRows(deps: Deps, actor: Actor | null, programId: string, period: CaseReportQuery) {
  authorize(actor, 'programs:configure', { programId });
  await policyOf(deps.db, programId);
  const live: ReportRow[] = (await closedCases(deps.db))
    .filter((c) => c.program_id === programId)
    .map((c) => ({ month: monthOf(c.closed_at!), state: c.state as string, purged: false }));
  const purged: ReportRow[] = (await repo.listStatistics(deps.db, programId)).map((s) => ({
    month: s.closed_month,
    state: s.closed_state as string,
    purged: true,
  }));
  const within = (r: ReportRow) =>
    (!period.from || r.month >= period.from) && (!period.to || r.month <= period.to);
  return [...live, ...purged].filter(within);
}

function countBy<T>(rows: readonly T[], key: (row: T) => string) {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export async function caseReport(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  period: CaseReportQuery = {},
): Promise<CaseReport> {
  const all = await reportRows(deps, actor, programId, period);
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    closed: all.length,
    purged: all.filter((r) => r.purged).length,
    byMonth: countBy(all, (r) => r.month).map(([month, cases]) => ({ month, cases })),
    byState: countBy(all, (r) => r.state).map(([state, cases]) => ({ state, cases })),
  };
}

/** The case report as CSV: one row per closing month, way of ending and whether the record was purged. */
export async function caseReportCsv(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  period: CaseReportQuery,
) {
  const all = await reportRows(deps, actor, programId, period);
  const rows = countBy(all, (r) => `${r.month}|${r.state}|${r.purged ? 1 : 0}`).map(([key, cases]) => {
    const [month, state, purged] = key.split('|') as [string, string, string];
    const label = isCaseState(state) ? STATE_LABELS[state] : state;
    return [month, label, purged === '1' ? 'purged (statistics kept)' : 'kept', cases];
  });
  const span = `${period.from ?? 'start'}-to-${period.to ?? 'now'}`;
  return {
    data: toCsv(['Closed in (month)', 'How it ended', 'Record', 'Cases'], rows),
    filename: `case-report-${span}.csv`,
    contentType: 'text/csv',
  };
}

// For other areas: until when a closed case is kept (a person's deletion preview says so).

/** The day a closed case's records are due to be purged under its program's schedule (YYYY-MM-DD). */
export async function keptUntil(db: Executor, programId: string, closedAt: string) {
  const { retention } = await policyOf(db, programId);
  return recordsExpireAt(new Date(closedAt), retention.closedCaseYears.value).toISOString().slice(0, 10);
}
