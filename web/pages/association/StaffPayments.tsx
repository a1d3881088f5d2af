import { type FormEvent, useState } from 'react';
import type { MembershipRow } from '../../../contracts/membership.ts';
import * as membership from '../../../contracts/membership.ts';
import { MEMBERSHIP_STATUSES, OFFLINE_METHODS } from '../../../domain/membership.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { membershipKeys, useMemberships, usePayments } from '../../api/membership.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextField } from '../../components/Field.tsx';
import { METHOD_WORDS, money, STATUS_LABELS, useFormValues } from './shared.tsx';

type DuesForm = { method: string; amount: string; reference: string; receivedOn: string };

function RecordDues({ row, onDone }: { row: MembershipRow; onDone: (message: string) => void }) {
  const record = useChange(
    (f: DuesForm) =>
      call(membership.recordPayment, {
        body: {
          userId: row.userId,
          purpose: 'dues',
          method: OFFLINE_METHODS.find((m) => m === f.method) ?? 'cheque',
          amountCents: Math.round(Number(f.amount) * 100),
          reference: f.reference,
          receivedOn: f.receivedOn,
        },
      }),
    {
      invalidates: [membershipKeys.all],
      onSuccess: () => onDone(`Payment recorded for ${row.name}. The receipt is on its way.`),
    },
  );
  const form = useFormValues(
    {
      method: 'cheque',
      amount: (row.duesCents / 100).toFixed(2),
      reference: '',
      receivedOn: missouriDate(new Date()),
    },
    record,
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    record.run(form.values);
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Record dues for ${row.name}`}>
      <ChangeStatus of={record} />
      <Select label="Paid by" {...form.bind('method')}>
        <option value="cheque">Check</option>
        <option value="cash">Cash</option>
        <option value="at_event">At an event</option>
        <option value="money_order">Money order</option>
        <option value="bank_transfer">Bank transfer</option>
      </Select>
      <TextField label="Amount in dollars" inputMode="decimal" {...form.bind('amount', 'amountCents')} />
      <TextField label="Check number or note" {...form.bind('reference')} />
      <TextField label="Date received" type="date" {...form.bind('receivedOn')} />
      <Button type="submit" busy={record.busy}>
        Record payment
      </Button>
    </form>
  );
}

/** The latest payments, by check or card, each with its receipt. */
function RecentPayments() {
  const payments = usePayments();
  if (!payments.data?.length) return null;
  return (
    <>
      <h3>Latest payments</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls by keyboard too */}
      <section className="assoc-scroll" tabIndex={0} aria-label="Latest payments">
        <table className="assoc-table">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">From</th>
              <th scope="col">For</th>
              <th scope="col">Amount</th>
              <th scope="col">Paid by</th>
              <th scope="col">Receipt</th>
            </tr>
          </thead>
          <tbody>
            {payments.data.slice(0, 20).map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{formatMissouriDate(p.receivedOn)}</td>
                <td>{p.userName}</td>
                <td>{p.purpose === 'dues' ? 'Dues' : 'Event fee'}</td>
                <td>{money(p.amountCents)}</td>
                <td>{p.method === 'card' ? 'Card, paid online' : (METHOD_WORDS[p.method] ?? p.method)}</td>
                <td>
                  <a href={href(membership.getReceipt, { paymentId: p.id })}>{p.receiptNumber}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** Memberships waiting for dues or by state, with the offline provider's "record a payment". */
export function StaffPayments() {
  const [status, setStatus] = useState('owing');
  const [done, setDone] = useState<string | null>(null);
  const rows = useMemberships(status === 'owing' ? 'owing' : MEMBERSHIP_STATUSES.find((s) => s === status));
  return (
    <section className="panel" aria-labelledby="memberships-title">
      <h2 id="memberships-title">Memberships and payments</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Select label="Show memberships" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="owing">Waiting for dues</option>
        <option value="pending">New, not yet paid</option>
        <option value="active">Active</option>
        <option value="grace">Overdue (grace)</option>
        <option value="lapsed">Lapsed</option>
        <option value="">All</option>
      </Select>
      {rows.data?.length === 0 ? <p>None.</p> : null}
      <ul className="program-list">
        {rows.data?.map((r) => (
          <li key={r.id} className="card">
            <h3>{r.name}</h3>
            <p>
              {r.email} · {r.tierName} · {STATUS_LABELS[r.status] ?? r.status} · dues {money(r.duesCents)}
              {r.expiresAt ? ` · until ${formatMissouriDate(r.expiresAt)}` : ''}
            </p>
            {r.openInvoice ? (
              <p>
                Invoice {r.openInvoice.number}: {money(r.openInvoice.amountCents)} owed since{' '}
                {formatMissouriDate(r.openInvoice.createdAt)}
                {r.status === 'pending' ? ' (joining)' : ' (renewal)'}
              </p>
            ) : null}
            <details>
              <summary>Record a dues payment for {r.name}</summary>
              <RecordDues row={r} onDone={setDone} />
            </details>
          </li>
        ))}
      </ul>
      <RecentPayments />
    </section>
  );
}
