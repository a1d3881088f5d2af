import type { Language } from '../../../domain/languages.ts';
import type { NotificationKind } from '../../../domain/notifications.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { EmailText } from '../mail/mail.service.ts';

/**
 * The notifications' e-mails, in the reader's language: they say what kind of thing happened and
 * link to it, and never carry its words (a message's text, a document's name, anyone's address
 * or phone number).
 */
export const NOTIFICATION_EMAILS = {
  now: (
    kind: string,
    facts: { name: string; title: string; caseReference: string | null; url: string; settingsUrl: string },
    language: Language,
  ): EmailText => {
    const t = translator(language, 'emails');
    const on = { title: facts.title, reference: facts.caseReference };
    return {
      template: `notification-${kind}`,
      subject: t(facts.caseReference ? 'notification.nowSubjectOnCase' : 'notification.nowSubject', on),
      text: [
        t('greeting', { name: facts.name }),
        t(facts.caseReference ? 'notification.nowOnCase' : 'notification.now', on),
        t('notification.open', { url: facts.url }),
        t('notification.privacy', { url: facts.settingsUrl }),
      ].join('\n\n'),
    };
  },
  digest: (
    name: string,
    lines: { title: string; caseReference: string | null; url: string }[],
    settingsUrl: string,
    language: Language,
  ): EmailText => {
    const t = translator(language, 'emails');
    return {
      template: 'notification-digest',
      subject: t('notification.digestSubject', { count: lines.length }),
      text: [
        t('greeting', { name }),
        t('notification.digestLead'),
        lines
          .map((l) =>
            t(l.caseReference ? 'notification.digestLineOnCase' : 'notification.digestLine', {
              title: l.title,
              reference: l.caseReference,
              url: l.url,
            }),
          )
          .join('\n'),
        t('notification.privacy', { url: settingsUrl }),
      ].join('\n\n'),
    };
  },
};

/** A kind of notification's own title ("New message"), in the reader's language. */
export const kindTitle = (kind: NotificationKind, language: Language): string =>
  translator(language, 'emails')(`notification.kind.${kind}`);

/** A notification's title under the bell, written in each reader's language. */
export const titled =
  (
    key:
      | 'documentShared'
      | 'askToShare'
      | 'promiseBefore'
      | 'promiseDueToday'
      | 'promiseOverdue'
      | 'signAgreementToMediate'
      | 'signAgreement'
      | 'newMessage',
  ) =>
  (language: Language): string =>
    translator(language, 'emails')(`notification.title.${key}`);
