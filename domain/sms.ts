/**
 * Text messages: how a typed US mobile number becomes its international form, and which replies
 * mean "stop texting me" (the carriers' standard opt-out words).
 */

/** "573-555-0142", "(573) 555-0142", "+1 573 555 0142" → "+15735550142"; null if it is not one. */
export function normalizeUsMobile(typed: string): string | null {
  const digits = typed.replace(/[\s().-]/g, '');
  const m = /^(?:\+?1)?([2-9]\d{2}[2-9]\d{6})$/.exec(digits);
  return m ? `+1${m[1]}` : null;
}

/** A phone number shown to its owner: +15735550142 → (573) 555-0142. */
export const formatUsMobile = (phone: string): string =>
  /^\+1(\d{3})(\d{3})(\d{4})$/.test(phone)
    ? phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3')
    : phone;

export const STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];

/** Whether an inbound text asks to stop: one of the opt-out words, alone, in any case. */
export const isStopReply = (body: string): boolean =>
  STOP_WORDS.includes(
    body
      .trim()
      .replace(/[.!]+$/, '')
      .toUpperCase(),
  );
