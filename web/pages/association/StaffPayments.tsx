import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextField } from '../../components/Field.tsx';
import { money, STATUS_LABELS } from './shared.tsx';

type Row = {
  id: string;
  userId: string;
  name: string;
  email: string;
  tierName: string;
  status: string;
  expiresAt: string | null;
  duesCents: number;
};

function RecordDues({ row, onDone }: { row: Row; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [method, setMethod] = useState('cheque');
  const [amount, setAmount] = useState((row.duesCents / 100).toFixed(2));
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState(missouriDate(new Date()));
  const record = useChange(
    () =>
      api.post('/api/v1/association/payments', {
        userId: row.userId,
        purpose: 'dues',
        method,
        amountCents: Math.round(Number(amount) * 100),
        reference,
        receivedOn,
      }),
    {
      onSuccess: async () => {
        onDone(`Payment recorded for ${row.name}. The receipt is on its way.`);
        await client.invalidateQueries({ queryKey: ['memberships'] });
      },
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    record.run();
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Record dues for ${row.name}`}>
      <ChangeStatus of={record} />
      <Select
        label="Paid by"
        value={method}
        onChange={(e) => setMethod(e.target.value)}
        error={record.field('method')}
      >
        <option value="cheque">Cheque</option>
        <option value="cash">Cash</option>
        <option value="at_event">At an event</option>
        <option value="money_order">Money order</option>
        <option value="bank_transfer">Bank transfer</option>
      </Select>
      <TextField
        label="Amount in dollars"
        name="amount"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={record.field('amountCents')}
      />
      <TextField
        label="Cheque number or note"
        name="reference"
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        error={record.field('reference')}
      />
      <TextField
        label="Date received"
        name="receivedOn"
        type="date"
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
        error={record.field('receivedOn')}
      />
      <Button type="submit" busy={record.busy}>
        Record payment
      </Button>
    </form>
  );
}

/** Memberships by state, with the offline provider's "record a payment". */
export function StaffPayments() {
  const [status, setStatus] = useState('pending');
  const [done, setDone] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: ['memberships', status],
    queryFn: () => api.get<Row[]>(`/api/v1/association/memberships${status ? `?status=${status}` : ''}`),
  });
  return (
    <section className="panel" aria-labelledby="memberships-title">
      <h2 id="memberships-title">Memberships and payments</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Select label="Show memberships" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="pending">Waiting for dues</option>
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
              {r.expiresAt ? ` · until ${r.expiresAt.slice(0, 10)}` : ''}
            </p>
            <details>
              <summary>Record a dues payment for {r.name}</summary>
              <RecordDues row={r} onDone={setDone} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
