import { useNavigate, useParams } from 'react-router';
import * as membershipPayments from '../../../contracts/membership-payments.ts';
import { dollars } from '../../../domain/membership.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/query.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

/**
 * /dev/checkout/:checkoutId: the simulated card provider's checkout page (demos and tests only).
 * "Pay" sends the provider's signed event to Parley's webhook, as a real provider would.
 */
export function CheckoutPage() {
  const { checkoutId = '' } = useParams();
  const navigate = useNavigate();
  const invoice = useRead(['dev-checkout', checkoutId], membershipPayments.getSimulatedCheckout, {
    params: { checkoutId },
  });
  const pay = useChange(() => call(membershipPayments.paySimulatedCheckout, { params: { checkoutId } }), {
    onSuccess: (r) => navigate(`/association?paid=${encodeURIComponent(r.invoiceNumber)}`),
  });
  return (
    <Page
      title="Simulated card payment"
      lead="This page stands in for the card provider's secure checkout in a demonstration. No card is charged."
    >
      <ChangeStatus of={pay} />
      {invoice.isPending ? <Loading what="Loading the checkout" /> : null}
      {invoice.isError ? <Alert tone="error">{errorMessage(invoice.error)}</Alert> : null}
      {invoice.data ? (
        <section className="panel" aria-labelledby="checkout-what">
          <h2 id="checkout-what">
            {invoice.data.description}: {dollars(invoice.data.amountCents)}
          </h2>
          <p>Invoice {invoice.data.number}, to the Association of Missouri Mediators.</p>
          {invoice.data.status === 'open' ? (
            <Button busy={pay.busy} onClick={() => pay.run()}>
              Pay {dollars(invoice.data.amountCents)}
            </Button>
          ) : (
            <p>This invoice is {invoice.data.status === 'paid' ? 'paid' : 'no longer open'}.</p>
          )}
        </section>
      ) : null}
    </Page>
  );
}
