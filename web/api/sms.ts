import * as sms from '../../contracts/sms.ts';
import { useRead } from './query.ts';

/** Query keys of text messages: one's mobile number and the development text outbox. */
export const smsKeys = {
  all: ['sms'] as const,
  mobile: () => [...smsKeys.all, 'mobile'] as const,
  outbox: (to: string) => [...smsKeys.all, 'outbox', to] as const,
};

export function useMobileNumber() {
  return useRead(smsKeys.mobile(), sms.getMobileNumber);
}

/** The newest texts in the outbox; it refreshes itself. */
export function useTextOutbox(to: string) {
  return useRead(
    smsKeys.outbox(to),
    sms.listTextOutbox,
    { query: { ...(to ? { to } : {}), limit: 50 } },
    { refetchInterval: 5000 },
  );
}
