import { membershipStateAt, reminderDue } from '../../../domain/membership.ts';
import { inTransaction } from '../../db/database.ts';
import { addMs, DAY, HOUR, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob } from '../../jobs/runner.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { MEMBERSHIP_EMAILS } from './membership.emails.ts';
import * as repo from './membership.repository.ts';
import { moveState } from './membership.state.ts';

export const MEMBERSHIP_REVIEW_JOB = 'membership.review';

/**
 * Once an hour: move memberships past their end into grace and past grace into lapsed, and send
 * the reminder that has fallen due. Each reminder is claimed with a unique key (membership, paid
 * period, kind) in the same transaction as its e-mail, so a retried or doubled run sends it once.
 */
export async function reviewMemberships(deps: Deps): Promise<{ moved: number; reminded: number }> {
  const now = deps.clock.now();
  const rows = await repo.membershipsDueForReview(deps.db, iso(addMs(now, 31 * DAY)));
  let moved = 0;
  let reminded = 0;
  for (const m of rows) {
    const clock = { status: m.status, expiresAt: m.expires_at, graceDays: m.grace_days };
    const state = membershipStateAt(clock, now);
    const reminder = reminderDue(clock, now);
    await inTransaction(deps.db, async (tx) => {
      if (reminder && m.expires_at) {
        const claimed = await repo.claimReminder(tx, {
          id: newId(),
          membership_id: m.id,
          period_end: m.expires_at,
          kind: reminder,
          sent_at: iso(now),
        });
        if (claimed) {
          const end = m.expires_at.slice(0, 10);
          const graceEnd = iso(addMs(new Date(m.expires_at), m.grace_days * DAY)).slice(0, 10);
          await queueEmail(tx, deps, {
            to: m.email,
            toUserId: m.user_id,
            ...MEMBERSHIP_EMAILS.reminder(reminder, {
              name: m.user_name,
              tier: { name: m.tier_name, annual_dues_cents: m.annual_dues_cents },
              end,
              graceEnd,
              renewUrl: `${deps.config.publicUrl}/association`,
            }),
          });
          reminded += 1;
        }
      }
      if (state !== m.status && (state === 'grace' || state === 'lapsed')) {
        if (await moveState(tx, deps, m, state, null)) moved += 1;
      }
    });
  }
  return { moved, reminded };
}

export const MEMBERSHIP_JOBS = [
  defineJob({ kind: MEMBERSHIP_REVIEW_JOB, everyMs: HOUR, run: reviewMemberships }),
];
