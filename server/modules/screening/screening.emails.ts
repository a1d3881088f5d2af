import { nextStepsText, noticeInLanguage } from '../cases/cases.emails.ts';
import type { Notice } from '../cases/notify.ts';

/**
 * Screening's e-mails: that answers are in and what was decided, never what anyone answered. The
 * parties' (not suitable, choosing a mediator) are in each reader's language; the staff's in English.
 */
export const SCREENING_EMAILS = {
  answered: (reference: string, who: string): Notice => ({
    template: 'screening-answered',
    subject: `${reference}: screening answered`,
    body: `${who} answered the private screening questions. You can review the answers on the case page.`,
  }),
  notSuitable: (reference: string, nextSteps: readonly string[]) =>
    noticeInLanguage((t, language) => ({
      template: 'not-suitable',
      subject: t('screening.notSuitable.subject', { reference }),
      body: [t('screening.notSuitable.body'), nextStepsText(language, nextSteps)].join('\n'),
    })),
  chooseMediator: (reference: string, jointChoice: boolean) =>
    noticeInLanguage((t) => ({
      template: 'choose-mediator',
      subject: t('screening.chooseMediator.subject', { reference }),
      body: jointChoice ? t('screening.chooseMediator.joint') : t('screening.chooseMediator.assigned'),
    })),
  /** To the program's coordinators: that one was recorded, never its kind or what was reported. */
  exceptionRecorded: (reference: string): Notice => ({
    template: 'confidentiality-exception',
    subject: `${reference}: a confidentiality exception to review`,
    body: 'The mediator recorded a confidentiality exception on this case. Please review it on the case page.',
  }),
  exceptionReviewed: (reference: string): Notice => ({
    template: 'confidentiality-exception-reviewed',
    subject: `${reference}: the program reviewed a confidentiality exception`,
    body: 'The program reviewed the confidentiality exception you recorded. Its note is on the case page.',
  }),
};
