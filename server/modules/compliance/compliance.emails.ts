import type { ReminderKind } from '../../../domain/compliance.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import type { Notice } from '../cases/notify.ts';

/**
 * Compliance's e-mails: a step on a promise, and the reminders before, on and after its date.
 * They quote the promise from the signed agreement, never anything said in mediation.
 */
const onParley = (reference: string, template: string, subject: string, body: string): Notice => ({
  template,
  subject: `${reference}: ${subject}`,
  body: `${body}\n\nSee every promise and its evidence on Parley.`,
});

type PromiseFacts = { what: string; due_date: string; evidence_expected: string };

function reminderText(kind: ReminderKind, m: PromiseFacts, who: string) {
  const date = formatMissouriDate(m.due_date);
  const promise = `"${m.what}" (${who} promised this in your signed agreement)`;
  switch (kind) {
    case 'before':
      return `Reminder: ${promise} is due by ${date}.\n\nWhen it is done, mark it done on Parley and add what shows it: ${m.evidence_expected}.`;
    case 'due_today':
      return `Today is the day: ${promise} is due today, ${date}.\n\nWhen it is done, mark it done on Parley and add what shows it: ${m.evidence_expected}.`;
    case 'overdue':
      return `${promise} was due on ${date}. It is not marked done.\n\nIf it is done, mark it done on Parley with what shows it. If it is not, the side it was promised to can download an enforcement packet on Parley (the signed agreement, the dates and the reminders sent) to take to a lawyer or a court.`;
  }
}

const REMINDER: Record<ReminderKind, { template: string; subject: string }> = {
  before: { template: 'compliance-due-soon', subject: 'a promise is due soon' },
  due_today: { template: 'compliance-due-today', subject: 'a promise is due today' },
  overdue: { template: 'compliance-overdue', subject: 'a promise is overdue' },
};

export const COMPLIANCE_EMAILS = {
  markedDone: (p: { reference: string; who: string; what: string; doneOn: string; files: number }) =>
    onParley(
      p.reference,
      'compliance-marked-done',
      'a promise was marked done',
      `${p.who} says this promise was done on ${formatMissouriDate(p.doneOn)}: "${p.what}".${p.files ? ` They attached ${p.files} file${p.files === 1 ? '' : 's'}.` : ''}\n\nPlease look at it and say if it is done or not.`,
    ),
  disputed: (p: { reference: string; who: string; what: string }) =>
    onParley(
      p.reference,
      'compliance-disputed',
      'a promise is not done, says the other side',
      `${p.who} says this promise is not done yet: "${p.what}". Their reason is on Parley. You can add evidence and mark it done again.`,
    ),
  waived: (p: { reference: string; who: string; what: string }) =>
    onParley(
      p.reference,
      'compliance-waived',
      'a promise was waived',
      `${p.who} gave up this promise, so it no longer needs to be done: "${p.what}".`,
    ),
  reminder: (kind: ReminderKind, reference: string, m: PromiseFacts, who: string): Notice => ({
    template: REMINDER[kind].template,
    subject: `${reference}: ${REMINDER[kind].subject}`,
    body: reminderText(kind, m, who),
  }),
};
