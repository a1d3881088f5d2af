import Stripe from 'stripe';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Card payments through a hosted checkout page: Parley never sees a card number. It asks the
 * provider for a checkout page for one invoice, sends the member there, and learns that the
 * invoice was paid only from the provider's webhook, whose signature it checks with the shared
 * secret. Two providers: Stripe Checkout (the official `stripe` package), and a simulated one for
 * demos and tests that signs its events exactly as Stripe does, so the webhook path is the same.
 */
export type CheckoutRequest = {
  invoiceId: string;
  invoiceNumber: string;
  description: string;
  amountCents: number;
  email: string;
  successUrl: string;
  cancelUrl: string;
};

/** What a webhook event says about a checkout: which invoice, whether it is paid, the provider's reference. */
export type CardEvent = {
  id: string;
  type: string;
  checkoutId: string | null;
  invoiceId: string | null;
  paid: boolean;
  amountCents: number | null;
  reference: string;
};

export type CardProvider = {
  readonly id: 'stripe' | 'simulated';
  createCheckout(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** The event, if its signature is good; an AppError naming the signature otherwise. */
  readWebhook(payload: Buffer, signature: string | undefined): CardEvent;
};

const badSignature = () =>
  new AppError('VALIDATION_FAILED', 'The webhook signature does not match.', {
    fields: { 'stripe-signature': 'does not match the webhook secret' },
  });

/** Reads a Stripe-format event after checking its Stripe-Signature header. */
function readStripeEvent(
  stripe: Stripe,
  payload: Buffer,
  signature: string | undefined,
  secret: string,
): CardEvent {
  if (!signature) throw badSignature();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    throw badSignature();
  }
  const session =
    event.type.startsWith('checkout.session.') && event.data.object.object === 'checkout.session'
      ? (event.data.object as Stripe.Checkout.Session)
      : null;
  const intent = session?.payment_intent;
  return {
    id: event.id,
    type: event.type,
    checkoutId: session?.id ?? null,
    invoiceId: session?.metadata?.invoiceId ?? session?.client_reference_id ?? null,
    paid: session?.payment_status === 'paid',
    amountCents: session?.amount_total ?? null,
    reference: typeof intent === 'string' ? intent : (intent?.id ?? session?.id ?? event.id),
  };
}

/** Stripe Checkout. `fetch` is for tests, which answer with recorded responses instead of the network. */
export function stripeCardProvider(
  settings: { secretKey: string; webhookSecret: string },
  options: { fetch?: typeof fetch } = {},
): CardProvider {
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    ...(options.fetch ? { httpClient: Stripe.createFetchHttpClient(options.fetch) } : {}),
  });
  return {
    id: 'stripe',
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'usd',
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          customer_email: request.email,
          client_reference_id: request.invoiceId,
          metadata: { invoiceId: request.invoiceId, invoiceNumber: request.invoiceNumber },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        // A second click asks for the same page, not a second one.
        { idempotencyKey: `parley-invoice-${request.invoiceId}` },
      );
      if (!session.url) throw new Error('card payments: Stripe gave no checkout address');
      return { id: session.id, url: session.url };
    },
    readWebhook: (payload, signature) => readStripeEvent(stripe, payload, signature, settings.webhookSecret),
  };
}

/**
 * The stand-in for demos and tests: its "checkout page" is Parley's own /dev/checkout page, and the
 * event it sends when the person presses Pay is a Stripe-format event signed with its secret.
 */
export function simulatedCardProvider(settings: { webhookSecret: string }): CardProvider {
  const stripe = new Stripe('sk_test_simulated');
  return {
    id: 'simulated',
    async createCheckout(request) {
      const id = `cs_simulated_${request.invoiceId}`;
      return { id, url: `/dev/checkout/${encodeURIComponent(id)}` };
    },
    readWebhook: (payload, signature) => readStripeEvent(stripe, payload, signature, settings.webhookSecret),
  };
}

/** A checkout completed with the simulated provider: the event and its signature, as Stripe would send them. */
export function simulatedCompletion(
  webhookSecret: string,
  checkout: { id: string; invoiceId: string; amountCents: number },
  now: Date,
) {
  const payload = JSON.stringify({
    id: `evt_simulated_${checkout.invoiceId}_${now.getTime()}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(now.getTime() / 1000),
    data: {
      object: {
        id: checkout.id,
        object: 'checkout.session',
        client_reference_id: checkout.invoiceId,
        metadata: { invoiceId: checkout.invoiceId },
        payment_status: 'paid',
        amount_total: checkout.amountCents,
        payment_intent: `pi_simulated_${checkout.invoiceId}`,
      },
    },
  });
  const signature = new Stripe('sk_test_simulated').webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret,
  });
  return { payload, signature };
}

const providers = new WeakMap<Config, CardProvider | null>();

/** The card provider the settings choose, or null when members cannot pay by card. */
export function cardProviderFor(config: Config): CardProvider | null {
  if (!providers.has(config)) {
    const card = config.cardPayments;
    providers.set(
      config,
      card === null
        ? null
        : card.provider === 'stripe'
          ? stripeCardProvider(card)
          : simulatedCardProvider(card),
    );
  }
  return providers.get(config) ?? null;
}
