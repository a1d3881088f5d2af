import type { TFunction } from 'i18next';
import type { ParticipantRole } from '../../../domain/attendance.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import { closedStepIn } from '../../../i18n/pack-words.ts';
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

/**
 * "What you can do next:" and the steps handed in (the rule pack's or the outcome's, as the case
 * page shows them), one a line, in the reader's language.
 */
export const nextStepsText = (
  language: Language,
  steps: readonly string[],
  heading: 'heading' | 'headingDeclined' = 'heading',
) =>
  [
    translator(language, 'notices')(`nextSteps.${heading}`),
    ...steps.map((s) => `- ${closedStepIn(language, s)}`),
  ].join('\n');

/** A case notice in the reader's language: its words read from the notices catalog by `t`. */
export const noticeInLanguage =
  (words: (t: TFunction, language: Language) => Notice): NoticeWords =>
  (language) =>
    words(translator(language, 'notices'), language);

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
  screeningOpen: (who: string) =>
    noticeInLanguage((t) => ({
      template: 'screening-open',
      subject: t('case.screeningOpen.subject'),
      body: `${t('case.screeningOpen.body', { who })} ${t('case.screeningNext')}`,
    })),
  agreed: (reference: string, who: string) =>
    noticeInLanguage((t) => ({
      template: 'agreed',
      subject: t('case.agreed.subject', { reference }),
      body: `${t('case.agreed.body', { who })} ${t('case.screeningNext')}`,
    })),
  declined: (reference: string, who: string, nextSteps: readonly string[]) =>
    noticeInLanguage((t, language) => ({
      template: 'declined',
      subject: t('case.declined.subject', { reference }),
      body: [t('case.declined.body', { who }), nextStepsText(language, nextSteps, 'headingDeclined')].join(
        '\n',
      ),
    })),
  declinedToProgram: (reference: string, reason: string | null): Notice => ({
    template: 'declined-coordinator',
    subject: `${reference} was declined`,
    body: `The other side declined mediation in ${reference}. The case is closed.${reason ? `\n\nThe reason they gave: ${reason}` : ''}`,
  }),
  /** To the parties, the mediator and the program (the court gets optOutToCourt). */
  optOutFiled: (reference: string, cite: string, court: string | null) =>
    noticeInLanguage((t) => ({
      template: 'opt-out',
      subject: t('case.optOut.subject', { reference }),
      body: t('case.optOut.body', { reference, cite, court: court ?? t('case.optOut.theCourt') }),
    })),
  optOutToCourt: (reference: string, cite: string, caseNumber: string | null): Notice => ({
    template: 'opt-out',
    subject: `${caseNumber ? `Case ${caseNumber}` : reference}: written opt-out of alternative dispute resolution`,
    body: `Counsel for a party${caseNumber ? ` in case ${caseNumber}` : ''} advised in writing, after conferring with their client, all other attorneys and unrepresented parties, that referral to alternative dispute resolution has no reasonable chance of being productive, and opted out within the thirty days before the deadline to begin (${cite}). The referral has ended (Parley reference ${reference}). Under the rule the matter is not referred again absent compelling circumstances set out in the court's order.`,
  }),
  withdrawn: (reference: string, nextSteps: readonly string[]) =>
    noticeInLanguage((t, language) => ({
      template: 'withdrawn',
      subject: t('case.withdrawn.subject', { reference }),
      body: [t('case.withdrawn.body'), nextStepsText(language, nextSteps)].join('\n'),
    })),

  // The people on a case
  addedToCase:
    (p: { name: string; by: string; reference: string; role: ParticipantRole }): InvitationInLanguage =>
    (language) => {
      const t = translator(language, 'notices');
      return {
        subject: t('case.added.subject', p),
        message: [translator(language, 'emails')('greeting', p), t('case.added.message', p)].join('\n\n'),
      };
    },
  participantAdded: (reference: string, name: string, role: ParticipantRole) =>
    noticeInLanguage((t) => ({
      template: 'participant-added',
      subject: t('case.participantAdded.subject', { reference }),
      body: t('case.participantAdded.body', { name, role }),
    })),
  companionsAgreed: (reference: string, who: string, bothAgreed: boolean) =>
    noticeInLanguage((t) => ({
      template: 'companions-agreed',
      subject: t('case.companions.subject', { reference }),
      body: bothAgreed ? t('case.companions.both') : t('case.companions.one', { who }),
    })),
};
