import type { Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/** An invitation's own words: its subject and message, before the link. */
export type InvitationText = { subject: string; message: string };
/**
 * What the inviting area gives: its words in English, or in the language of the person invited
 * (their account's, or English for an address with no account yet).
 */
export type InvitationWords = InvitationText | { inLanguage: (language: Language) => InvitationText };

/** Invitations' e-mails: the inviting area's words, with the single-use link. */
export const INVITATION_EMAILS = {
  invitation: (
    p: { purpose: string; subject: string; message: string; link: string },
    language: Language,
  ): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: p.purpose === 'join' ? 'invitation' : `invitation-${p.purpose}`,
      subject: p.subject,
      text: [p.message, `${t('invitation.accept')}\n${p.link}`, t('invitation.once')].join('\n\n'),
    };
  },
  /** The words of an invitation to a program, or to the association. */
  toProgram: (p: { name: string; by: string; where: string }) => ({
    subject: `${p.by} invited you to ${p.where}`,
    message: `Hello ${p.name},\n\n${p.by} invited you to join ${p.where} on Parley.`,
  }),
};
