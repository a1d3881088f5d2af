import {
  dollars,
  type MembershipStatus,
  membershipStateAt,
  type ReminderKind,
  reminderDue,
} from '../../../domain/membership.ts';
import { inTransaction } from '../../db/database.ts';
import { addMs, DAY, HOUR, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob } from '../../jobs/runner.ts';
import { queueEmail } from '../mail/mail.service.ts';
import * as repo from './membership.repository.ts';
import { HOW_TO_PAY } from './membership.service.ts';
import { moveState } from './membership.state.ts';

export const MEMBERSHIP_REVIEW_JOB = 'membership.review';

const REMINDER_TEXT: Record<
  ReminderKind,
  (end: string, graceEnd: string) => { subject: string; text: string }
> = {
  'renew-30-days': (end) => ({
    subject: 'Your membership ends in 30 days',
    text: `Your membership ends on ${end}. Renew now so your benefits continue without a break.`,
  }),
  'renew-7-days': (end) => ({
    subject: 'Your membership ends in one week',
    text: `Your membership ends on ${end}. Renew this week so your benefits continue without a break.`,
  }),
  expired: (end, graceEnd) => ({
    subject: 'Your membership has ended: please renew',
    text: `Your membership ended on ${end}. Your benefits continue until ${graceEnd} while we wait for your dues. After that your membership lapses.`,
  }),
  grace: (_end, graceEnd) => ({
    subject: 'Reminder: your membership dues are overdue',
    text: `Your dues are overdue. Your benefits stop on ${graceEnd} unless we receive your renewal.`,
  }),
  lapsed: () => ({
    subject: 'Your membership has lapsed',
    text: 'Your membership has lapsed. Member benefits, including a directory listing, have stopped. You can join again at any time.',
  }),
};

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
    const clock = { status: m.status as MembershipStatus, expiresAt: m.expires_at, graceDays: m.grace_days };
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
          const { subject, text } = REMINDER_TEXT[reminder](end, graceEnd);
          await queueEmail(tx, deps, {
            to: m.email,
            toUserId: m.user_id,
            template: `membership-reminder-${reminder}`,
            subject,
            text: `Hello ${m.user_name},\n\n${text}\n\nDues for ${m.tier_name} membership are ${dollars(m.annual_dues_cents)} a year. ${HOW_TO_PAY}\n\nRenew on your membership page: ${deps.config.publicUrl}/association`,
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
