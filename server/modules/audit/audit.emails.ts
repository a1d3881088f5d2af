import type { EmailText } from '../mail/mail.service.ts';

/** The audit trail's e-mail: the day's checkpoint, for administrators to keep. */
export const AUDIT_EMAILS = {
  checkpoint: (name: string, events: number, line: string): EmailText => ({
    template: 'audit-checkpoint',
    subject: `Parley audit checkpoint: ${events} events`,
    text: `Hello ${name},\n\nThis is today's checkpoint of Parley's audit trail: it held ${events} events. Please keep this message. If the trail is ever changed or cut short, this checkpoint shows it.\n\nTo check the trail against it, save the line below in a file and run:\n  npm run audit:verify -- --checkpoints <that file>\n\n${line}\n`,
  }),
};
