import { dollars, type ReminderKind } from '../../../domain/membership.ts';
import type { EmailText } from '../mail/mail.service.ts';

/** How dues reach the association, said on the membership page and in every dues e-mail. */
export const HOW_TO_PAY =
  'Pay by check made out to the Association of Missouri Mediators, or in person at an association event. Staff record your payment and e-mail you a receipt. Parley never asks for card numbers.';

const REMINDER: Record<ReminderKind, (end: string, graceEnd: string) => { subject: string; text: string }> = {
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

type Tier = { name: string; annual_dues_cents: number };

/** Membership's e-mails: joining, renewing, reminders about the end of a paid year, receipts. */
export const MEMBERSHIP_EMAILS = {
  joined: (name: string, tier: Tier): EmailText => ({
    template: 'membership-joined',
    subject: `Welcome to the Association of Missouri Mediators: ${tier.name}`,
    text: `Hello ${name},\n\nThank you for joining as a ${tier.name} member. Your yearly dues are ${dollars(tier.annual_dues_cents)}.\n\n${HOW_TO_PAY}\n\nYour membership starts the day your payment is recorded.`,
  }),
  renewalRequested: (name: string, tier: Tier): EmailText => ({
    template: 'membership-renewal-requested',
    subject: 'Renewing your membership',
    text: `Hello ${name},\n\nThank you for renewing as a ${tier.name} member. Dues for the next year are ${dollars(tier.annual_dues_cents)}.\n\n${HOW_TO_PAY}\n\nThe new year starts when your current one ends, so you lose no days by paying early.`,
  }),
  reminder: (
    kind: ReminderKind,
    p: { name: string; tier: Tier; end: string; graceEnd: string; renewUrl: string },
  ): EmailText => {
    const { subject, text } = REMINDER[kind](p.end, p.graceEnd);
    return {
      template: `membership-reminder-${kind}`,
      subject,
      text: `Hello ${p.name},\n\n${text}\n\nDues for ${p.tier.name} membership are ${dollars(p.tier.annual_dues_cents)} a year. ${HOW_TO_PAY}\n\nRenew on your membership page: ${p.renewUrl}`,
    };
  },
  receipt: (p: {
    name: string;
    receiptNumber: string;
    amountCents: number;
    description: string;
    activeUntil: string | null;
  }): EmailText => ({
    template: 'payment-receipt',
    subject: `Your receipt ${p.receiptNumber}`,
    text: `Hello ${p.name},\n\nWe received ${dollars(p.amountCents)} for: ${p.description}.${p.activeUntil ? `\n\nYour membership is active until ${p.activeUntil}.` : ''}\n\nYour receipt is attached.`,
  }),
};
