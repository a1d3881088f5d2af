import { inTransaction } from '../../db/database.ts';
import { DAY, iso, MINUTE } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { defineJob } from '../../jobs/runner.ts';
import { loadCaseForJob } from '../cases/case-access.ts';
import { sendPollReminders } from './polls.service.ts';
import { sendSessionNotice } from './sessions.notify.ts';
import * as repo from './sessions.repository.ts';

/**
 * The day before a session, everyone invited gets a reminder with the calendar file. The job runs
 * every 15 minutes on whichever server claims it; the session_reminders row (one per session and
 * start time) makes each reminder go out once, and a moved session gets a reminder for its new time.
 */
export const SESSION_REMINDERS_JOB = 'sessions.reminders';

export async function sendDueReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await repo.sessionsStartingBetween(deps.db, iso(now), iso(new Date(now.getTime() + DAY)));
  let sent = 0;
  for (const s of due) {
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimReminder(tx, s.id, s.starts_at, iso(now)))) return;
      const found = await loadCaseForJob(tx, s.case_id);
      if (!found) return;
      await sendSessionNotice(tx, deps, found, s, 'reminder');
      sent += 1;
    });
  }
  return sent;
}

/** Finding a time: those who have not answered a poll two days after it was sent are reminded, once. */
export const POLL_REMINDERS_JOB = 'sessions.poll-reminders';

export const SESSION_JOBS = [
  defineJob({ kind: SESSION_REMINDERS_JOB, everyMs: 15 * MINUTE, run: sendDueReminders }),
  defineJob({ kind: POLL_REMINDERS_JOB, everyMs: 15 * MINUTE, run: sendPollReminders }),
];
