import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/** The changes to how a person signs in that they are told about by e-mail. */
export const SECURITY_CHANGES = [
  'password_changed',
  'password_reset',
  'mfa_enabled',
  'mfa_disabled',
  'recovery_codes_regenerated',
  'recovery_code_used',
  'other_sessions_signed_out',
] as const;
export type SecurityChange = (typeof SECURITY_CHANGES)[number];

/** An e-mail that greets the person and gives them one link, with what it is for. */
const greeted =
  (template: string, subject: string, body: string) =>
  (name: string, link: string, language: Language): EmailText => {
    const t = translator(language, 'emails');
    return { template, subject: t(subject), text: [t('greeting', { name }), t(body, { link })].join('\n\n') };
  };

/**
 * Accounts' e-mails, each in the language of the account (or, on sign-up, the one chosen on the
 * form): confirming an address, a reset link, an account that already exists, an account lock
 * with its unlock link, and notices of changes to how a person signs in.
 */
export const ACCOUNT_EMAILS = {
  alreadyHaveAccount: (url: string, language: Language): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: 'account-exists',
      subject: t('account.existsSubject'),
      text: t('account.exists', { url }),
    };
  },
  /** In the language chosen at sign-up. */
  confirmEmail: greeted('verify-email', 'account.confirmSubject', 'account.confirm'),
  confirmEmailAgain: greeted('verify-email', 'account.confirmSubject', 'account.confirmAgain'),
  securityNotice: (
    name: string,
    change: { change: SecurityChange; left?: number },
    at: Date,
    url: string,
    language: Language,
  ): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: 'security-notice',
      subject: t('account.securitySubject'),
      text: [
        t('greeting', { name }),
        t(`account.change.${change.change}`, { left: change.left ?? 0 }),
        t('account.securityWhen', { when: formatMissouriDateTime(at, language) }),
        t('account.securityNotYou', { url }),
      ].join('\n\n'),
    };
  },
  accountLocked: greeted('account-locked', 'account.lockedSubject', 'account.locked'),
  resetPassword: greeted('password-reset', 'account.resetSubject', 'account.reset'),
};
