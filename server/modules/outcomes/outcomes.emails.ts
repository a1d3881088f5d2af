import { nextStepsText } from '../cases/cases.emails.ts';
import type { Notice } from '../cases/notify.ts';

/** Outcomes' e-mails: the mediation has ended, what comes next, and the survey's link. */
export const OUTCOME_EMAILS = {
  closed: (p: {
    reference: string;
    result: string;
    nextSteps: readonly string[];
    surveyUrl: string;
  }): Notice => ({
    template: 'closed',
    subject: `${p.reference}: your mediation has ended`,
    body: [
      `Your mediation has ended. Result: ${p.result}.`,
      '',
      nextStepsText(p.nextSteps),
      '',
      `Please tell us how it went. It takes two minutes: ${p.surveyUrl}`,
    ].join('\n'),
  }),
};
