import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { rolesOf, useSession } from '../../api/accounts.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { useChange } from '../../api/change.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { money, STATUS_LABELS, type Tier } from './shared.tsx';

type Mine = {
  membership: {
    id: string;
    status: string;
    tier: Tier;
    expiresAt: string | null;
    graceEndsAt: string | null;
    duesCents: number;
  } | null;
  payments: { id: string; receiptNumber: string; amountCents: number; receivedOn: string; purpose: string }[];
  howToPay: string;
};

/** /association: the tiers, joining and renewing, and my membership. */
export function AssociationPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const roles = rolesOf(session.data);
  const tiers = useQuery({
    queryKey: ['tiers'],
    queryFn: () => api.get<Tier[]>('/api/v1/association/tiers'),
  });
  const mine = useQuery({
    queryKey: ['membership'],
    queryFn: () => api.get<Mine>('/api/v1/association/membership'),
    enabled: signedIn,
  });
  const m = mine.data?.membership;
  const canRenew = Boolean(m && (m.status === 'active' || m.status === 'grace'));
  const choose = useChange(
    ({ tier, renew }: { tier: Tier; renew: boolean }) =>
      api.post(renew ? '/api/v1/association/membership/renew' : '/api/v1/association/membership', {
        tierId: tier.id,
      }),
    {
      invalidates: [['membership']],
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
          {m.status === 'pending' || m.status === 'grace' ? (
            <p>
              Dues: {money(m.duesCents)} a year. {mine.data?.howToPay}
            </p>
          ) : null}
          {roles.has('member') ? (
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
                    <a href={`/api/v1/association/payments/${p.id}/receipt`}>
                      Receipt {p.receiptNumber}, {money(p.amountCents)}, received {p.receivedOn} (PDF)
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <h2>{canRenew ? 'Renew your membership' : 'Membership choices'}</h2>
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
            {signedIn ? (
              <Button
                onClick={() => choose.run({ tier, renew: canRenew })}
                busy={choose.busy}
                disabled={m?.status === 'pending' && m.tier.id === tier.id}
              >
                {canRenew ? `Renew as ${tier.name}` : `Join as ${tier.name}`}
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
        Parley never asks for a card number. Pay by cheque or at an association event; staff record it and
        e-mail you a receipt. Read the <Link to="/standards-of-conduct">Standards of Conduct</Link> every
        member follows.
      </p>
    </Page>
  );
}
