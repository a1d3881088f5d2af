import type { TFunction } from 'i18next';
import type { ReminderKind } from '../../../domain/compliance.ts';
import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { noticeInLanguage } from '../cases/cases.emails.ts';

/**
 * Compliance's e-mails, in each reader's language: a step on a promise, and the reminders before,
 * on and after its date. They quote the promise from the signed agreement, never anything said in
 * mediation.
 */
const onParley = (template: string, subject: string, lines: string[], t: TFunction) => ({
  template,
  subject,
  body: [...lines, t('compliance.seeAll')].join('\n\n'),
});

type PromiseFacts = { what: string; due_date: string; evidence_expected: string };

const REMINDER_TEMPLATE: Record<ReminderKind, string> = {
  before: 'compliance-due-soon',
  due_today: 'compliance-due-today',
  overdue: 'compliance-overdue',
};

export const COMPLIANCE_EMAILS = {
  markedDone: (p: { reference: string; who: string; what: string; doneOn: string; files: number }) =>
    noticeInLanguage((t, language) =>
      onParley(
        'compliance-marked-done',
        t('compliance.markedDone.subject', p),
        [
          [
            t('compliance.markedDone.body', { ...p, date: formatMissouriDate(p.doneOn, {}, language) }),
            ...(p.files ? [t('compliance.markedDone.files', p)] : []),
          ].join(' '),
          t('compliance.markedDone.look'),
        ],
        t,
      ),
    ),
  disputed: (p: { reference: string; who: string; what: string }) =>
    noticeInLanguage((t) =>
      onParley(
        'compliance-disputed',
        t('compliance.disputed.subject', p),
        [t('compliance.disputed.body', p)],
        t,
      ),
    ),
  waived: (p: { reference: string; who: string; what: string }) =>
    noticeInLanguage((t) =>
      onParley('compliance-waived', t('compliance.waived.subject', p), [t('compliance.waived.body', p)], t),
    ),
  /** `who` is the responsible side in words, in the recipient's language. */
  reminder: (kind: ReminderKind, reference: string, m: PromiseFacts, who: (language: Language) => string) =>
    noticeInLanguage((t, language) => {
      const facts = { what: m.what, who: who(language), date: formatMissouriDate(m.due_date, {}, language) };
      return {
        template: REMINDER_TEMPLATE[kind],
        subject: t('compliance.reminder.subject', { reference, kind }),
        body: [
          t(`compliance.reminder.${kind}`, facts),
          kind === 'overdue'
            ? t('compliance.reminder.ifDone')
            : t('compliance.reminder.markDone', { evidence: m.evidence_expected }),
        ].join('\n\n'),
      };
    }),
};
