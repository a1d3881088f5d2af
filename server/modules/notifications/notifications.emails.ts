import type { EmailText } from '../mail/mail.service.ts';

/**
 * The notifications' e-mails: they say what kind of thing happened and link to it, and never
 * carry its words (a message's text, a document's name, anyone's address or phone number).
 */
export const NOTIFICATION_EMAILS = {
  now: (
    kind: string,
    facts: { name: string; title: string; caseReference: string | null; url: string; settingsUrl: string },
  ): EmailText => ({
    template: `notification-${kind}`,
    subject: `Parley: ${facts.title}${facts.caseReference ? ` (case ${facts.caseReference})` : ''}`,
    text: `Hello ${facts.name},\n\n${facts.title}${facts.caseReference ? ` on case ${facts.caseReference}` : ''}.\n\nOpen it in Parley: ${facts.url}\n\nFor your privacy this e-mail says only what happened; the rest is in Parley once you sign in. You choose how you hear of each kind of notification here: ${facts.settingsUrl}`,
  }),
  digest: (
    name: string,
    lines: { title: string; caseReference: string | null; url: string }[],
    settingsUrl: string,
  ): EmailText => ({
    template: 'notification-digest',
    subject: `Parley: your daily digest (${lines.length} ${lines.length === 1 ? 'notification' : 'notifications'})`,
    text: `Hello ${name},\n\nHere is what happened in Parley since your last digest:\n\n${lines
      .map((l) => `- ${l.title}${l.caseReference ? ` (case ${l.caseReference})` : ''}: ${l.url}`)
      .join(
        '\n',
      )}\n\nFor your privacy this e-mail says only what happened; the rest is in Parley once you sign in. You choose how you hear of each kind of notification here: ${settingsUrl}`,
  }),
};
