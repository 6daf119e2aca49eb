import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The spec's PaymentStatus. */
export const PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'AUTHORIZED',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Statuses in which a payment holds or has taken the client's money (at most one per order). */
export const LIVE_STATUSES = ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;

export const PROVIDERS = ['sandbox', 'stripe', 'bank_transfer'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
/** What a payment pays: the order (its total, or its deposits), or the balance of an order placed against a deposit. */
export const PAYMENT_PURPOSES = ['ORDER', 'BALANCE'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/**
 * One payment of one order. Amounts are integer minor units of `currency`. `captured_minor` is what was taken,
 * `refund_reserved_minor` what refunds asked for (a conditional update keeps it ≤ captured: two admins can never
 * refund more than was paid), `refunded_minor` what refunds actually returned.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey(),
    orderId: uuid().notNull(),
    clientId: uuid().notNull(),
    provider: text({ enum: PROVIDERS }).notNull(),
    purpose: text({ enum: PAYMENT_PURPOSES }).notNull().default('ORDER'),
    status: text({ enum: PAYMENT_STATUSES }).notNull().default('PENDING'),
    currency: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    capturedMinor: bigint({ mode: 'number' }).notNull().default(0),
    refundReservedMinor: bigint({ mode: 'number' }).notNull().default(0),
    refundedMinor: bigint({ mode: 'number' }).notNull().default(0),
    /** Bank transfers: the sum of the receipts staff recorded. */
    receivedMinor: bigint({ mode: 'number' }).notNull().default(0),
    /** What the client chose (a provider token such as pm_…, or `bank_transfer`); never card data. */
    paymentMethodId: text().notNull(),
    methodLabel: text().notNull().default(''),
    /** The provider's id for this payment (PaymentIntent, sandbox charge); null until the provider answered. */
    providerRef: text(),
    /** Bank transfers: the reference the client puts on the wire. */
    bankReference: text(),
    declineCode: text(),
    failureMessage: text(),
    /** The URL or client secret a client needs to finish authentication (3-D Secure). */
    nextAction: jsonb().$type<Record<string, string>>(),
    authorizedAt: timestamp({ withTimezone: true }),
    authorizationExpiresAt: timestamp({ withTimezone: true }),
    capturedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live payment per order and purpose (the order, then its balance): a second charge cannot even be recorded.
    uniqueIndex('payments_one_live_per_order_uq')
      .on(t.orderId, t.purpose)
      .where(sql`${t.status} in ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')`),
    uniqueIndex('payments_provider_ref_uq').on(t.provider, t.providerRef),
    uniqueIndex('payments_bank_reference_uq').on(t.bankReference),
    index('payments_client_idx').on(t.clientId, t.createdAt),
    index('payments_status_idx').on(t.status, t.updatedAt),
    // Every payment of an order, whatever its status (the order page's summary, receipts, the stale-order sweep): the
    // live-payment index above leaves failed and cancelled ones out, and these reads scanned the table.
    index('payments_order_idx').on(t.orderId, t.createdAt),
    check(
      'payments_amounts_check',
      sql`${t.amountMinor} > 0 and ${t.capturedMinor} between 0 and ${t.amountMinor} and ${t.refundedMinor} between 0 and ${t.refundReservedMinor} and ${t.refundReservedMinor} <= ${t.capturedMinor} and ${t.receivedMinor} >= 0`,
    ),
    check('payments_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const REFUND_STATUSES = ['AWAITING_APPROVAL', 'PENDING', 'SUCCEEDED', 'FAILED', 'REJECTED'] as const;
export type RefundRowStatus = (typeof REFUND_STATUSES)[number];
/** Ours (an admin asked here) or the provider's (made elsewhere, reported to us). */
export const REFUND_ORIGINS = ['platform', 'provider'] as const;

/**
 * Refunds of a payment. `origin` tells ours (an admin asked) from one the provider reported that nobody asked here
 * (a refund made in the Stripe dashboard); the echo of ours is matched by `provider_ref` or our id in its metadata.
 */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid().primaryKey(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    status: text({ enum: REFUND_STATUSES }).notNull(),
    origin: text({ enum: REFUND_ORIGINS }).notNull().default('platform'),
    reason: text().notNull().default(''),
    requestedBy: uuid(),
    approvedBy: uuid(),
    providerRef: text(),
    failureMessage: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_refunds_payment_idx').on(t.paymentId),
    index('payment_refunds_status_idx').on(t.status, t.updatedAt),
    uniqueIndex('payment_refunds_provider_ref_uq').on(t.providerRef),
    check('payment_refunds_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

/** Bank-transfer receipts staff recorded; the payment is paid when they add up to its amount. */
export const bankTransferReceipts = pgTable(
  'bank_transfer_receipts',
  {
    id: uuid().primaryKey(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    note: text().notNull().default(''),
    recordedBy: uuid().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bank_transfer_receipts_payment_idx').on(t.paymentId),
    check('bank_transfer_receipts_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * The sandbox provider's own book: it stands for the outside world (Stripe's servers), so it lives apart from our
 * payments and survives a crash of ours. Keyed by the idempotency key we send, like Stripe's Idempotency-Key.
 */
export const sandboxCharges = pgTable(
  'sandbox_charges',
  {
    id: text().primaryKey(),
    idempotencyKey: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    card: text().notNull(),
    status: text({ enum: ['requires_action', 'requires_capture', 'succeeded', 'canceled', 'failed'] }).notNull(),
    declineCode: text(),
    amountRefundedMinor: bigint({ mode: 'number' }).notNull().default(0),
    /** Our payment id and anything else we attach, as Stripe's metadata. */
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    challenge: text(),
    captureBefore: timestamp({ withTimezone: true }),
    /** Stripe's `capture_method`: `automatic` captures as soon as the card is authorized (after 3-D Secure, if asked). */
    captureMethod: text({ enum: ['automatic', 'manual'] })
      .notNull()
      .default('manual'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_charges_idempotency_uq').on(t.idempotencyKey)],
);

export const sandboxRefunds = pgTable(
  'sandbox_refunds',
  {
    id: text().primaryKey(),
    idempotencyKey: text().notNull(),
    chargeId: text()
      .notNull()
      .references(() => sandboxCharges.id),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_refunds_idempotency_uq').on(t.idempotencyKey)],
);

/** What the reconciler found and could not repair by itself, for the house office. */
export const paymentExceptions = pgTable(
  'payment_exceptions',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    paymentId: uuid(),
    orderId: uuid(),
    message: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurrences: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid(),
  },
  (t) => [
    uniqueIndex('payment_exceptions_open_uq')
      .on(t.kind, t.paymentId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);
