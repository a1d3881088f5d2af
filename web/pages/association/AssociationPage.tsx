import { Link } from 'react-router';
import type { Tier } from '../../../contracts/membership.ts';
import * as membership from '../../../contracts/membership.ts';
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
import { money, STATUS_LABELS } from './shared.tsx';

/** /association: the tiers, joining and renewing, and my membership. */
export function AssociationPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const tiers = useTiers();
  const mine = useMyMembership(signedIn);
  const m = mine.data?.membership;
  const renewing = Boolean(mine.data?.can.renew);
  const choose = useChange(
    ({ tier, renew }: { tier: Tier; renew: boolean }) =>
      call(renew ? membership.renew : membership.join, { body: { tierId: tier.id } }),
    {
      invalidates: [membershipKeys.all],
      success: (_, { tier, renew }) =>
        renew
          ? `Thank you. We sent you how to pay for the ${tier.name} renewal.`
          : `Thank you for joining. We sent you how to pay your ${tier.name} dues.`,
    },
  );

  return (
    <Page
      title="Join the Association of Missouri Mediators"
      lead="Everyone with an interest in mediation is welcome. You do not have to be a trained mediator to join."
    >
      <ChangeStatus of={choose} />

      {signedIn && m ? (
        <section className="panel" aria-labelledby="my-membership">
          <h2 id="my-membership">Your membership</h2>
          <dl className="facts">
            <div>
              <dt>Membership</dt>
              <dd>{m.tier.name}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd data-testid="membership-status">{STATUS_LABELS[m.status] ?? m.status}</dd>
            </div>
            {m.expiresAt ? (
              <div>
                <dt>{m.status === 'active' ? 'Paid until' : 'Ended on'}</dt>
                <dd>{formatMissouriDate(m.expiresAt)}</dd>
              </div>
            ) : null}
            {m.status === 'grace' && m.graceEndsAt ? (
              <div>
                <dt>Benefits stop on</dt>
                <dd>{formatMissouriDate(m.graceEndsAt)}</dd>
              </div>
            ) : null}
          </dl>
          {m.duesOwed ? (
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
                    <a href={href(membership.getReceipt, { paymentId: p.id })}>
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
            {tier.can.join || tier.can.renew ? (
              <Button onClick={() => choose.run({ tier, renew: tier.can.renew })} busy={choose.busy}>
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
        Parley never asks for a card number. Pay by check or at an association event; staff record it and
        e-mail you a receipt. Read the <Link to="/standards-of-conduct">Standards of Conduct</Link> every
        member follows.
      </p>
    </Page>
  );
}
