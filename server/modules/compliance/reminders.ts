import { z } from 'zod';
import {
  isOutstanding,
  type MilestoneState,
  type ReminderKind,
  reminderDue,
  reminderRecipients,
  shouldMarkMissed,
} from '../../../domain/compliance.ts';
import { addDays } from '../../../domain/deadlines.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { inTransaction } from '../../db/database.ts';
import { iso, MINUTE } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob, enqueueJob } from '../../jobs/runner.ts';
import { listRoleHolders } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCaseForJob } from '../cases/case-access.ts';
import { joined, notifyPeople } from '../cases/notify.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { COMPLIANCE_EMAILS } from './compliance.emails.ts';
import * as repo from './compliance.repository.ts';
import { logMilestone, PARLEY, sideLabel, today } from './milestone-log.ts';
import { programComplianceSettings } from './settings.ts';

/**
 * The daily check, through the job runner. Every 15 minutes one server claims the scan (a periodic
 * job), marks promises whose date has passed as missed, and enqueues one job per (milestone,
 * reminder kind, due date) under a unique key: the job queue refuses a second copy, and the
 * compliance_reminders row refuses a second send, so each reminder goes out once however many
 * servers run the job runner.
 */
export const COMPLIANCE_SCAN_JOB = 'compliance.scan';
export const COMPLIANCE_REMIND_JOB = 'compliance.remind';
const RemindPayload = z.object({
  milestoneId: z.string(),
  reminder: z.enum(['before', 'due_today', 'overdue'] satisfies ReminderKind[]),
  dueDate: z.string(),
});
export type RemindPayload = z.infer<typeof RemindPayload>;

const LOOK_AHEAD_DAYS = 60; // the most days before a date a program may remind

export async function scanMilestones(deps: Deps): Promise<{ missed: number; enqueued: number }> {
  const day = today(deps);
  const open = await repo.listOpenMilestonesDueBy(deps.db, addDays(day, LOOK_AHEAD_DAYS, 'calendar'));
  const settings = new Map<string, Awaited<ReturnType<typeof programComplianceSettings>>>();
  let missed = 0;
  let enqueued = 0;
  for (const m of open) {
    let state: MilestoneState = m.state;
    if (shouldMarkMissed({ state, dueDate: m.due_date }, day)) {
      const marked = await inTransaction(deps.db, async (tx) => {
        if (!(await repo.markMissed(tx, m.id, iso(deps.clock.now())))) return false; // another server got there first
        await logMilestone(tx, deps, { milestone: m, kind: 'missed', to: 'missed', actor: PARLEY });
        return true;
      });
      if (marked) missed += 1;
      state = 'missed';
    }
    if (!settings.has(m.program_id))
      settings.set(m.program_id, await programComplianceSettings(deps.db, m.program_id));
    const kind = reminderDue(
      { state, dueDate: m.due_date },
      day,
      settings.get(m.program_id)!.remindDaysBefore,
    );
    if (!kind) continue;
    const payload: RemindPayload = { milestoneId: m.id, reminder: kind, dueDate: m.due_date };
    if (
      await enqueueJob(deps.db, deps, {
        kind: COMPLIANCE_REMIND_JOB,
        payload,
        uniqueKey: `${COMPLIANCE_REMIND_JOB}:${m.id}:${kind}:${m.due_date}`,
        maxAttempts: 8,
      })
    )
      enqueued += 1;
  }
  return { missed, enqueued };
}

export async function sendReminder(deps: Deps, payload: RemindPayload): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const m = await repo.findMilestoneById(tx, payload.milestoneId);
    if (!m || m.due_date !== payload.dueDate || !isOutstanding(m.state)) return false;
    const id = newId();
    const sentAt = iso(deps.clock.now());
    const claimed = await repo.claimReminder(tx, {
      id,
      milestone_id: m.id,
      case_id: m.case_id,
      kind: payload.reminder,
      due_date: m.due_date,
      sent_at: sentAt,
    });
    if (!claimed) return false;
    const found = await loadCaseForJob(tx, m.case_id);
    if (!found) return false;
    const { c, participants, pack } = found;
    const settings = await programComplianceSettings(tx, c.program_id);
    const to = reminderRecipients(payload.reminder, m.responsible_side, {
      mediator: settings.escalateToMediator,
      coordinator: settings.escalateToCoordinator,
    });
    const people: { email: string | null; userId: string | null; name: string; role: string }[] = [];
    for (const side of to.sides)
      people.push(...joined(participants, side).map((p) => ({ ...p, role: side })));
    if (to.mediator && c.mediator_id && c.mediator_status === 'accepted') {
      const u = await findUser(tx, c.mediator_id);
      if (u) people.push({ email: u.email, userId: u.id, name: u.name, role: 'mediator' });
    }
    if (to.coordinator) {
      for (const u of await listRoleHolders(tx, c.program_id, 'coordinator'))
        people.push({ email: u.email, userId: u.id, name: u.name, role: 'coordinator' });
    }
    const unique = people.filter((p, n) => p.email && people.findIndex((q) => q.email === p.email) === n);
    await notifyPeople(
      tx,
      deps,
      c,
      unique,
      COMPLIANCE_EMAILS.reminder(payload.reminder, c.reference, m, (language) =>
        sideLabel({ participants, pack }, m.responsible_side, documentWords(language)),
      ),
      { kind: 'promise', link: `/cases/${c.id}/promises`, title: titled(PROMISE_TITLES[payload.reminder]) },
    );
    await repo.setReminderRecipients(
      tx,
      id,
      unique.map((p) => ({ name: p.name, role: p.role })),
    );
    await recordAudit(tx, {
      kind: 'compliance.reminder_sent',
      at: deps.clock.now(),
      actorId: null,
      programId: c.program_id,
      caseId: c.id,
      subjectType: 'compliance_milestone',
      subjectId: m.id,
      data: { reminder: payload.reminder, dueDate: m.due_date, recipients: unique.length },
    });
    return true;
  });
}

/** The compliance area's jobs: the periodic scan, and one reminder per (promise, kind, date). */
export const COMPLIANCE_JOBS = [
  defineJob({ kind: COMPLIANCE_SCAN_JOB, everyMs: 15 * MINUTE, run: scanMilestones }),
  defineJob({
    kind: COMPLIANCE_REMIND_JOB,
    payload: RemindPayload,
    run: sendReminder,
  }),
];

const PROMISE_TITLES = {
  before: 'promiseBefore',
  due_today: 'promiseDueToday',
  overdue: 'promiseOverdue',
} as const satisfies Record<RemindPayload['reminder'], string>;
