/**
 * What a card payment provider does for us (decision 010). The sandbox and Stripe implement it; bank transfers need
 * no provider (staff record what arrives). Every call that moves money carries an idempotency key derived from our
 * own ids, so a retry after a crash or a timeout finds the first attempt instead of charging twice.
 */
import type { Currency } from '../../../../shared/money.ts';

/** Where a provider's payment stands, in its own words reduced to ours. */
export type IntentStatus = 'requires_action' | 'processing' | 'authorized' | 'succeeded' | 'failed' | 'canceled';

export interface ProviderIntent {
  /** The provider's id (PaymentIntent id, sandbox charge id). */
  ref: string;
  status: IntentStatus;
  amountMinor: number;
  currency: Currency;
  /** Captured so far. */
  amountCapturedMinor: number;
  amountRefundedMinor: number;
  /** Our payment id, from the metadata we attached. */
  paymentId?: string;
  /** What the client must do to finish (3-D Secure): a page of ours, or Stripe's client secret. */
  nextAction?: { type: 'redirect'; url: string } | { type: 'stripe_sdk'; clientSecret: string };
  declineCode?: string;
  message?: string;
  /** An authorization must be captured before this (Stripe's `capture_before`, about 7 days). */
  captureBefore?: Date;
  /** "Visa •••• 4242". */
  label?: string;
}

export interface ProviderRefund {
  ref: string;
  status: 'succeeded' | 'pending' | 'failed';
  amountMinor: number;
  /** Our refund id, from the metadata we attached; absent for a refund made elsewhere (a dashboard). */
  refundId?: string;
}

/** A webhook event reduced to what we act on. */
export interface ProviderEvent {
  id: string;
  type: string;
  /** The intent as the event describes it; absent for events we ignore. */
  intent?: ProviderIntent;
  /** Refunds the event lists (charge.refunded lists them all). */
  refunds?: ProviderRefund[];
  /** The provider's id of the payment an event about a charge or refund belongs to. */
  paymentRef?: string;
  /** Our payment id, when the event carries it in metadata. */
  paymentId?: string;
}

export interface AuthorizeInput {
  /** Our payment id: the idempotency key and the metadata the provider echoes back. */
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: Currency;
  paymentMethodId: string;
  description: string;
  /** Where a client returns after authenticating (3-D Secure). */
  returnUrl: string;
  /**
   * `automatic`: the provider captures as soon as the card is authorized (after 3-D Secure, if asked), in the same
   * call; `manual`: it holds the funds until `capture` (decision 015 says which payments take which).
   */
  capture: 'automatic' | 'manual';
}

export interface CardProvider {
  readonly name: 'sandbox' | 'stripe';
  /** The key the browser needs (Stripe's publishable key); none for the sandbox. */
  readonly publishableKey?: string;
  /** Creates (or, for the same paymentId, finds again) an authorization, captured at once when `capture` is automatic. */
  authorize(input: AuthorizeInput): Promise<ProviderIntent>;
  /** The intent as the provider has it now. */
  retrieve(ref: string): Promise<ProviderIntent>;
  /** The intent created for our payment, if the provider ever created one (the reconciler's question after a crash). */
  findByPaymentId(paymentId: string): Promise<ProviderIntent | undefined>;
  /**
   * The provider's payments created since `since` that hold or took money (authorized or captured): the reconciler
   * looks for ones we have no live payment for (a charge made outside the platform, a payment we gave up on).
   */
  listHoldingMoney(since: Date): Promise<ProviderIntent[]>;
  capture(ref: string, amountMinor?: number): Promise<ProviderIntent>;
  cancel(ref: string): Promise<ProviderIntent>;
  /** Refunds part of a captured payment; `refundId` is the idempotency key and metadata. */
  refund(ref: string, input: { refundId: string; amountMinor: number }): Promise<ProviderRefund>;
  /** Verifies a webhook's signature on the raw body and reduces it; throws WebhookSignatureError when forged or stale. */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderEvent;
}

export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** A provider refused the call (declined card, invalid request): a client error, not an outage. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly declineCode?: string,
  ) {
    super(message);
  }
}
