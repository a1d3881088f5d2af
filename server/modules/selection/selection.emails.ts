import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { noticeInLanguage } from '../cases/cases.emails.ts';
import type { Notice } from '../cases/notify.ts';

/**
 * Choosing the mediator's e-mails: offers, answers, and requests to disqualify. What the parties
 * and the mediator read is in each reader's language; what only the program or the court reads is
 * in English.
 */
/** The denial period of an application to disqualify (Rule 88.04(e)): days, last day (a calendar date), rule. */
type DenyPeriod = { days: number; lastDay: string; cite: string };

/** The denial period as a message's arguments, its last day written out in `language`. */
const denyWords = (deny: DenyPeriod, language?: Language) => ({
  ...deny,
  lastDay: formatMissouriDate(deny.lastDay, {}, language),
});

export const SELECTION_EMAILS = {
  offerToMediator: (p: { reference: string; title: string; programName: string }) =>
    noticeInLanguage((t) => ({
      template: 'mediator-offer',
      subject: t('selection.offer.subject', p),
      body: t('selection.offer.body', p),
    })),
  mediatorAsked: (reference: string) =>
    noticeInLanguage((t) => ({
      template: 'mediator-offered',
      subject: t('selection.asked.subject', { reference }),
      body: t('selection.asked.body'),
    })),
  noOverlap: (reference: string) =>
    noticeInLanguage((t) => ({
      template: 'no-overlap',
      subject: t('selection.noOverlap.subject', { reference }),
      body: t('selection.noOverlap.body'),
    })),
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
  }) =>
    noticeInLanguage((t) => ({
      template: 'mediator-accepted',
      subject: t('selection.accepted.subject', p),
      body: [
        t('selection.accepted.body', p),
        p.disclosure ? t('selection.accepted.conflict', p) : t('selection.accepted.noConflict'),
        t('selection.accepted.next'),
        ...(p.mayDisqualify ? [t('selection.accepted.mayDisqualify')] : []),
      ].join('\n'),
    })),

  // Disqualification (Rule 88.04(e) where the pack has a denial period; else the program decides)
  disqualificationRequested: (reference: string, deny: DenyPeriod | null) =>
    noticeInLanguage((t, language) => ({
      template: 'disqualification-requested',
      subject: t('selection.disqualificationRequested.subject', { reference }),
      body: deny
        ? t('selection.disqualificationRequested.rule', denyWords(deny, language))
        : t('selection.disqualificationRequested.program'),
    })),
  disqualificationToMediator: (reference: string, deny: DenyPeriod | null) =>
    noticeInLanguage((t, language) => ({
      template: 'disqualification-mediator',
      subject: t('selection.toMediator.subject', { reference }),
      body: deny
        ? t('selection.toMediator.rule', denyWords(deny, language))
        : t('selection.toMediator.program'),
    })),
  disqualificationToProgram: (reference: string, deny: DenyPeriod | null): Notice => ({
    template: 'disqualification-coordinator',
    subject: `${reference}: request to disqualify the mediator`,
    body: deny
      ? `A party applied to disqualify the mediator (${deny.cite}). The other party may deny it by the end of ${denyWords(deny).lastDay}. If no one does, the mediator is disqualified and you choose a new one; if a party denies it, the court decides and you record its order on the case page.`
      : 'A party asked to replace the mediator. Decide on the case page.',
  }),
  disqualificationToCourt: (reference: string, deny: DenyPeriod): Notice => ({
    template: 'disqualification-court',
    subject: `${reference}: application to disqualify the mediator`,
    body: `A party filed an application to disqualify the mediator for cause (${deny.cite}). Any adverse party may deny it by the end of ${denyWords(deny).lastDay}. If no one denies it, the mediator is disqualified and a new mediator is chosen; a denied application comes to the court to decide.`,
  }),
  /** To the side that applied, the mediator and the program (the court gets its own). */
  disqualificationDenied: (reference: string, cite: string) =>
    noticeInLanguage((t) => ({
      template: 'disqualification-denied',
      subject: t('selection.disqualificationDenied.subject', { reference }),
      body: t('selection.disqualificationDenied.body', { cite }),
    })),
  disqualificationDeniedToCourt: (reference: string, cite: string): Notice => ({
    template: 'disqualification-denied-court',
    subject: `${reference}: a denied application to disqualify the mediator, for decision`,
    body: `An adverse party denied the application to disqualify the mediator. Under ${cite} the court decides it.`,
  }),
  disqualified: (reference: string) =>
    noticeInLanguage((t) => ({
      template: 'disqualified',
      subject: t('selection.disqualified.subject', { reference }),
      body: t('selection.disqualified.body'),
    })),
  /** To the parties, the program and (in English) the court. */
  disqualifiedForNoDenial: (reference: string, cite: string) =>
    noticeInLanguage((t) => ({
      template: 'disqualified-no-denial',
      subject: t('selection.disqualifiedForNoDenial.subject', { reference }),
      body: t('selection.disqualifiedForNoDenial.body', { cite }),
    })),
  /** To the parties, the mediator, the program and (in English) the court. */
  disqualificationEndedByMediation: (reference: string, cite: string) =>
    noticeInLanguage((t) => ({
      template: 'disqualification-ended',
      subject: t('selection.endedByMediation.subject', { reference }),
      body: t('selection.endedByMediation.body', { cite }),
    })),
  disqualificationEndedByClosing: (reference: string): Notice => ({
    template: 'disqualification-ended-closed',
    subject: `${reference}: the application to disqualify the mediator has ended`,
    body: 'The case closed before the time to deny the application to disqualify the mediator ran out, so the application ended without effect.',
  }),
  disqualificationDecided: (reference: string, granted: boolean, courtOrder: string | null) =>
    noticeInLanguage((t) => ({
      template: 'disqualification-decided',
      subject: t('selection.decided.subject', { reference }),
      body: [
        ...(courtOrder ? [t('selection.decided.court', { courtOrder })] : []),
        granted ? t('selection.decided.granted') : t('selection.decided.refused'),
      ].join(' '),
    })),
};
