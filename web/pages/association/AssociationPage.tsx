import { useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Tier } from '../../../contracts/membership.ts';
import * as membership from '../../../contracts/membership.ts';
import * as membershipPayments from '../../../contracts/membership-payments.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { membershipKeys, useMyMembership, useTiers } from '../../api/membership.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ReceiptLink } from '../../components/ReceiptLink.tsx';
import './association.css';
import { AssociationLinks, MembershipFacts, useAssociationWords } from './public-parts.tsx';

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
  const { t, formats, money } = useAssociationWords();
  const paidNumber = params.get('paid');
  const choose = useChange(
    ({ tier, renew }: { tier: Tier; renew: boolean }) =>
      call(renew ? membership.renew : membership.join, { body: { tierId: tier.id } }),
    {
      invalidates: [membershipKeys.all],
      onSuccess: () => setConfirming(null),
      success: (_, { tier, renew }) =>
        renew ? t('join.thanksRenew', { tier: tier.name }) : t('join.thanksJoin', { tier: tier.name }),
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
    <Page title={t('join.title')} lead={t('join.lead')}>
      <ChangeStatus of={[choose, payByCard]} />
      {paidNumber ? <Alert tone="success">{t('join.paid', { number: paidNumber })}</Alert> : null}

      {signedIn && m ? (
        <section className="panel" aria-labelledby="my-membership">
          <h2 id="my-membership">{t('join.yours')}</h2>
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
                {t('join.invoice', { number: invoice.number, amount: formats.money(invoice.amountCents) })}
              </h3>
              <p>
                {t('join.issued', {
                  description: invoice.description,
                  date: formats.date(invoice.createdAt),
                })}
              </p>
              {mine.data?.can.payByCard ? (
                <Button busy={payByCard.busy} onClick={() => payByCard.run(invoice.id)}>
                  {t('join.payByCard', { amount: formats.money(invoice.amountCents) })}
                </Button>
              ) : null}
              <p>
                {t('join.byCheck', {
                  card: mine.data?.can.payByCard ? 'yes' : 'no',
                  number: invoice.number,
                })}
              </p>
            </section>
          ))}
          {m.duesOwed && openInvoices.length === 0 ? (
            <p>{t('join.dues', { amount: money(m.duesCents), howToPay: mine.data?.howToPay ?? '' })}</p>
          ) : null}
          {mine.data?.can.useMembersPage ? (
            <p>
              <Link to="/members">{t('join.membersPage')}</Link>
            </p>
          ) : null}
          {mine.data && mine.data.payments.length > 0 ? (
            <>
              <h3>{t('join.receipts')}</h3>
              <ul className="link-list">
                {mine.data.payments.map((p) => (
                  <li key={p.id}>
                    <ReceiptLink paymentId={p.id}>
                      {t('join.receipt', {
                        number: p.receiptNumber,
                        amount: money(p.amountCents),
                        date: formats.date(p.receivedOn),
                      })}
                    </ReceiptLink>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <h2>{renewing ? t('join.renew') : t('join.choices')}</h2>
      {tiers.isPending ? <Loading what={t('join.loading')} /> : null}
      {tiers.isError ? <Alert tone="error">{errorMessage(tiers.error)}</Alert> : null}
      <ul className="cards">
        {tiers.data?.map((tier) => (
          <li key={tier.id} className="card">
            <h3>{tier.name}</h3>
            <p className="tag">{t('perYear', { amount: money(tier.annualDuesCents) })}</p>
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
                  {t('join.change', {
                    current: m.tier.name,
                    tier: tier.name,
                    amount: money(tier.annualDuesCents),
                    listing:
                      tier.includesListing === m.tier.includesListing
                        ? 'same'
                        : tier.includesListing
                          ? 'with'
                          : 'without',
                  })}
                </p>
                <Button onClick={() => pick(tier)} busy={choose.busy}>
                  {t('join.yesChange', { tier: tier.name })}
                </Button>{' '}
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  {t('join.keep', { tier: m.tier.name })}
                </Button>
              </div>
            ) : tier.can.join || tier.can.renew ? (
              <Button onClick={() => pick(tier)} busy={choose.busy}>
                {tier.can.renew
                  ? t('join.renewAs', { tier: tier.name })
                  : t('join.joinAs', { tier: tier.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {!signedIn ? (
        <p>
          <Trans
            t={t}
            i18nKey="join.signIn"
            components={{ signUp: <Link to="/sign-up" />, signIn: <Link to="/sign-in" /> }}
          />
        </p>
      ) : null}
      <p>
        <Trans t={t} i18nKey="join.card" components={{ standards: <Link to="/standards-of-conduct" /> }} />
      </p>
      <AssociationLinks />
    </Page>
  );
}
