/**
 * The Stripe card provider: PaymentIntents, captured at authorization for an ordinary order and with manual capture
 * (a hold, captured when the order may be paid) otherwise (decision 015), card details collected by Stripe's Payment Element in the browser (we only ever see a PaymentMethod id), webhooks
 * verified on the raw body with a 300-second tolerance. Every call carries an idempotency key made of our own ids.
 */
import Stripe from 'stripe';
import type { Currency } from '../../../../shared/money.ts';
import {
  ProviderError,
  WebhookSignatureError,
  type AuthorizeInput,
  type CardProvider,
  type ProviderEvent,
  type ProviderIntent,
  type ProviderRefund,
} from './types.ts';

/** Stripe's webhook tolerance: a signed timestamp older than this is refused (replays of captured deliveries). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeSettings {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Another address for Stripe's API (a local fake in tests): its protocol, host and port are used. */
  apiUrl?: string;
}

type Intent = Stripe.PaymentIntent;
type Charge = Stripe.Charge;

function chargeOf(pi: Intent): Charge | undefined {
  return pi.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : undefined;
}

function intentOf(pi: Intent): ProviderIntent {
  const charge = chargeOf(pi);
  const card = charge?.payment_method_details?.card;
  const status: ProviderIntent['status'] =
    pi.status === 'requires_capture'
      ? 'authorized'
      : pi.status === 'succeeded'
        ? 'succeeded'
        : pi.status === 'canceled'
          ? 'canceled'
          : pi.status === 'processing'
            ? 'processing'
            : pi.status === 'requires_action' || pi.status === 'requires_confirmation'
              ? 'requires_action'
              : // requires_payment_method after an attempt: that attempt failed.
                pi.last_payment_error
                ? 'failed'
                : 'requires_action';
  const error = pi.last_payment_error;
  return {
    ref: pi.id,
    status,
    amountMinor: pi.amount,
    currency: pi.currency.toUpperCase() as Currency,
    amountCapturedMinor: pi.amount_received ?? 0,
    amountRefundedMinor: charge?.amount_refunded ?? 0,
    ...(pi.metadata?.paymentId ? { paymentId: pi.metadata.paymentId } : {}),
    ...(status === 'requires_action' && pi.client_secret
      ? { nextAction: { type: 'stripe_sdk' as const, clientSecret: pi.client_secret } }
      : {}),
    ...(status === 'failed' && error
      ? { declineCode: error.decline_code ?? error.code ?? 'card_declined', message: error.message ?? 'Your card was declined.' }
      : {}),
    ...(card?.capture_before ? { captureBefore: new Date(card.capture_before * 1000) } : {}),
    ...(card
      ? { label: `${card.brand ? card.brand.charAt(0).toUpperCase() + card.brand.slice(1) : 'Card'} •••• ${card.last4 ?? ''}`.trim() }
      : {}),
  };
}

function refundOf(r: Stripe.Refund): ProviderRefund {
  return {
    ref: r.id,
    status: r.status === 'succeeded' ? 'succeeded' : r.status === 'failed' || r.status === 'canceled' ? 'failed' : 'pending',
    amountMinor: r.amount,
    ...(r.metadata?.refundId ? { refundId: r.metadata.refundId } : {}),
  };
}

/** Stripe's refusals (a declined card, an invalid request) become ProviderError; outages stay errors (retried). */
function translate(err: unknown): never {
  if (err instanceof Stripe.errors.StripeCardError) throw new ProviderError(err.message, err.decline_code ?? err.code ?? 'card_declined');
  if (err instanceof Stripe.errors.StripeInvalidRequestError) throw new ProviderError(err.message, err.code ?? 'invalid_request');
  throw err;
}

export function createStripeProvider(settings: StripeSettings): CardProvider {
  const url = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === 'https:' ? 443 : 80),
          protocol: url.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
  const retrieve = async (ref: string) => intentOf(await stripe.paymentIntents.retrieve(ref, { expand: ['latest_charge'] }));

  return {
    name: 'stripe',
    publishableKey: settings.publishableKey,
    async authorize(input: AuthorizeInput) {
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount: input.amountMinor,
            currency: input.currency.toLowerCase(),
            payment_method: input.paymentMethodId,
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            capture_method: input.capture,
            confirm: true,
            description: input.description,
            metadata: { paymentId: input.paymentId, orderId: input.orderId },
            expand: ['latest_charge'],
          },
          { idempotencyKey: `pay_${input.paymentId}` },
        );
        return intentOf(pi);
      } catch (err) {
        // A declined card still made an intent: report it as failed with Stripe's reason.
        if (err instanceof Stripe.errors.StripeCardError && err.payment_intent) return intentOf(err.payment_intent as Intent);
        return translate(err);
      }
    },
    retrieve,
    async findByPaymentId(paymentId) {
      const found = await stripe.paymentIntents.search({
        query: `metadata['paymentId']:'${paymentId.replace(/[^0-9a-f-]/gi, '')}'`,
        limit: 1,
      });
      return found.data[0] ? retrieve(found.data[0].id) : undefined;
    },
    async listHoldingMoney(since) {
      const out: ProviderIntent[] = [];
      // Auto-pagination walks every page; capped so one run stays bounded (the next run sees the rest).
      for await (const pi of stripe.paymentIntents.list({
        created: { gte: Math.floor(since.getTime() / 1000) },
        limit: 100,
        expand: ['data.latest_charge'],
      })) {
        if (pi.status === 'requires_capture' || pi.status === 'succeeded') out.push(intentOf(pi));
        if (out.length >= 5_000) break;
      }
      return out;
    },
    async capture(ref, amountMinor) {
      try {
        const pi = await stripe.paymentIntents.capture(
          ref,
          { ...(amountMinor ? { amount_to_capture: amountMinor } : {}), expand: ['latest_charge'] },
          { idempotencyKey: `capture_${ref}` },
        );
        return intentOf(pi);
      } catch (err) {
        return translate(err);
      }
    },
    async cancel(ref) {
      try {
        return intentOf(await stripe.paymentIntents.cancel(ref, {}, { idempotencyKey: `cancel_${ref}` }));
      } catch (err) {
        return translate(err);
      }
    },
    async refund(ref, input) {
      try {
        const r = await stripe.refunds.create(
          { payment_intent: ref, amount: input.amountMinor, metadata: { refundId: input.refundId } },
          { idempotencyKey: `refund_${input.refundId}` },
        );
        return refundOf(r);
      } catch (err) {
        return translate(err);
      }
    },
    parseWebhook(rawBody, headers) {
      const signature = headers['stripe-signature'];
      if (typeof signature !== 'string') throw new WebhookSignatureError('No Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch (err) {
        throw new WebhookSignatureError(err instanceof Error ? err.message : 'Invalid signature');
      }
      const object = event.data.object as { object?: string };
      if (object.object === 'payment_intent') return { id: event.id, type: event.type, intent: intentOf(object as Intent) };
      if (object.object === 'charge') {
        const charge = object as Charge;
        const refunds = charge.refunds?.data?.map(refundOf) ?? [];
        return {
          id: event.id,
          type: event.type,
          paymentRef: typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id,
          ...(charge.metadata?.paymentId ? { paymentId: charge.metadata.paymentId } : {}),
          refunds,
        };
      }
      if (object.object === 'refund') {
        const r = object as Stripe.Refund;
        return {
          id: event.id,
          type: event.type,
          paymentRef: typeof r.payment_intent === 'string' ? r.payment_intent : r.payment_intent?.id,
          refunds: [refundOf(r)],
        };
      }
      return { id: event.id, type: event.type } satisfies ProviderEvent;
    },
  };
}
