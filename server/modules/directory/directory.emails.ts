import type { EmailText } from '../mail/mail.service.ts';

/** The directory's e-mail: a message to a mediator through Find a Mediator, without their address. */
export const DIRECTORY_EMAILS = {
  contact: (p: { mediator: string; from: string; replyTo: string; message: string }): EmailText => ({
    template: 'directory-contact',
    subject: `A message from ${p.from} through Find a Mediator`,
    text: [
      `Hello ${p.mediator},`,
      '',
      `${p.from} wrote to you through your profile on Parley's Find a Mediator.`,
      `Reply to them at: ${p.replyTo}`,
      '',
      '----',
      p.message,
      '----',
      '',
      'Parley did not share your e-mail address. If you answer, they will see the address you reply from.',
    ].join('\n'),
  }),
};
