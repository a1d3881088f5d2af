import type { EmailText } from '../mail/mail.service.ts';

/** Accounts' e-mails: confirming an address, a reset link, an account that already exists. */
export const ACCOUNT_EMAILS = {
  alreadyHaveAccount: (signInUrl: string): EmailText => ({
    template: 'account-exists',
    subject: 'You already have a Parley account',
    text: `Someone (perhaps you) tried to create a Parley account with this address.\n\nYou already have one. To sign in, go to ${signInUrl}. If you forgot your password, you can reset it there.\n\nIf this was not you, you can ignore this message.`,
  }),
  confirmEmail: (name: string, link: string): EmailText => ({
    template: 'verify-email',
    subject: 'Confirm your e-mail for Parley',
    text: `Hello ${name},\n\nPlease confirm your e-mail address by opening this link:\n${link}\n\nThe link works for 2 days. If you did not sign up for Parley, you can ignore this message.`,
  }),
  confirmEmailAgain: (name: string, link: string): EmailText => ({
    template: 'verify-email',
    subject: 'Confirm your e-mail for Parley',
    text: `Hello ${name},\n\nHere is a new link to confirm your e-mail address:\n${link}\n\nThe link works for 2 days.`,
  }),
  resetPassword: (name: string, link: string): EmailText => ({
    template: 'password-reset',
    subject: 'Reset your Parley password',
    text: `Hello ${name},\n\nTo choose a new password, open this link:\n${link}\n\nThe link works once, for 1 hour. If you did not ask for this, you can ignore this message: your password has not changed.`,
  }),
};
