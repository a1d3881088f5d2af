import type { EmailText } from '../mail/mail.service.ts';

/** Invitations' e-mails: the inviting area's words, with the single-use link. */
export const INVITATION_EMAILS = {
  invitation: (p: { purpose: string; subject: string; message: string; link: string }): EmailText => ({
    template: p.purpose === 'join' ? 'invitation' : `invitation-${p.purpose}`,
    subject: p.subject,
    text: `${p.message}\n\nOpen this link to accept. You do not need an account first:\n${p.link}\n\nThe link works once, for 14 days.`,
  }),
  /** The words of an invitation to a program, or to the association. */
  toProgram: (p: { name: string; by: string; where: string }) => ({
    subject: `${p.by} invited you to ${p.where}`,
    message: `Hello ${p.name},\n\n${p.by} invited you to join ${p.where} on Parley.`,
  }),
};
