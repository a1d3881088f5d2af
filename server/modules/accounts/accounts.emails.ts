import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/** The changes to how a person signs in that they are told about by e-mail. */
export const SECURITY_CHANGES = {
  password_changed: 'Your Parley password was changed.',
  password_reset: 'Your Parley password was reset with an e-mailed link.',
  mfa_enabled: 'Two-step sign-in was turned on for your Parley account.',
  mfa_disabled: 'Two-step sign-in was turned off for your Parley account.',
  recovery_codes_regenerated:
    'New recovery codes were made for your Parley account; the old ones no longer work.',
  recovery_code_used: 'A recovery code was used to sign in to your Parley account.',
  other_sessions_signed_out: 'Every other device signed in to your Parley account was signed out.',
} as const;
export type SecurityChange = keyof typeof SECURITY_CHANGES;

/**
 * Accounts' e-mails: confirming an address, a reset link, an account that already exists, an
 * account lock with its unlock link, and notices of changes to how a person signs in.
 */
export const ACCOUNT_EMAILS = {
  alreadyHaveAccount: (signInUrl: string): EmailText => ({
    template: 'account-exists',
    subject: 'You already have a Parley account',
    text: `Someone (perhaps you) tried to create a Parley account with this address.\n\nYou already have one. To sign in, go to ${signInUrl}. If you forgot your password, you can reset it there.\n\nIf this was not you, you can ignore this message.`,
  }),
  /** In the language chosen at sign-up. */
  confirmEmail: (name: string, link: string, language: Language): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: 'verify-email',
      subject: t('account.confirmSubject'),
      text: [t('greeting', { name }), t('account.confirm', { link })].join('\n\n'),
    };
  },
  confirmEmailAgain: (name: string, link: string): EmailText => ({
    template: 'verify-email',
    subject: 'Confirm your e-mail for Parley',
    text: `Hello ${name},\n\nHere is a new link to confirm your e-mail address:\n${link}\n\nThe link works for 2 days.`,
  }),
  securityNotice: (
    name: string,
    change: SecurityChange,
    at: Date,
    resetUrl: string,
    extra = '',
  ): EmailText => ({
    template: 'security-notice',
    subject: 'A change to how you sign in to Parley',
    text: `Hello ${name},\n\n${SECURITY_CHANGES[change]}${extra ? ` ${extra}` : ''}\n\nWhen: ${formatMissouriDateTime(at)} (Missouri time).\n\nIf this was you, there is nothing to do. If it was not, reset your password now at ${resetUrl} and then look at the devices signed in on your account page.`,
  }),
  accountLocked: (name: string, link: string): EmailText => ({
    template: 'account-locked',
    subject: 'Your Parley account is locked',
    text: `Hello ${name},\n\nSomeone tried many wrong passwords for your Parley account from several places in the last hour, so we locked it to keep it safe. Nobody got in.\n\nTo unlock it, open this link:\n${link}\n\nThe link works once, for 1 day. Choosing a new password with "I forgot my password" unlocks the account too, and is a good idea if you think someone knows your password.`,
  }),
  resetPassword: (name: string, link: string): EmailText => ({
    template: 'password-reset',
    subject: 'Reset your Parley password',
    text: `Hello ${name},\n\nTo choose a new password, open this link:\n${link}\n\nThe link works once, for 1 hour. If you did not ask for this, you can ignore this message: your password has not changed.`,
  }),
};
