import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';

/**
 * The words of every text Parley sends. Short, and never confidential: they name the step and
 * link to Parley, and carry no message's or document's words and nobody's address or phone.
 */
export const SMS_TEXTS = {
  code: (code: string) =>
    `Parley: your code to confirm this mobile number is ${code}. It works for 15 minutes. If you did not ask for it, ignore this text.`,
  sessionReminder: (startsAt: string, reference: string, url: string) =>
    `Parley reminder: your mediation session for case ${reference} is ${formatMissouriDateTime(startsAt)}. Details: ${url} Reply STOP to stop texts.`,
  notice: (title: string, reference: string | null, url: string) =>
    `Parley: ${title}${reference ? ` (case ${reference})` : ''}. Sign in to see it: ${url} Reply STOP to stop texts.`,
};
