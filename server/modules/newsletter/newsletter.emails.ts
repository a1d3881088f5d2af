import type { Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/** The newsletter's e-mail: an issue of The Communicator, with the link to stop getting it. */
export const NEWSLETTER_EMAILS = {
  issue: (
    issue: { issue_label: string; title: string; summary: string; body: string },
    links: { archive: string; unsubscribe: string },
  ): EmailText => ({
    template: 'newsletter',
    subject: `The Communicator, ${issue.issue_label}: ${issue.title}`,
    text: `${issue.summary ? `${issue.summary}\n\n` : ''}${issue.body}\n\nRead past issues: ${links.archive}\n\nTo stop getting The Communicator by e-mail, open this link:\n${links.unsubscribe}`,
  }),
  /** In the language of the page the sign-up was made on. */
  confirmSignUp: (link: string, language: Language): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: 'newsletter-confirm',
      subject: t('newsletter.confirmSubject'),
      text: t('newsletter.confirm', { link }),
    };
  },
};
