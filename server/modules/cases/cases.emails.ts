import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { Notice, NoticeWords } from './notify.ts';

/**
 * The cases area's e-mails, in plain words (about a fifth-grade reading level). They name the
 * step and link to the case page (notify.ts adds the greeting and the link); they never carry
 * screening answers, notes, or anyone's address or phone number.
 */

/** A case notice as sent, in the reader's language: greeting, the notice, and the way back to the case page. */
export function caseEmailText(
  name: string,
  body: string,
  caseUrl: string,
  language: Language = DEFAULT_LANGUAGE,
) {
  const t = translator(language, 'emails');
  return [t('greeting', { name }), body, t('case.seeCase', { url: caseUrl }), t('signature')].join('\n\n');
}

import type { InvitationText } from '../invitations/invitations.emails.ts';

/** An invitation's words in the language of the person invited. */
type InvitationInLanguage = (language: Language) => InvitationText;

/** "What you can do next:" and the pack's next steps, one a line. */
export const nextStepsText = (steps: readonly string[], heading = 'What you can do next:') =>
  [heading, ...steps.map((s) => `- ${s}`)].join('\n');

const SCREENING_NEXT =
  'Next, each of you answers a few private questions about safety and taking part. Only you and the mediator or the screening coordinator can read your answers.';

export const CASE_EMAILS = {
  // Intake
  requestOpenedForYou:
    (p: { name: string; programName: string; title: string }): InvitationInLanguage =>
    (language) => {
      const t = translator(language, 'emails');
      return {
        subject: t('requestOpenedForYou.subject', p),
        message: [t('greeting', p), t('requestOpenedForYou.message', p)].join('\n\n'),
      };
    },
  askedToMediate:
    (p: {
      name: string;
      asker: string;
      programName: string;
      title: string;
      voluntary: boolean;
      /** For special education: the district, the student, the kinds of disagreement and the pack's words on cost. */
      specialEducation: { district: string; student: string; categories: string[]; cost: string } | null;
    }): InvitationInLanguage =>
    (language) => {
      const t = translator(language, 'emails');
      const se = p.specialEducation;
      return {
        subject: se
          ? t('askedToMediate.subjectSpecialEducation', { asker: p.asker, district: se.district })
          : t('askedToMediate.subject', { title: p.title }),
        // Only what the request is about in general words: its own description stays behind the link.
        message: [
          t('greeting', { name: p.name }),
          se
            ? t('askedToMediate.specialEducation', { asker: p.asker, ...se })
            : t('askedToMediate.general', p),
          ...(se?.categories.length
            ? [t('askedToMediate.categories', { categories: se.categories.join('; ') })]
            : []),
          p.voluntary ? t('askedToMediate.voluntary') : t('askedToMediate.referred'),
        ].join('\n\n'),
      };
    },
  requestReceived:
    (p: { title: string; reference: string; invited: string; letter: boolean }): NoticeWords =>
    (language) => {
      const t = translator(language, 'emails');
      return {
        template: 'requested',
        subject: t('requestReceived.subject', p),
        body: [t('requestReceived.body', p), ...(p.letter ? [t('requestReceived.letter')] : [])].join('\n\n'),
      };
    },
  newRequest: (p: { reference: string; title: string }): Notice => ({
    template: 'new-request',
    subject: `New request ${p.reference}`,
    body: `A new request is in your intake queue: ${p.reference}, ${p.title}.`,
  }),

  // Consent
  screeningOpen: (who: string): Notice => ({
    template: 'screening-open',
    subject: 'Next step: a few private questions',
    body: `${who} joined the mediation. ${SCREENING_NEXT}`,
  }),
  agreed: (reference: string, who: string): Notice => ({
    template: 'agreed',
    subject: `Good news: mediation is going ahead (${reference})`,
    body: `${who} agreed to mediate. ${SCREENING_NEXT}`,
  }),
  declined: (reference: string, who: string, nextSteps: readonly string[]): Notice => ({
    template: 'declined',
    subject: `${reference}: the other side said no to mediation`,
    body: [
      `${who} decided not to take part in mediation, so this case is closed.`,
      nextStepsText(nextSteps, 'Here is what you can do next:'),
    ].join('\n'),
  }),
  declinedToProgram: (reference: string, reason: string | null): Notice => ({
    template: 'declined-coordinator',
    subject: `${reference} was declined`,
    body: `The other side declined mediation in ${reference}. The case is closed.${reason ? `\n\nThe reason they gave: ${reason}` : ''}`,
  }),
  optOutFiled: (reference: string, cite: string, court: string | null): Notice => ({
    template: 'opt-out',
    subject: `${reference}: opted out of mediation`,
    body: `A party's lawyer filed a written opt-out in ${reference} (${cite}). The referral to mediation has ended and the case is closed here; ${court ?? 'the court'} has been told. The case goes on in court. The court may send it to mediation again only for compelling reasons it sets out in its order.`,
  }),
  optOutToCourt: (reference: string, cite: string, caseNumber: string | null): Notice => ({
    template: 'opt-out',
    subject: `${caseNumber ? `Case ${caseNumber}` : reference}: written opt-out of alternative dispute resolution`,
    body: `Counsel for a party${caseNumber ? ` in case ${caseNumber}` : ''} advised in writing, after conferring with their client, all other attorneys and unrepresented parties, that referral to alternative dispute resolution has no reasonable chance of being productive, and opted out within the thirty days before the deadline to begin (${cite}). The referral has ended (Parley reference ${reference}). Under the rule the matter is not referred again absent compelling circumstances set out in the court's order.`,
  }),
  withdrawn: (reference: string, nextSteps: readonly string[]): Notice => ({
    template: 'withdrawn',
    subject: `${reference} is closed`,
    body: ['This mediation case was withdrawn and is now closed.', nextStepsText(nextSteps)].join('\n'),
  }),

  // The people on a case
  addedToCase: (p: { name: string; by: string; reference: string; as: string }): InvitationText => ({
    subject: `You are invited to a mediation case as ${p.as}`,
    message: `Hello ${p.name},\n\n${p.by} added you to mediation case ${p.reference} as ${p.as}.`,
  }),
  participantAdded: (reference: string, name: string, as: string): Notice => ({
    template: 'participant-added',
    subject: `${reference}: someone was added to the case`,
    body: `${name} was added as ${as}.`,
  }),
  companionsAgreed: (reference: string, who: string, bothAgreed: boolean): Notice => ({
    template: 'companions-agreed',
    subject: `${reference}: agreement to bring more people`,
    body: bothAgreed
      ? 'Both sides agreed that each side may bring more than the usual number of people.'
      : `${who} agreed that each side may bring more people. The other side must agree too.`,
  }),
};
