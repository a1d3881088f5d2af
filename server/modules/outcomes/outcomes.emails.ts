import type { Outcome } from '../../../domain/outcomes.ts';
import { nextStepsText, noticeInLanguage } from '../cases/cases.emails.ts';

/** Outcomes' e-mails, in each party's language: the mediation has ended, what comes next, and the survey's link. */
export const OUTCOME_EMAILS = {
  closed: (p: { reference: string; outcome: Outcome; nextSteps: readonly string[]; surveyUrl: string }) =>
    noticeInLanguage((t, language) => ({
      template: 'closed',
      subject: t('outcome.subject', { reference: p.reference }),
      body: [
        t('outcome.ended', { result: p.outcome }),
        '',
        nextStepsText(language, p.nextSteps),
        '',
        t('outcome.survey', { url: p.surveyUrl }),
      ].join('\n'),
    })),
};
