import type { ExtendDeadlineBody, QueuePage, QueueQuery, QueueRow } from '../../../contracts/case-queue.ts';
import type { CaseDeadline } from '../../../contracts/cases.ts';
import { type CaseState, CLOSED_STATES, isClosed, stageLabel } from '../../../domain/case-lifecycle.ts';
import { addDays } from '../../../domain/deadlines.ts';
import { fromMissouriTime, missouriDate } from '../../../domain/missouri-time.ts';
import { can } from '../../../domain/roles.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { keysetCursor, readKeyset } from '../../http/keyset.ts';
import { iso } from '../../infra/clock.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { signedAgreementCases } from '../agreements/agreement-context.ts';
import { onAgreementSigned } from '../agreements/agreement-signed.ts';
import { casesWithPromisesDue } from '../compliance/program.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import { latestDisqualification } from '../selection/disqualification.service.ts';
import { sessionTimes } from '../sessions/sessions.service.ts';
import { type CaseAccess, loadCaseForJob, loadMediation, recordCaseAudit } from './case-access.ts';
import { deadlinesFor } from './cases.view.ts';
import * as repo from './queue.repository.ts';

/**
 * The coordinator's work queue: every case of the program, a page at a time (keyset pages, never
 * OFFSET, so a page deep in a million cases costs what the first does), with each case's next
 * pack deadline kept in indexed columns; deadline extensions a coordinator grants.
 */

/** How far ahead "promises due" looks: promises owed within the next two weeks, or overdue. */
const PROMISES_DUE_DAYS = 14;
/** The most rows a CSV export holds. */
const CSV_LIMIT = 50_000;

type Query = Exclude<QueueQuery, undefined> & {
  sort: 'opened' | 'deadline' | 'reference';
  dir: 'asc' | 'desc';
  limit: number;
};

async function filterOf(deps: Deps, programId: string, q: Query): Promise<repo.QueueFilter> {
  const today = missouriDate(deps.clock.now());
  const f: repo.QueueFilter = { programId, today };
  if (q.state) f.states = [q.state];
  if (q.deadline) f.deadline = q.deadline;
  if (q.view === 'overdue') f.deadline = 'overdue';
  if (q.view === 'waiting_for_mediator') f.states = ['choosing_mediator'];
  if (q.view === 'promises_due')
    f.ids = await casesWithPromisesDue(deps.db, programId, addDays(today, PROMISES_DUE_DAYS, 'calendar'));
  if (q.mediatorId) f.mediatorId = q.mediatorId;
  if (q.county) f.county = q.county;
  if (q.kind) f.kind = q.kind;
  if (q.openedFrom) f.openedFrom = iso(fromMissouriTime(q.openedFrom, '00:00:00'));
  if (q.openedTo) f.openedBefore = iso(fromMissouriTime(addDays(q.openedTo, 1, 'calendar'), '00:00:00'));
  if (q.q) f.search = { reference: q.q.toUpperCase(), name: q.q.toLowerCase() };
  return f;
}

const sortValue = (r: repo.QueueCaseRow, sort: Query['sort']) =>
  sort === 'deadline' ? (r.next_due_on ?? '') : sort === 'reference' ? r.reference : r.created_at;

