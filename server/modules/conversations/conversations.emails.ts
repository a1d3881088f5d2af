import type { Notice } from '../cases/notify.ts';

/**
 * The e-mail a new message sends: that there is one, and the way to it. Never its words, who
 * wrote them beyond "the mediator" or "someone on your case", nor anyone's contact details.
 */
export const CONVERSATION_EMAILS = {
  newMessage: (reference: string): Notice => ({
    template: 'new-message',
    subject: `You have a new message on case ${reference}`,
    body: `You have a new message on case ${reference}. Sign in to Parley to read it. To keep it private, its words are not sent by e-mail.`,
  }),
};
