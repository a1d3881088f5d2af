import { useQuery } from '@tanstack/react-query';
import * as mail from '../../contracts/mail.ts';
import { call } from './client.ts';

/** Query keys of the development mailbox. */
export const mailKeys = {
  all: ['mail'] as const,
  mailbox: (to: string) => [...mailKeys.all, 'mailbox', to] as const,
};

/** The newest messages in the outbox, to one address or to anyone; it refreshes itself. */
export function useMailbox(to: string) {
  return useQuery({
    queryKey: mailKeys.mailbox(to),
    queryFn: () => call(mail.listMailbox, { query: { ...(to ? { to } : {}), limit: 50 } }),
    refetchInterval: 5000,
  });
}