async function present(deps: Deps, rows: repo.QueueCaseRow[], today: string): Promise<QueueRow[]> {
  const ids = rows.map((r) => r.id);
  const parties = new Map<string, string[]>();
  for (const p of await repo.listPartyNames(deps.db, ids))
    parties.set(p.case_id, [...(parties.get(p.case_id) ?? []), p.name]);
  const signed = await signedAgreementCases(
    deps.db,
    rows.filter((r) => r.state === 'in_mediation').map((r) => r.id),
  );
  const original = new Map<string, string>();
  for (const e of await repo.listLatestExtensions(deps.db, ids))
    if (!original.has(`${e.case_id}|${e.due_on}`))
      original.set(`${e.case_id}|${e.due_on}`, e.original_due_on);
  return rows.map((r) => {
    const openedOn = missouriDate(new Date(r.created_at));
    const endOn = r.closed_at ? missouriDate(new Date(r.closed_at)) : today;
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      state: r.state,
      stateLabel: stageLabel(r.state, signed.has(r.id)),
      kind: r.case_type,
      county: r.county ?? null,
      parties: parties.get(r.id) ?? [],
      mediatorName: r.mediator_name,
      nextDeadline:
        r.next_due_on && !isClosed(r.state)
          ? {
              id: r.next_due_label ?? '',
              label: r.next_due_label ?? 'Next deadline',
              dueDate: r.next_due_on,
              originalDueDate: original.get(`${r.id}|${r.next_due_on}`) ?? null,
              status:
                r.next_due_on < today
                  ? 'overdue'
                  : (r.next_due_warn_on ?? r.next_due_on) <= today
                    ? 'due_soon'
                    : 'upcoming',
            }
          : null,
      openedOn,
      daysOpen: Math.max(0, Math.round((Date.parse(endOn) - Date.parse(openedOn)) / 86_400_000)),
    };
  });
}

/** A page of the program's queue. */
export async function listQueue(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  q: Query,
): Promise<QueuePage> {
  authorize(actor, 'cases:manage', { programId });
  const f = await filterOf(deps, programId, q);
  const rows = await repo.listQueuePage(deps.db, f, q.sort, q.dir, readKeyset(q.after), q.limit + 1);
  const page = rows.slice(0, q.limit);
  const program = await findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const pack = findPack(program.rule_pack) ?? null;
  const last = page.at(-1);
  return {
    rows: await present(deps, page, f.today),
    next: rows.length > q.limit && last ? keysetCursor(sortValue(last, q.sort), last.id) : null,
    mediators: await repo.listProgramMediators(deps.db, programId),
    kinds: pack ? pack.caseTypes.value.map((k) => ({ id: k.id, label: k.label })) : [],
    programName: program.name,
    today: f.today,
    can: { extendDeadlines: true },
  };
}

/** Every case the filters find, as CSV (up to CSV_LIMIT rows): no words said in mediation, only names and dates. */
export async function queueCsv(deps: Deps, actor: Actor | null, programId: string, q: Query) {
  authorize(actor, 'cases:manage', { programId });
  const f = await filterOf(deps, programId, q);
  const out: QueueRow[] = [];
  let after = readKeyset(q.after);
  while (out.length < CSV_LIMIT) {
    const rows = await repo.listQueuePage(deps.db, f, q.sort, q.dir, after, 1000);
    out.push(...(await present(deps, rows, f.today)));
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) break;
    after = { value: sortValue(last, q.sort), id: last.id };
  }
  const status = { overdue: 'overdue', due_soon: 'due soon', upcoming: 'upcoming' } as const;
  return {
    data: toCsv(
      [
        'Case number',
        'Title',
        'State',
        'Parties',
        'Mediator',
        'Next deadline',
        'Due',
        'Originally due',
        'Deadline status',
        'Opened',
        'Days open',
        'Kind',
        'County',
      ],
      out
        .slice(0, CSV_LIMIT)
        .map((r) => [
          r.reference,
          r.title,
          r.stateLabel,
          r.parties.join('; '),
          r.mediatorName,
          r.nextDeadline?.label ?? null,
          r.nextDeadline?.dueDate ?? null,
          r.nextDeadline?.originalDueDate ?? null,
          r.nextDeadline ? status[r.nextDeadline.status] : null,
          r.openedOn,
          r.daysOpen,
          r.kind,
          r.county,
        ]),
    ),
    filename: `work-queue-${f.today}.csv`,
    contentType: 'text/csv',
  };
}

// ---------------------------------------------------------------------------------------------
// Next deadlines and extensions

const mayExtend = (ctx: Pick<CaseAccess, 'actor' | 'c'>) =>
  can(ctx.actor.grants, 'cases:manage', ctx.c.program_id);

