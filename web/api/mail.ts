import * as mail from '../../contracts/mail.ts';
import { useRead } from './query.ts';

/** Query keys of the development mailbox. */
export const mailKeys = {
  all: ['mail'] as const,
  mailbox: (to: string) => [...mailKeys.all, 'mailbox', to] as const,
};

/** The newest messages in the outbox, to one address or to anyone; it refreshes itself. */
export function useMailbox(to: string) {
  return useRead(
    mailKeys.mailbox(to),
    mail.listMailbox,
    { query: { ...(to ? { to } : {}), limit: 50 } },
    { refetchInterval: 5000 },
  );
}
