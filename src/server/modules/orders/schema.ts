import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

export const ORDER_STATES = [
  'PENDING_PAYMENT',
  'AWAITING_APPROVAL',
  'PAID',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export const orderStatus = pgEnum('order_status', ORDER_STATES);
export const DELIVERY_OPTIONS = ['INSURED_COURIER', 'WHITE_GLOVE', 'STORE_COLLECTION', 'HOTEL_DELIVERY'] as const;
export const deliveryOption = pgEnum('delivery_option', DELIVERY_OPTIONS);
export const ORDER_ACTOR_KINDS = ['CLIENT', 'ADMIN', 'SYSTEM', 'PROVIDER'] as const;
export const orderActorKind = pgEnum('order_actor_kind', ORDER_ACTOR_KINDS);

/** Human order numbers (`ZG-2026-000123`): one 64-bit sequence, never reused, gaps allowed (a rolled-back order). */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 1, increment: 1 });

/** The FX rates an order was priced with: units of the settlement currency per unit of each source currency. */
export interface StoredFx {
  settlement: string;
  /** source currency → settlement units per source unit */
  rates: Record<string, number>;
  lockedAt: string;
  validUntil: string;
}

/** A client's bag on the server: replaced whole by PUT /bag, merged with the visitor's local bag at sign-in. */
export const bags = pgTable('bags', {
  clientId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  items: jsonb().$type<Array<{ productId: string; variantId?: string; quantity: number; customizations?: string }>>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey(),
    number: text().notNull(),
    clientId: uuid()
      .notNull()
      .references(() => users.id),
    /** The stylist the order is attributed to (stylists.id): they earn a commission. */
    stylistId: uuid(),
    status: orderStatus().notNull().default('PENDING_PAYMENT'),
    currency: text().notNull(),
    itemsMinor: bigint({ mode: 'number' }).notNull(),
    deliveryMinor: bigint({ mode: 'number' }).notNull(),
    dutiesMinor: bigint({ mode: 'number' }).notNull(),
    vatMinor: bigint({ mode: 'number' }).notNull(),
    totalMinor: bigint({ mode: 'number' }).notNull(),
    /** What must be paid before the order proceeds: the total, or deposits plus the full price of the other lines. */
    dueNowMinor: bigint({ mode: 'number' }).notNull(),
    /** What payments has told us is captured so far. */
    paidMinor: bigint({ mode: 'number' }).notNull().default(0),
    fx: jsonb().$type<StoredFx>().notNull(),
    deliveryOption: deliveryOption().notNull(),
    /** Destination country (ISO 3166 alpha-2) in clear: taxes and filters need it; the address itself is sealed. */
    shipCountry: text().notNull(),
    shippingAddressEnc: text(),
    billingAddressEnc: text(),
    deliveryNoteEnc: text(),
    highValue: boolean().notNull().default(false),
    requiresApproval: boolean().notNull().default(false),
    approvedBy: uuid(),
    approvedAt: timestamp({ withTimezone: true }),
    /** An order still PENDING_PAYMENT after this is cancelled and its stock released. */
    paymentDueAt: timestamp({ withTimezone: true }),
    paymentId: text(),
    carrier: text(),
    trackingNumber: text(),
    trackingUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    index('orders_client_idx').on(t.clientId, t.id.desc()),
    index('orders_status_idx').on(t.status, t.id.desc()),
    index('orders_stylist_idx')
      .on(t.stylistId, t.id.desc())
      .where(sql`stylist_id is not null`),
    index('orders_payment_due_idx')
      .on(t.paymentDueAt)
      .where(sql`status = 'PENDING_PAYMENT'`),
    check(
      'orders_amounts_check',
      sql`${t.itemsMinor} >= 0 and ${t.deliveryMinor} >= 0 and ${t.dutiesMinor} >= 0 and ${t.vatMinor} >= 0 and ${t.paidMinor} >= 0
        and ${t.totalMinor} = ${t.itemsMinor} + ${t.deliveryMinor} + ${t.dutiesMinor} + ${t.vatMinor}
        and ${t.dueNowMinor} between 0 and ${t.totalMinor}`,
    ),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: smallint().notNull(),
    productId: uuid().notNull(),
    variantId: uuid().notNull(),
    /** The house that made the piece (brands.id), for partner payables. */
    brandId: uuid().notNull(),
    brandIsPartner: boolean().notNull(),
    /** What the client saw when ordering, kept even if the product is renamed or removed later. */
    name: text().notNull(),
    brandName: text().notNull(),
    sku: text().notNull(),
    color: text(),
    size: text(),
    imageUrl: text(),
    quantity: integer().notNull(),
    /** In the order's settlement currency. */
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    totalMinor: bigint({ mode: 'number' }).notNull(),
    /** The product's own price and currency at the moment of ordering. */
    sourcePriceMinor: bigint({ mode: 'number' }).notNull(),
    sourceCurrency: text().notNull(),
    depositPercent: smallint(),
    depositMinor: bigint({ mode: 'number' }),
    customizations: text(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId, t.position),
    check('order_items_quantity_check', sql`${t.quantity} between 1 and 99`),
    check('order_items_total_check', sql`${t.totalMinor} = ${t.unitPriceMinor} * ${t.quantity}`),
  ],
);

/** Every state change of an order, who made it and why: the timeline clients and staff read. Only appended. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fromStatus: orderStatus(),
    toStatus: orderStatus().notNull(),
    /** Not a state change: APPROVED, TRACKING_UPDATED, ADDRESS_CHANGED… (toStatus stays the current one). */
    note: text(),
    actorKind: orderActorKind().notNull(),
    actorId: uuid(),
    reason: text(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/** A client's saved addresses, sealed (decision 003); the country stays readable for the address list. */
export const savedAddresses = pgTable(
  'saved_addresses',
  {
    id: uuid().primaryKey(),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    country: text().notNull(),
    addressEnc: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_addresses_client_idx').on(t.clientId, t.createdAt)],
);

/** Duties and VAT by destination country, in basis points; the house office edits them. */
export const taxRates = pgTable(
  'tax_rates',
  {
    country: text().primaryKey(),
    vatBps: integer().notNull(),
    dutyBps: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid(),
  },
  (t) => [
    check(
      'tax_rates_bounds_check',
      sql`${t.vatBps} between 0 and 10000 and ${t.dutyBps} between 0 and 10000 and ${t.country} ~ '^[A-Z]{2}$'`,
    ),
  ],
);

/** Pieces sold on enquiry or made to order that may be ordered against a deposit: the percentage due at ordering. */
export const depositRules = pgTable(
  'deposit_rules',
  {
    productId: uuid().primaryKey(),
    percent: smallint().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid(),
  },
  (t) => [check('deposit_rules_percent_check', sql`${t.percent} between 1 and 100`)],
);
