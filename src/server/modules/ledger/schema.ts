import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The kinds of account of the double-entry ledger (decision 010). Amounts are signed integer minor units: a
 * positive entry is a debit, a negative one a credit.
 * - `provider_clearing`: money received from clients, at the card provider or in the bank (debit-normal);
 * - `client_funds_held`: what we hold for a client until the order it pays for is settled (credit-normal);
 * - `platform_revenue`, `taxes_collected`, `stylist_commissions_payable` (one per stylist), `partner_payables`
 *   (one per brand house): where a settled sale goes (credit-normal);
 * - `refunds` and `payouts`: money paid back to clients and out to stylists and houses (credit-normal).
 */
export const ACCOUNT_KINDS = [
  'provider_clearing',
  'client_funds_held',
  'platform_revenue',
  'taxes_collected',
  'stylist_commissions_payable',
  'partner_payables',
  'refunds',
  'payouts',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** One account per kind, and per owner (a stylist, a brand house) for payables. */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid().primaryKey(),
    kind: text({ enum: ACCOUNT_KINDS }).notNull(),
    /** The stylist (stylists.id) or brand house (brands.id) a payable is owed to; null for the platform's own. */
    ownerId: uuid(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_accounts_kind_owner_uq').on(t.kind, t.ownerId).nullsNotDistinct(),
    check(
      'ledger_accounts_owner_check',
      sql`(${t.kind} in ('stylist_commissions_payable', 'partner_payables')) = (${t.ownerId} is not null)`,
    ),
  ],
);

/**
 * One money movement. `(kind, reference)` is unique, so posting the same movement twice (a retried job, a replayed
 * webhook) is a no-op. `relatedReference` ties a refund's reversal to the sale it reverses.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    reference: text().notNull(),
    relatedReference: text(),
    memo: text().notNull().default(''),
    actorId: uuid(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_transactions_kind_reference_uq').on(t.kind, t.reference),
    index('ledger_transactions_related_idx').on(t.relatedReference),
    index('ledger_transactions_created_idx').on(t.createdAt),
  ],
);

/**
 * The entries. A deferred constraint trigger checks at commit that each transaction's entries sum to zero per
 * currency, and another refuses any UPDATE or DELETE: a correction is a new transaction (migration 0019_ledger_invariants).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid().primaryKey(),
    transactionId: uuid()
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    currency: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ledger_entries_nonzero_check', sql`${t.amountMinor} <> 0`),
    check('ledger_entries_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_account_idx').on(t.accountId, t.createdAt),
  ],
);

/**
 * Commission rates in basis points, per stylist (their share of an attributed order's pieces, and of session fees)
 * and per brand house (the platform's commission on its pieces; the rest is payable to the house). Absent: the
 * defaults in ledger/service.ts.
 */
export const commissionRates = pgTable(
  'commission_rates',
  {
    ownerKind: text({ enum: ['stylist', 'house'] }).notNull(),
    ownerId: uuid().notNull(),
    rateBp: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid(),
  },
  (t) => [primaryKey({ columns: [t.ownerKind, t.ownerId] }), check('commission_rates_rate_check', sql`${t.rateBp} between 0 and 10000`)],
);
