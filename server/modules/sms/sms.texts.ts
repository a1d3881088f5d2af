import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';

/** A text's words, written for its reader's language (textPerson reads it from their account). */
export type TextWords = (language: Language) => string;

/**
 * The words of every text Parley sends, in the reader's language (the `texts` of the common
 * catalog). Short, and never confidential: they name the step and link to Parley, and carry no
 * message's or document's words and nobody's address or phone. "STOP" stays as carriers read it.
 */
export const SMS_TEXTS = {
  code:
    (code: string): TextWords =>
    (language) =>
      translator(language, 'common')('texts.code', { code }),
  sessionReminder:
    (startsAt: string, reference: string, url: string): TextWords =>
    (language) =>
      translator(language, 'common')('texts.sessionReminder', {
        reference,
        when: formatMissouriDateTime(startsAt, language),
        url,
      }),
  /** A notification's title, already in the reader's language. */
  notice:
    (title: string, reference: string | null, url: string): TextWords =>
    (language) =>
      translator(language, 'common')(reference ? 'texts.noticeOnCase' : 'texts.notice', {
        title,
        reference,
        url,
      }),
};
