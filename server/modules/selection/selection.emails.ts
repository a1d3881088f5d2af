import type { Notice } from '../cases/notify.ts';

/** Choosing the mediator's e-mails: offers, answers, and requests to disqualify. */
export const SELECTION_EMAILS = {
  offerToMediator: (p: { reference: string; title: string; programName: string }): Notice => ({
    template: 'mediator-offer',
    subject: `You are asked to mediate ${p.reference}`,
    body: `${p.programName} asks you to mediate ${p.reference} (${p.title}). Please accept or decline on the case page, and tell the parties about any conflict of interest.`,
  }),
  mediatorAsked: (reference: string): Notice => ({
    template: 'mediator-offered',
    subject: `${reference}: a mediator was asked`,
    body: 'We asked a mediator to take your case. We will tell you when they answer.',
  }),
  noOverlap: (reference: string): Notice => ({
    template: 'no-overlap',
    subject: `${reference}: please look at the mediator list again`,
    body: 'There is no mediator on both lists yet. Please look at the list again and mark more mediators you would accept.',
  }),
  noOverlapToProgram: (reference: string): Notice => ({
    template: 'no-overlap-coordinator',
    subject: `${reference}: no mediator on both lists`,
    body: 'The parties’ lists of acceptable mediators do not overlap yet.',
  }),
  mediatorDeclined: (reference: string): Notice => ({
    template: 'mediator-declined',
    subject: `${reference}: the mediator declined`,
    body: 'The mediator declined the case. Please choose another.',
  }),
  mediatorAccepted: (p: {
    reference: string;
    mediator: string;
    disclosure: string | null;
    mayDisqualify: boolean;
  }): Notice => ({
    template: 'mediator-accepted',
    subject: `${p.reference}: your mediator is ${p.mediator}`,
    body: [
      `${p.mediator} agreed to be your mediator.`,
      p.disclosure
        ? `The mediator told us about a possible conflict: ${p.disclosure}`
        : 'The mediator has no conflict of interest to tell you about.',
      'Next, each party reads and signs the Agreement to Mediate on the case page.',
      ...(p.mayDisqualify
        ? [
            'If you think this mediator should not take your case, you can ask to disqualify them on the case page.',
          ]
        : []),
    ].join('\n'),
  }),

  // Disqualification
  disqualificationRequested: (reference: string, deny: { days: number; cite: string } | null): Notice => ({
    template: 'disqualification-requested',
    subject: `${reference}: the other side asks to replace the mediator`,
    body: deny
      ? `The other side asked to disqualify the mediator. If you disagree, you can say so on the case page within ${deny.days} days (${deny.cite}).`
      : 'The other side asked to disqualify the mediator. The program will decide.',
  }),
  disqualificationToMediator: (reference: string): Notice => ({
    template: 'disqualification-mediator',
    subject: `${reference}: a request to disqualify you`,
    body: 'A party asked that you be disqualified from this case. The program will tell you what is decided.',
  }),
  disqualificationToProgram: (reference: string): Notice => ({
    template: 'disqualification-coordinator',
    subject: `${reference}: request to disqualify the mediator`,
    body: 'A party asked to disqualify the mediator. See the case page.',
  }),
  disqualificationDenied: (reference: string): Notice => ({
    template: 'disqualification-denied',
    subject: `${reference}: the request to disqualify was denied`,
    body: 'The other party denied the request to disqualify the mediator. The court or program decides.',
  }),
  disqualified: (reference: string): Notice => ({
    template: 'disqualified',
    subject: `${reference}: you are no longer the mediator`,
    body: 'The request to disqualify you from this case was granted.',
  }),
  disqualificationDecided: (reference: string, granted: boolean): Notice => ({
    template: 'disqualification-decided',
    subject: `${reference}: decision on the request to disqualify the mediator`,
    body: granted
      ? 'The request was granted. A new mediator will be chosen.'
      : 'The request was refused. The mediator stays on the case.',
  }),
};