/** A case's deadlines with their extensions, as the case page and the queue count them. */
export async function caseDeadlines(
  db: Executor,
  ctx: Pick<CaseAccess, 'c' | 'pack'>,
  now: Date,
  extend: boolean,
) {
  const dq = await latestDisqualification(db, ctx.c.id);
  return deadlinesFor(
    ctx,
    {
      sessions: await sessionTimes(db, ctx.c.id),
      agreementSignedAt: (await signedAgreementCases(db, [ctx.c.id])).get(ctx.c.id) ?? null,
      disqualificationRequestedAt: dq?.requested_at ?? null,
      disqualificationAnswered: dq ? (dq.denied_at ?? dq.decided_at) : null,
      extensions: await repo.listExtensions(db, ctx.c.id),
      mayExtend: extend,
    },
    now,
  );
}

/** Stores a case's next deadline not yet met (and when it becomes due soon) for the queue. */
export async function refreshNextDeadline(db: Executor, deps: Pick<Deps, 'clock'>, caseId: string) {
  const job = await loadCaseForJob(db, caseId);
  if (!job) return;
  const deadlines = await caseDeadlines(db, job, deps.clock.now(), false);
  const next = isClosed(job.c.state)
    ? undefined
    : deadlines
        .filter(
          (d) => d.dueDate && (d.status === 'upcoming' || d.status === 'due_soon' || d.status === 'overdue'),
        )
        .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1))[0];
  const warnDays = next ? (job.pack.deadlines.find((r) => r.id === next.id)?.warnDays ?? 0) : 0;
  await repo.setNextDeadline(db, caseId, {
    next_due_on: next?.dueDate ?? null,
    next_due_warn_on: next ? addDays(next.dueDate!, -warnDays, 'calendar') : null,
    next_due_label: next?.label ?? null,
  });
}

/** Refreshes every open case's next deadline (sessions set, applications answered): the hourly job. */
export async function refreshOpenDeadlines(deps: Deps) {
  let after = '';
  let count = 0;
  for (;;) {
    const batch = await repo.listOpenCaseIds(deps.db, CLOSED_STATES as CaseState[], after, 500);
    for (const { id } of batch) await refreshNextDeadline(deps.db, deps, id);
    count += batch.length;
    if (batch.length < 500) return count;
    after = batch.at(-1)!.id;
  }
}

/** A coordinator extends a pack deadline to a new date, with the reason; audited. */
export async function extendDeadline(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  deadlineId: string,
  body: ExtendDeadlineBody,
): Promise<CaseDeadline> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    if (!mayExtend(ctx)) throw forbidden('Only the program’s coordinators can extend a deadline.');
    const current = (await caseDeadlines(tx, ctx, now, true)).find((d) => d.id === deadlineId);
    if (!current) throw notFound('That deadline');
    if (!current.can.extend || !current.dueDate)
      throw new AppError(
        'CONFLICT',
        'This deadline has no date to extend: it is met, not started, or the case is closed.',
      );
    if (body.dueOn <= current.dueDate)
      throw new AppError(
        'VALIDATION_FAILED',
        `Choose a new date after ${current.dueDate}, the date it has now.`,
        {
          fields: { dueOn: `must be after ${current.dueDate}` },
        },
      );
    const id = newId();
    await repo.insertExtension(tx, {
      id,
      case_id: caseId,
      deadline_id: deadlineId,
      original_due_on: current.originalDueDate ?? current.dueDate,
      due_on: body.dueOn,
      reason: body.reason,
      extended_by: ctx.actor.userId,
      extended_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.deadline_extended',
      at: now,
      subjectType: 'deadline_extension',
      subjectId: id,
      data: { deadline: deadlineId, from: current.dueDate, to: body.dueOn },
    });
    await refreshNextDeadline(tx, deps, caseId);
    return (await caseDeadlines(tx, ctx, now, true)).find((d) => d.id === deadlineId)!;
  });
}

// A signed agreement completes the mediation (the pack's "completed" deadline is met): the queue's
// next deadline moves on inside the signing transaction.
onAgreementSigned((tx, deps, ctx) => refreshNextDeadline(tx, deps, ctx.c.id));
