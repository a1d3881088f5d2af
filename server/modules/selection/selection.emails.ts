import type { Notice } from '../cases/notify.ts';

/** Choosing the mediator's e-mails: offers, answers, and requests to disqualify. */
/** The denial period of an application to disqualify (Rule 88.04(e)): days, last day, rule. */
type DenyPeriod = { days: number; lastDay: string; cite: string };

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

  // Disqualification (Rule 88.04(e) where the pack has a denial period; else the program decides)
  disqualificationRequested: (reference: string, deny: DenyPeriod | null): Notice => ({
    template: 'disqualification-requested',
    subject: `${reference}: the other side asks to replace the mediator`,
    body: deny
      ? `The other side applied to disqualify the mediator for cause. If you disagree, deny it on the case page by the end of ${deny.lastDay} (within ${deny.days} days, ${deny.cite}). If no one denies it by then, the mediator is disqualified and a new mediator is chosen. If you deny it, the court decides.`
      : 'The other side asked to replace the mediator. The program will decide.',
  }),
  disqualificationToMediator: (reference: string, deny: DenyPeriod | null): Notice => ({
    template: 'disqualification-mediator',
    subject: `${reference}: a request to disqualify you`,
    body: deny
      ? `A party applied to disqualify you from this case (${deny.cite}). If no other party denies it by the end of ${deny.lastDay}, you are disqualified; if a party denies it, the court decides. You will be told the result.`
      : 'A party asked that you be replaced on this case. The program will tell you what is decided.',
  }),
  disqualificationToProgram: (reference: string, deny: DenyPeriod | null): Notice => ({
    template: 'disqualification-coordinator',
    subject: `${reference}: request to disqualify the mediator`,
    body: deny
      ? `A party applied to disqualify the mediator (${deny.cite}). The other party may deny it by the end of ${deny.lastDay}. If no one does, the mediator is disqualified and you choose a new one; if a party denies it, the court decides and you record its order on the case page.`
      : 'A party asked to replace the mediator. Decide on the case page.',
  }),
  disqualificationToCourt: (reference: string, deny: DenyPeriod): Notice => ({
    template: 'disqualification-court',
    subject: `${reference}: application to disqualify the mediator`,
    body: `A party filed an application to disqualify the mediator for cause (${deny.cite}). Any adverse party may deny it by the end of ${deny.lastDay}. If no one denies it, the mediator is disqualified and a new mediator is chosen; a denied application comes to the court to decide.`,
  }),
  disqualificationDenied: (reference: string, cite: string): Notice => ({
    template: 'disqualification-denied',
    subject: `${reference}: the application to disqualify the mediator was denied`,
    body: `The other party denied the application to disqualify the mediator. The court decides it now (${cite}); the mediator stays until then.`,
  }),
  disqualificationDeniedToCourt: (reference: string, cite: string): Notice => ({
    template: 'disqualification-denied-court',
    subject: `${reference}: a denied application to disqualify the mediator, for decision`,
    body: `An adverse party denied the application to disqualify the mediator. Under ${cite} the court decides it.`,
  }),
  disqualified: (reference: string): Notice => ({
    template: 'disqualified',
    subject: `${reference}: you are no longer the mediator`,
    body: 'You are disqualified from this case. The case goes on with a new mediator.',
  }),
  disqualifiedForNoDenial: (reference: string, cite: string): Notice => ({
    template: 'disqualified-no-denial',
    subject: `${reference}: the mediator is disqualified`,
    body: `No party denied the application to disqualify the mediator in time, so the mediator is disqualified (${cite}). A new mediator will be chosen.`,
  }),
  disqualificationEndedByMediation: (reference: string, cite: string): Notice => ({
    template: 'disqualification-ended',
    subject: `${reference}: the application to disqualify the mediator has ended`,
    body: `No party denied the application to disqualify the mediator in time, but the mediation had already begun with this mediator by then. A mediator is replaced only before the mediation begins, so the application ended without effect and the mediator stays. A party who still wants a different mediator may ask the court (${cite}).`,
  }),
  disqualificationEndedByClosing: (reference: string): Notice => ({
    template: 'disqualification-ended-closed',
    subject: `${reference}: the application to disqualify the mediator has ended`,
    body: 'The case closed before the time to deny the application to disqualify the mediator ran out, so the application ended without effect.',
  }),
  disqualificationDecided: (reference: string, granted: boolean, courtOrder: string | null): Notice => ({
    template: 'disqualification-decided',
    subject: `${reference}: decision on the request to disqualify the mediator`,
    body: `${courtOrder ? `The court decided (${courtOrder}). ` : ''}${
      granted
        ? 'The mediator is disqualified. A new mediator will be chosen.'
        : 'The mediator stays on the case.'
    }`,
  }),
};
