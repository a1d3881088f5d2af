import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Tier } from '../../../contracts/membership.ts';
import * as membership from '../../../contracts/membership.ts';
import * as membershipPayments from '../../../contracts/membership-payments.ts';
import { dollars } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage, href } from '../../api/client.ts';
import { membershipKeys, useMyMembership, useTiers } from '../../api/membership.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks, MembershipFacts, money } from './shared.tsx';

/** /association: the tiers, joining and renewing, and my membership. */
export function AssociationPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const tiers = useTiers();
  const mine = useMyMembership(signedIn);
  const m = mine.data?.membership;
  const renewing = Boolean(mine.data?.can.renew);
  const [confirming, setConfirming] = useState<Tier | null>(null);
  const [params] = useSearchParams();
  const paidNumber = params.get('paid');
  const choose = useChange(
    ({ tier, renew }: { tier: Tier; renew: boolean }) =>
      call(renew ? membership.renew : membership.join, { body: { tierId: tier.id } }),
    {
      invalidates: [membershipKeys.all],
      onSuccess: () => setConfirming(null),
      success: (_, { tier, renew }) =>
        renew
          ? `Thank you. Your invoice for the ${tier.name} renewal is below, with the ways to pay.`
          : `Thank you for joining. Your invoice for the ${tier.name} dues is below, with the ways to pay.`,
    },
  );
  const payByCard = useChange(
    (invoiceId: string) => call(membershipPayments.startCheckout, { params: { invoiceId } }),
    { onSuccess: ({ url }) => window.location.assign(url) },
  );
  const openInvoices = mine.data?.invoices.filter((i) => i.status === 'open') ?? [];
  /** Changing tier at renewal asks first; renewing at the same tier or joining goes at once. */
  function pick(tier: Tier) {
    if (tier.can.renew && m && m.tier.id !== tier.id && confirming?.id !== tier.id) {
      setConfirming(tier);
      return;
    }
    choose.run({ tier, renew: tier.can.renew });
  }

  return (
    <Page
      title="Join the Association of Missouri Mediators"
      lead="Everyone with an interest in mediation is welcome. You do not have to be a trained mediator to join."
    >
      <ChangeStatus of={[choose, payByCard]} />
      {paidNumber ? (
        <Alert tone="success">
          Thank you. Your card payment for invoice {paidNumber} is being confirmed; your receipt comes by
          e-mail and appears below in a moment.
        </Alert>
      ) : null}

      {signedIn && m ? (
        <section className="panel" aria-labelledby="my-membership">
          <h2 id="my-membership">Your membership</h2>
          <MembershipFacts
            m={{
              tierName: m.tier.name,
              status: m.status,
              expiresAt: m.expiresAt,
              graceEndsAt: m.graceEndsAt,
            }}
          />
          {openInvoices.map((invoice) => (
            <section key={invoice.id} className="invoice" aria-labelledby={`invoice-${invoice.id}`}>
              <h3 id={`invoice-${invoice.id}`}>
                Invoice {invoice.number}: {dollars(invoice.amountCents)} to pay
              </h3>
              <p>
                {invoice.description}, issued {formatMissouriDate(invoice.createdAt)}. Your membership runs
                for a year from the day the payment is received.
              </p>
              {mine.data?.can.payByCard ? (
                <Button busy={payByCard.busy} onClick={() => payByCard.run(invoice.id)}>
                  Pay {dollars(invoice.amountCents)} by card
                </Button>
              ) : null}
              <p>
                {mine.data?.can.payByCard ? 'Or pay by check' : 'Pay by check'} made out to the Association of
                Missouri Mediators, with the invoice number {invoice.number} written on it, or in person at an
                association event. Staff record your payment and e-mail you a receipt.
              </p>
            </section>
          ))}
          {m.duesOwed && openInvoices.length === 0 ? (
            <p>
              Dues: {money(m.duesCents)} a year. {mine.data?.howToPay}
            </p>
          ) : null}
          {mine.data?.can.useMembersPage ? (
            <p>
              <Link to="/members">Go to the members' page</Link>
            </p>
          ) : null}
          {mine.data && mine.data.payments.length > 0 ? (
            <>
              <h3>Your receipts</h3>
              <ul className="link-list">
                {mine.data.payments.map((p) => (
                  <li key={p.id}>
                    <a href={href(membershipPayments.getReceipt, { paymentId: p.id })}>
                      Receipt {p.receiptNumber}, {money(p.amountCents)}, received {p.receivedOn} (PDF)
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <h2>{renewing ? 'Renew your membership' : 'Membership choices'}</h2>
      {tiers.isPending ? <Loading what="Loading membership choices" /> : null}
      {tiers.isError ? <Alert tone="error">{errorMessage(tiers.error)}</Alert> : null}
      <ul className="cards">
        {tiers.data?.map((tier) => (
          <li key={tier.id} className="card">
            <h3>{tier.name}</h3>
            <p className="tag">{money(tier.annualDuesCents)} a year</p>
            {tier.description ? <p>{tier.description}</p> : null}
            {tier.benefits.length ? (
              <ul>
                {tier.benefits.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            ) : null}
            {confirming?.id === tier.id && m ? (
              <div className="confirm" aria-live="polite">
                <p>
                  You are a {m.tier.name} member. Renewing as {tier.name} changes your membership to{' '}
                  {tier.name} at {money(tier.annualDuesCents)} a year
                  {tier.includesListing === m.tier.includesListing
                    ? '.'
                    : tier.includesListing
                      ? ', with a Find a Mediator listing.'
                      : ', without a Find a Mediator listing.'}
                </p>
                <Button onClick={() => pick(tier)} busy={choose.busy}>
                  Yes, change to {tier.name}
                </Button>{' '}
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  Keep {m.tier.name}
                </Button>
              </div>
            ) : tier.can.join || tier.can.renew ? (
              <Button onClick={() => pick(tier)} busy={choose.busy}>
                {tier.can.renew ? `Renew as ${tier.name}` : `Join as ${tier.name}`}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {!signedIn ? (
        <p>
          To join, <Link to="/sign-up">create an account</Link> or <Link to="/sign-in">sign in</Link>.
        </p>
      ) : null}
      <p>
        Parley never sees a card number: a card payment happens on the card provider's secure page. You can
        also pay by check or at an association event; staff record it and e-mail you a receipt. Read the{' '}
        <Link to="/standards-of-conduct">Standards of Conduct</Link> every member follows.
      </p>
      <AssociationLinks />
    </Page>
  );
}
