import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { MembershipRow } from '../../../contracts/membership-members.ts';
import type { PaymentsQuery } from '../../../contracts/membership-payments.ts';
import * as membershipPayments from '../../../contracts/membership-payments.ts';
import { MEMBERSHIP_STATUSES, OFFLINE_METHODS } from '../../../domain/membership.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { membershipKeys, useMemberships, usePayments } from '../../api/membership.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { ListFilterForm, type ListFilters } from '../../components/ListFilterForm.tsx';
import { ReceiptLink } from '../../components/ReceiptLink.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { FoundRows, filterError, ListPages, useListParams } from './StaffList.tsx';
import { METHOD_WORDS, money, STATUS_LABELS } from './shared.tsx';

type DuesForm = { method: string; amount: string; reference: string; receivedOn: string };

function RecordDues({ row, onDone }: { row: MembershipRow; onDone: (message: string) => void }) {
  const record = useChange(
    (f: DuesForm) =>
      call(membershipPayments.recordPayment, {
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

type PaymentFilters = { q: string; method: string; purpose: string; from: string; to: string };
const NO_FILTERS: PaymentFilters = { q: '', method: '', purpose: '', from: '', to: '' };

/**
 * Payments, newest first, by check or card, each with its receipt: searched, filtered, paged and
 * as CSV. Its filters and pages are kept on the page, not in its address, which the memberships
 * list above holds.
 */
function RecentPayments() {
  const [filters, setFilters] = useState<PaymentFilters>(NO_FILTERS);
  const [after, setAfter] = useState<string | undefined>();
  const [trail, setTrail] = useState<string[]>([]);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as PaymentsQuery;
  const payments = usePayments(after ? { ...query, after } : query);
  const search = (next: ListFilters<keyof PaymentFilters>) => {
    setFilters({ ...NO_FILTERS, ...next });
    setAfter(undefined);
    setTrail([]);
  };
  const pages = {
    previous: trail.length
      ? () => {
          setAfter(trail.at(-1) || undefined);
          setTrail(trail.slice(0, -1));
        }
      : null,
    next: (cursor: string) => {
      setTrail([...trail, after ?? '']);
      setAfter(cursor);
    },
  };
  return (
    <section aria-labelledby="payments-title">
      <h3 id="payments-title">Payments</h3>
      <ListFilterForm label="Find payments" list={{ filters, search }} error={filterError(payments.error)}>
        {(field) => (
          <>
            <TextField
              label="Search payments"
              hint="Part of the payer's name, the receipt or the check number."
              type="search"
              {...field('q')}
            />
            <Select label="Paid by" {...field('method')}>
              <option value="">Any way</option>
              <option value="card">Card, paid online</option>
              {Object.entries(METHOD_WORDS).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </Select>
            <Select label="For" {...field('purpose')}>
              <option value="">Dues or event fees</option>
              <option value="dues">Dues</option>
              <option value="event">Event fees</option>
            </Select>
            <TextField label="Received from" type="date" {...field('from')} />
            <TextField label="Received until" type="date" {...field('to')} />
          </>
        )}
      </ListFilterForm>
      <FoundRows
        what="payments"
        csv={href(membershipPayments.downloadPayments, undefined, query)}
        list={pages}
        result={payments}
        columns={['Received', 'From', 'For', 'Amount', 'Paid by', 'Receipt']}
        row={(p) => (
          <>
            <td className="nowrap">{formatMissouriDate(p.receivedOn)}</td>
            <td>
              <Link to={`/association/staff/members/${p.userId}`}>{p.userName}</Link>
            </td>
            <td>{p.purpose === 'dues' ? 'Dues' : 'Event fee'}</td>
            <td>{money(p.amountCents)}</td>
            <td>{p.method === 'card' ? 'Card, paid online' : (METHOD_WORDS[p.method] ?? p.method)}</td>
            <td>
              <ReceiptLink paymentId={p.id}>{p.receiptNumber}</ReceiptLink>
            </td>
          </>
        )}
      />
    </section>
  );
}

const SHOW = ['owing', 'pending', 'active', 'grace', 'lapsed', 'all'] as const;

/** Memberships waiting for dues or by state, searched and paged, with the offline provider's "record a payment". */
export function StaffPayments() {
  const [done, setDone] = useState<string | null>(null);
  const list = useListParams(['q', 'show'] as const);
  const show = SHOW.find((s) => s === list.filters.show) ?? 'owing';
  const status = MEMBERSHIP_STATUSES.find((s) => s === show);
  const rows = useMemberships({
    ...(list.filters.q ? { q: list.filters.q } : {}),
    ...(show === 'owing' ? { owing: 'true' } : status ? { status } : {}),
    ...(list.query.after ? { after: list.query.after } : {}),
  });
  const error = filterError(rows.error);
  return (
    <section className="panel" aria-labelledby="memberships-title">
      <h2 id="memberships-title">Memberships and payments</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <ListFilterForm label="Find memberships" list={list} error={error}>
        {(field) => (
          <>
            <TextField
              label="Search memberships"
              hint="Part of a name or e-mail address."
              type="search"
              {...field('q')}
            />
            <Select label="Show memberships" {...field('show')} value={field('show').value || 'owing'}>
              <option value="owing">Waiting for dues</option>
              <option value="pending">New, not yet paid</option>
              <option value="active">Active</option>
              <option value="grace">Overdue (grace)</option>
              <option value="lapsed">Lapsed</option>
              <option value="all">All</option>
            </Select>
          </>
        )}
      </ListFilterForm>
      <ErrorAlert error={rows.error} />
      {rows.data?.rows.length === 0 ? <p>None.</p> : null}
      <ul className="program-list">
        {rows.data?.rows.map((r) => (
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
      <ListPages previous={list.previous} next={rows.data?.next} onNext={list.next} />
      <RecentPayments />
    </section>
  );
}
