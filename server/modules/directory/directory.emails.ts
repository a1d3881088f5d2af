import type { Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/**
 * The directory's e-mail, in the mediator's language: a message to a mediator through Find a
 * Mediator, without their address. The visitor's own message is passed on as they wrote it.
 */
export const DIRECTORY_EMAILS = {
  contact: (
    p: { mediator: string; from: string; replyTo: string; message: string },
    language: Language,
  ): EmailText => {
    const t = translator(language, 'notices');
    return {
      template: 'directory-contact',
      subject: t('directory.subject', p),
      text: [
        translator(language, 'emails')('greeting', { name: p.mediator }),
        '',
        t('directory.wrote', p),
        t('directory.replyTo', p),
        '',
        '----',
        p.message,
        '----',
        '',
        t('directory.private'),
      ].join('\n'),
    };
  },
  /** What the visitor reads once the message is on its way, in the page's language. */
  sent: (language: Language) => translator(language, 'notices')('directory.sent'),
};
