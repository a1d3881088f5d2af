import { nextStepsText } from '../cases/cases.emails.ts';
import type { Notice } from '../cases/notify.ts';

/** Screening's e-mails: that answers are in and what was decided, never what anyone answered. */
export const SCREENING_EMAILS = {
  answered: (reference: string, who: string): Notice => ({
    template: 'screening-answered',
    subject: `${reference}: screening answered`,
    body: `${who} answered the private screening questions. You can review the answers on the case page.`,
  }),
  notSuitable: (reference: string, nextSteps: readonly string[]): Notice => ({
    template: 'not-suitable',
    subject: `${reference} is closed`,
    body: [
      'After screening, the program decided mediation is not the right fit for this case. This is not a judgment about anyone.',
      nextStepsText(nextSteps),
    ].join('\n'),
  }),
  chooseMediator: (reference: string, jointChoice: boolean): Notice => ({
    template: 'choose-mediator',
    subject: `${reference}: next, choose a mediator`,
    body: jointChoice
      ? 'Screening is done. Next, each side marks the mediators they would accept. We offer the case to a mediator you both chose.'
      : 'Screening is done. Next, the program assigns a mediator.',
  }),
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
