import type { ReactNode } from 'react';
import { getReceipt } from '../../contracts/membership-payments.ts';
import { href } from '../api/client.ts';

/** A link to a payment's receipt (a PDF), for the member's own page and the staff's. */
export function ReceiptLink({ paymentId, children }: { paymentId: string; children: ReactNode }) {
  return <a href={href(getReceipt, { paymentId })}>{children}</a>;
}
