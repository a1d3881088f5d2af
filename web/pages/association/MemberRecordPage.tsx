import { Link, useParams } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useMemberRecord } from '../../api/membership.ts';
import { Loading } from '../../components/Loading.tsx';
import { ReceiptLink } from '../../components/ReceiptLink.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { MembershipFacts } from './public-parts.tsx';
import { StaffShell } from './StaffShell.tsx';
import { METHOD_WORDS, money } from './shared.tsx';

const INVOICE_WORDS: Record<string, string> = { open: 'Owed', paid: 'Paid', void: 'Replaced' };

/** /association/staff/members/:userId: a member's record and history, for staff. */
export function MemberRecordPage() {
  const { userId = '' } = useParams();
  const record = useMemberRecord(userId);
  const r = record.data;
  return (
    <StaffShell title={r ? r.person.name : 'Member'} lead={r ? r.person.email : undefined}>
      <p>
        <Link to="/association/staff/members">Back to the members</Link>
      </p>
      {record.isPending ? <Loading what="Loading the record" /> : null}
      <ErrorAlert error={record.error} />
      {r ? (
        <>
          <section className="panel" aria-labelledby="record-membership">
            <h2 id="record-membership">Membership</h2>
            {r.membership ? <MembershipFacts m={r.membership} /> : <p>No membership.</p>}
          </section>

          <section className="panel" aria-labelledby="record-tiers">
            <h2 id="record-tiers">Tiers</h2>
            {r.tiers.length === 0 ? <p>None yet.</p> : null}
            <ul className="link-list">
              {r.tiers.map((x) => (
                <li key={`${x.on}-${x.tierName}`}>
                  {formatMissouriDate(x.on)}: {x.what === 'joined' ? 'joined as' : 'changed to'} {x.tierName}
                </li>
              ))}
            </ul>
          </section>

          <section className="panel" aria-labelledby="record-money">
            <h2 id="record-money">Invoices and payments</h2>
            {r.invoices.length === 0 && r.payments.length === 0 ? <p>None yet.</p> : null}
            {r.invoices.length ? (
              <>
                <h3>Invoices</h3>
                <ul className="link-list">
                  {r.invoices.map((i) => (
                    <li key={i.id}>
                      {i.number}: {i.description}, {money(i.amountCents)}, issued{' '}
                      {formatMissouriDate(i.createdAt)}. {INVOICE_WORDS[i.status] ?? i.status}
                      {i.closedAt && i.status !== 'open' ? ` on ${formatMissouriDate(i.closedAt)}` : ''}.
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {r.payments.length ? (
              <>
                <h3>Payments</h3>
                <ul className="link-list">
                  {r.payments.map((p) => (
                    <li key={p.id}>
                      {formatMissouriDate(p.receivedOn)}: {money(p.amountCents)} for{' '}
                      {p.purpose === 'dues' ? 'dues' : 'an event'},{' '}
                      {p.method === 'card'
                        ? 'card, paid online'
                        : (METHOD_WORDS[p.method] ?? p.method).toLowerCase()}
                      {p.reference ? ` (${p.reference})` : ''}.{' '}
                      <ReceiptLink paymentId={p.id}>Receipt {p.receiptNumber} (PDF)</ReceiptLink>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="record-events">
            <h2 id="record-events">Trainings and events</h2>
            {r.events.length === 0 ? <p>None yet.</p> : null}
            <ul className="link-list">
              {r.events.map((e) => (
                <li key={e.eventId}>
                  <Link to={`/trainings/${e.eventId}`}>{e.title}</Link>, {formatMissouriDate(e.startsAt)}:{' '}
                  {e.statusLabel}
                  {e.creditHours > 0 ? `, ${e.creditHours} hours` : ''}
                  {e.certificateCode ? (
                    <>
                      {' '}
                      (certificate <Link to={`/certificates/${e.certificateCode}`}>{e.certificateCode}</Link>)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>

          <section className="panel" aria-labelledby="record-ce">
            <h2 id="record-ce">Continuing education hours</h2>
            {r.ceHours.length === 0 ? <p>No verified hours on the training record yet.</p> : null}
            <ul className="link-list">
              {r.ceHours.map((y) => (
                <li key={y.year}>
                  {y.year}: {y.hours} {y.hours === 1 ? 'hour' : 'hours'}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </StaffShell>
  );
}
