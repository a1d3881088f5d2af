import type { RetentionPolicy, SetRetentionBody } from '../../../contracts/retention.ts';
import {
  monthOf,
  type ProgramRetention,
  purgeDue,
  RETENTION_LIMITS,
  recordsExpireAt,
  resolveRetention,
  TOKEN_GRACE_DAYS,
} from '../../../domain/retention.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { purgeDeadTokens } from '../accounts/accounts.service.ts';
import { signedAgreementCases } from '../agreements/agreement-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCaseForJob } from '../cases/case-access.ts';
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

export async function policyOf(db: Executor, programId: string) {
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

// For other areas: until when a closed case is kept (a person's deletion preview says so).

/** The day a closed case's records are due to be purged under its program's schedule (YYYY-MM-DD). */
export async function keptUntil(db: Executor, programId: string, closedAt: string) {
  const { retention } = await policyOf(db, programId);
  return recordsExpireAt(new Date(closedAt), retention.closedCaseYears.value).toISOString().slice(0, 10);
}
