/**
 * The double-entry ledger (decision 010): every money movement is one transaction whose entries sum to zero per
 * currency (the database refuses a commit otherwise), entries are never changed, and posting the same movement
 * twice is a no-op. Amounts are signed integer minor units: positive = debit, negative = credit.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { preparedRows, queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { isCurrency, type Currency } from '../../../shared/money.ts';
import { allocate, applyRate } from './allocate.ts';
import { commissionRates, ledgerEntries, ledgerTransactions, type AccountKind } from './schema.ts';

export type { AccountKind } from './schema.ts';
export { allocate, applyRate } from './allocate.ts';

/** The platform's commission on a house's pieces when no rate was set for the house (25 %). */
export const DEFAULT_HOUSE_COMMISSION_BP = 2_500;
/** A stylist's share of the pieces of an order attributed to them, and of their session fees, by default (10 %). */
export const DEFAULT_STYLIST_COMMISSION_BP = 1_000;

export interface AccountRef {
  kind: AccountKind;
  /** A stylist's or a house's id for payables; absent for the platform's own accounts. */
  ownerId?: string | null;
}

export interface EntryInput {
  account: AccountRef;
  currency: Currency;
  /** Positive: debit. Negative: credit. Zero entries are dropped. */
  amountMinor: number;
}

export interface PostInput {
  /** `payment.captured`, `sale`, `refund`, `bank.receipt`, `payout`… */
  kind: string;
  /** What the movement is about (a payment, refund or receipt id): `(kind, reference)` is posted once. */
  reference: string;
  relatedReference?: string;
  memo: string;
  actorId?: string | null;
  details?: Record<string, unknown>;
  entries: EntryInput[];
}

const NAMES: Record<AccountKind, string> = {
  provider_clearing: 'Received from clients (card provider and bank)',
  client_funds_held: 'Client funds held',
  platform_revenue: 'Platform revenue',
  taxes_collected: 'Taxes and duties collected',
  stylist_commissions_payable: 'Stylist commissions payable',
  partner_payables: 'Brand-partner payables',
  refunds: 'Refunds paid',
  payouts: 'Payouts made',
};

/** Accounts have deterministic ids, so posting needs no lookup: the same (kind, owner) is always the same row. */
export function accountId(ref: AccountRef): string {
  const h = createHash('sha256')
    .update(`ledger-account:${ref.kind}:${ref.ownerId ?? ''}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Posts one movement in the caller's transaction. Returns false when `(kind, reference)` was posted before (a retry):
 * nothing is written then. Unbalanced entries are refused here with a clear error, and by the database at commit.
 */
export async function post(tx: Db, input: PostInput): Promise<boolean> {
  return (await postAll(tx, [input]))[0]!;
}

const ph = (name: string) => sql.placeholder(name);
const postAllStatement = preparedRows<{ id: string }>(
  'ledger_post_all',
  sql`with t as (
        insert into ledger_transactions (id, kind, reference, related_reference, memo, actor_id, details)
        select id, kind, reference, related_reference, memo, actor_id, details::jsonb
          from unnest(${ph('tId')}::uuid[], ${ph('tKind')}::text[], ${ph('tReference')}::text[], ${ph('tRelated')}::text[],
                      ${ph('tMemo')}::text[], ${ph('tActor')}::uuid[], ${ph('tDetails')}::text[])
            as v (id, kind, reference, related_reference, memo, actor_id, details)
        on conflict do nothing
        returning id
      ), a as (
        insert into ledger_accounts (id, kind, owner_id, name)
        select * from unnest(${ph('aId')}::uuid[], ${ph('aKind')}::text[], ${ph('aOwner')}::uuid[], ${ph('aName')}::text[])
        on conflict do nothing
      ), e as (
        insert into ledger_entries (id, transaction_id, account_id, currency, amount_minor)
        select v.id, v.transaction_id, v.account_id, v.currency, v.amount_minor
          from unnest(${ph('eId')}::uuid[], ${ph('eTransaction')}::uuid[], ${ph('eAccount')}::uuid[], ${ph('eCurrency')}::text[],
                      ${ph('eAmount')}::bigint[]) as v (id, transaction_id, account_id, currency, amount_minor)
          join t on t.id = v.transaction_id
      )
      select id from t`,
);

/**
 * Posts several movements in one statement (a checkout's receipt and sale): each is written once, or skipped when
 * `(kind, reference)` was posted before, exactly as `post` would one after the other. Answers, per input, whether it
 * was written now.
 */
export async function postAll(tx: Db, inputs: readonly PostInput[]): Promise<boolean[]> {
  const prepared = inputs.map((input) => ({ input, id: uuidv7(), entries: balancedEntries(input) }));
  const writing = prepared.filter((p) => p.entries.length > 0);
  if (writing.length === 0) return inputs.map(() => false);
  const accounts = new Map(writing.flatMap((p) => p.entries.map((e) => [accountId(e.account), e.account] as const)));
  const entries = writing.flatMap(({ id, entries }) => entries.map((e) => ({ transactionId: id, entry: e })));
  // One statement: the transactions that are new (a conflict on (kind, reference) returns no id), the accounts they
  // name, and the entries of the new transactions only. Foreign keys and the deferred balance check still apply.
  // Columns travel as arrays, so the text is the same for any number of movements: prepared by name.
  const rows = await postAllStatement(tx, {
    tId: writing.map((w) => w.id),
    tKind: writing.map((w) => w.input.kind),
    tReference: writing.map((w) => w.input.reference),
    tRelated: writing.map((w) => w.input.relatedReference ?? null),
    tMemo: writing.map((w) => w.input.memo),
    tActor: writing.map((w) => w.input.actorId ?? null),
    tDetails: writing.map((w) => JSON.stringify(w.input.details ?? {})),
    aId: [...accounts.keys()],
    aKind: [...accounts.values()].map((a) => a.kind),
    aOwner: [...accounts.values()].map((a) => a.ownerId ?? null),
    aName: [...accounts.values()].map((a) => NAMES[a.kind]),
    eId: entries.map(() => uuidv7()),
    eTransaction: entries.map((e) => e.transactionId),
    eAccount: entries.map((e) => accountId(e.entry.account)),
    eCurrency: entries.map((e) => e.entry.currency),
    eAmount: entries.map((e) => e.entry.amountMinor),
  });
  const written = new Set(rows.map((r) => r.id));
  return prepared.map((p) => written.has(p.id));
}

/** The non-zero entries of a movement, checked: whole minor units, known currencies, zero net per currency. */
function balancedEntries(input: PostInput): EntryInput[] {
  const entries = input.entries.filter((e) => e.amountMinor !== 0);
  const sums = new Map<string, number>();
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amountMinor)) throw new Error(`Ledger amounts are whole minor units (got ${e.amountMinor})`);
    if (!isCurrency(e.currency)) throw new Error(`Unknown currency ${e.currency}`);
    sums.set(e.currency, (sums.get(e.currency) ?? 0) + e.amountMinor);
  }
  for (const [currency, total] of sums)
    if (total !== 0) throw new Error(`Ledger transaction ${input.kind} ${input.reference} does not balance: ${total} ${currency}`);
  return entries;
}

// ───────────────────────────── rates ─────────────────────────────

export type RateOwner = 'stylist' | 'house';

/** Commission rates in basis points for these owners, defaults filled in. */
export async function ratesFor(db: Db, ownerKind: RateOwner, ownerIds: string[]): Promise<Map<string, number>> {
  const fallback = ownerKind === 'stylist' ? DEFAULT_STYLIST_COMMISSION_BP : DEFAULT_HOUSE_COMMISSION_BP;
  const out = new Map(ownerIds.map((id) => [id, fallback]));
  if (ownerIds.length === 0) return out;
  const rows = await db
    .select({ ownerId: commissionRates.ownerId, rateBp: commissionRates.rateBp })
    .from(commissionRates)
    .where(and(eq(commissionRates.ownerKind, ownerKind), inArray(commissionRates.ownerId, ownerIds)));
  for (const r of rows) out.set(r.ownerId, r.rateBp);
  return out;
}

/** The houses' rates and the stylist's (0 without a stylist) for one sale, defaults filled in. */
export interface SaleRates {
  /** Whom the rates were read for: a sale of other houses or another stylist reads its own. */
  brandIds: readonly string[];
  stylistId: string | null;
  houses: Map<string, number>;
  stylist: number;
}

/** One row of `saleRatesQuery`: whose rate, and the rate in basis points. */
export type RateTuple = [RateOwner, string, number];

/**
 * The rates of these houses and this stylist as a scalar query (a JSON array), for a caller to read in a statement of
 * its own and hand to `saleRatesOf`: a checkout reads them with the write that precedes its sale, not in a round trip
 * of their own.
 */
export function saleRatesQuery(brandIds: readonly string[], stylistId: string | null): SQL {
  const wanted = [...brandIds.map((id) => sql`('house', ${id}::uuid)`), ...(stylistId ? [sql`('stylist', ${stylistId}::uuid)`] : [])];
  if (wanted.length === 0) return sql`'[]'::json`;
  return sql`(select coalesce(json_agg(json_build_array(owner_kind, owner_id, rate_bp)), '[]'::json)
                from commission_rates where (owner_kind, owner_id) in (${sql.join(wanted, sql`, `)}))`;
}

/**
 * `saleRatesQuery` for a statement prepared by name: the houses and the stylist are the placeholders `<prefix>Houses`
 * (an array) and `<prefix>Stylist` (or null), which `saleRatesValues` fills.
 */
export function saleRatesPreparedQuery(prefix: string): SQL {
  return sql`(select coalesce(json_agg(json_build_array(owner_kind, owner_id, rate_bp)), '[]'::json)
                from commission_rates
               where (owner_kind = 'house' and owner_id = any(${sql.placeholder(`${prefix}Houses`)}::uuid[]))
                  or (owner_kind = 'stylist' and owner_id = ${sql.placeholder(`${prefix}Stylist`)}::uuid))`;
}

export function saleRatesValues(prefix: string, brandIds: readonly string[], stylistId: string | null): Record<string, unknown> {
  return { [`${prefix}Houses`]: [...brandIds], [`${prefix}Stylist`]: stylistId };
}

/** What `saleRatesQuery` answered, defaults filled in. */
export function saleRatesOf(brandIds: readonly string[], stylistId: string | null, rows: readonly RateTuple[]): SaleRates {
  const houses = new Map(brandIds.map((id) => [id, DEFAULT_HOUSE_COMMISSION_BP]));
  let stylist = stylistId ? DEFAULT_STYLIST_COMMISSION_BP : 0;
  for (const [kind, ownerId, rateBp] of rows) {
    if (kind === 'house') houses.set(ownerId, rateBp);
    else if (ownerId === stylistId) stylist = rateBp;
  }
  return { brandIds, stylistId, houses, stylist };
}

async function saleRates(db: Db, brandIds: string[], stylistId: string | null): Promise<SaleRates> {
  const [row] = await queryRows<{ rates: RateTuple[] }>(db, sql`select ${saleRatesQuery(brandIds, stylistId)} as rates`);
  return saleRatesOf(brandIds, stylistId, row?.rates ?? []);
}

/** Sets a stylist's or a house's commission rate (admins; audited by the caller). */
export async function setRate(db: Db, ownerKind: RateOwner, ownerId: string, rateBp: number, actorId: string): Promise<void> {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new ApiError('ValidationException', 'rateBp: a rate in basis points, 0 to 10000', {
      fieldErrors: { 'body.rateBp': ['A rate in basis points, 0 to 10000'] },
    });
  }
  await db
    .insert(commissionRates)
    .values({ ownerKind, ownerId, rateBp, updatedBy: actorId })
    .onConflictDoUpdate({
      target: [commissionRates.ownerKind, commissionRates.ownerId],
      set: { rateBp, updatedBy: actorId, updatedAt: new Date() },
    });
}

// ───────────────────────────── sales and refunds ─────────────────────────────

export interface SaleInput {
  /** The payment the sale is settled from: the sale is posted once per payment. */
  paymentId: string;
  orderId: string;
  currency: Currency;
  totalMinor: number;
  taxMinor: number;
  deliveryMinor: number;
  lines: ReadonlyArray<{ brandId: string; amountMinor: number }>;
  stylistId: string | null;
  actorId?: string | null;
}

/** How a sale divides: what each house is owed, the stylist's commission, taxes and the platform's part. */
export interface SaleSplit {
  partners: Array<{ brandId: string; amountMinor: number }>;
  stylistMinor: number;
  taxMinor: number;
  platformMinor: number;
}

/**
 * Divides a sale. Per house: its pieces minus the platform's commission at the house's rate. The stylist's commission
 * (their rate on the pieces) comes out of the platform's part and never exceeds it; delivery is the platform's.
 */
export async function splitSale(db: Db, sale: SaleInput, known?: SaleRates): Promise<SaleSplit> {
  const byBrand = new Map<string, number>();
  for (const l of sale.lines) byBrand.set(l.brandId, (byBrand.get(l.brandId) ?? 0) + l.amountMinor);
  const items = [...byBrand.values()].reduce((a, b) => a + b, 0);
  if (items + sale.taxMinor + sale.deliveryMinor !== sale.totalMinor) {
    throw new Error(
      `Order ${sale.orderId}: pieces ${items} + tax ${sale.taxMinor} + delivery ${sale.deliveryMinor} ≠ total ${sale.totalMinor}`,
    );
  }
  const brandIds = [...byBrand.keys()];
  const { houses: houseRates, stylist: stylistRate } =
    known && known.stylistId === sale.stylistId && brandIds.every((id) => known.houses.has(id))
      ? known
      : await saleRates(db, brandIds, sale.stylistId);
  let platformCut = 0;
  const partners = [...byBrand].map(([brandId, gross]) => {
    const cut = applyRate(gross, houseRates.get(brandId)!);
    platformCut += cut;
    return { brandId, amountMinor: gross - cut };
  });
  const stylistMinor = Math.min(applyRate(items, stylistRate), platformCut);
  return { partners, stylistMinor, taxMinor: sale.taxMinor, platformMinor: platformCut - stylistMinor + sale.deliveryMinor };
}

export interface ReceiptInput {
  kind: 'payment.captured' | 'bank.receipt';
  reference: string;
  paymentId: string;
  currency: Currency;
  amountMinor: number;
  actorId?: string | null;
}

/** Money received for a payment (card capture or a bank receipt): from the provider into client funds held. */
function receiptMovement(input: ReceiptInput): PostInput {
  return {
    kind: input.kind,
    reference: input.reference,
    relatedReference: input.paymentId,
    memo: input.kind === 'bank.receipt' ? 'Bank transfer received' : 'Card payment captured',
    actorId: input.actorId,
    entries: [
      { account: { kind: 'provider_clearing' }, currency: input.currency, amountMinor: input.amountMinor },
      { account: { kind: 'client_funds_held' }, currency: input.currency, amountMinor: -input.amountMinor },
    ],
  };
}

/** A paid order settled: client funds held → houses, stylist, taxes, platform. */
function saleMovement(sale: SaleInput, split: SaleSplit): PostInput {
  const c = sale.currency;
  return {
    kind: 'sale',
    reference: sale.paymentId,
    relatedReference: sale.orderId,
    memo: 'Order settled',
    actorId: sale.actorId,
    details: { orderId: sale.orderId, stylistId: sale.stylistId },
    entries: [
      { account: { kind: 'client_funds_held' }, currency: c, amountMinor: sale.totalMinor },
      ...split.partners.map((p) => ({
        account: { kind: 'partner_payables' as const, ownerId: p.brandId },
        currency: c,
        amountMinor: -p.amountMinor,
      })),
      ...(sale.stylistId
        ? [
            {
              account: { kind: 'stylist_commissions_payable' as const, ownerId: sale.stylistId },
              currency: c,
              amountMinor: -split.stylistMinor,
            },
          ]
        : []),
      { account: { kind: 'taxes_collected' }, currency: c, amountMinor: -split.taxMinor },
      { account: { kind: 'platform_revenue' }, currency: c, amountMinor: -split.platformMinor },
    ],
  };
}

/** Posts money received for a payment. Posted once per `(kind, reference)`. */
export async function postReceipt(tx: Db, input: ReceiptInput): Promise<boolean> {
  return post(tx, receiptMovement(input));
}

/** Settles a paid order: client funds held → houses, stylist, taxes, platform. Posted once per payment. */
export async function postSale(tx: Db, sale: SaleInput): Promise<boolean> {
  return post(tx, saleMovement(sale, await splitSale(tx, sale)));
}

/**
 * A card capture that pays the whole order: its receipt and its sale, in one statement. `rates`: the commission rates
 * the caller read ahead (`saleRatesQuery`), used when they are the sale's houses' and stylist's.
 */
export async function postReceiptAndSale(
  tx: Db,
  receipt: ReceiptInput,
  sale: SaleInput,
  rates?: SaleRates,
): Promise<{ receipt: boolean; sale: boolean }> {
  const [r, s] = await postAll(tx, [receiptMovement(receipt), saleMovement(sale, await splitSale(tx, sale, rates))]);
  return { receipt: r!, sale: s! };
}

interface EntryRow {
  account_id: string;
  kind: AccountKind;
  owner_id: string | null;
  currency: Currency;
  amount: number;
}

/**
 * A refund's reversal: what was paid back to the client comes back from every part of the sale in the same
 * proportion. Exact over several partial refunds: the cumulative refunded sum is allocated afresh and each refund
 * posts the difference, so a payment refunded in full reverses its sale to the last minor unit. Before a sale was
 * settled (money received, order not yet paid) the money simply leaves client funds held.
 */
export async function postRefund(
  tx: Db,
  input: { refundId: string; paymentId: string; currency: Currency; amountMinor: number; actorId?: string | null },
): Promise<boolean> {
  const sale = await queryRows<EntryRow>(
    tx,
    sql`select e.account_id, a.kind, a.owner_id, e.currency, e.amount_minor::bigint as amount
          from ledger_entries e join ledger_transactions t on t.id = e.transaction_id join ledger_accounts a on a.id = e.account_id
         where t.kind = 'sale' and t.reference = ${input.paymentId} and e.amount_minor < 0 order by e.id`,
  );
  const c = input.currency;
  const entries: EntryInput[] = [{ account: { kind: 'refunds' }, currency: c, amountMinor: -input.amountMinor }];
  if (sale.length === 0) {
    entries.push({ account: { kind: 'client_funds_held' }, currency: c, amountMinor: input.amountMinor });
  } else {
    const before = await queryRows<{ account_id: string; amount: number }>(
      tx,
      sql`select e.account_id, sum(e.amount_minor)::bigint as amount
            from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
           where t.kind = 'refund' and t.related_reference = ${input.paymentId} and e.account_id <> ${accountId({ kind: 'refunds' })}
           group by e.account_id`,
    );
    const reversed = new Map(before.map((r) => [r.account_id, Number(r.amount)]));
    const refundedBefore = [...reversed.values()].reduce((a, b) => a + b, 0);
    const targets = allocate(
      refundedBefore + input.amountMinor,
      sale.map((s) => -Number(s.amount)),
    );
    sale.forEach((s, i) => {
      entries.push({
        account: { kind: s.kind, ownerId: s.owner_id },
        currency: c,
        amountMinor: targets[i]! - (reversed.get(s.account_id) ?? 0),
      });
    });
  }
  return post(tx, {
    kind: 'refund',
    reference: input.refundId,
    relatedReference: input.paymentId,
    memo: 'Refund to client',
    actorId: input.actorId,
    entries,
  });
}

// ───────────────────────────── reading ─────────────────────────────

export interface TrialBalanceRow {
  accountId: string;
  kind: AccountKind;
  ownerId: string | null;
  name: string;
  currency: Currency;
  debitMinor: number;
  creditMinor: number;
  /** Debits minus credits. */
  netMinor: number;
}

/** Every account's debits, credits and net per currency; per currency the nets add up to zero. */
export async function trialBalance(
  db: Db,
): Promise<{ rows: TrialBalanceRow[]; totals: Array<{ currency: Currency; debitMinor: number; creditMinor: number; netMinor: number }> }> {
  const rows = await queryRows<{
    account_id: string;
    kind: AccountKind;
    owner_id: string | null;
    name: string;
    currency: Currency;
    debit: number;
    credit: number;
  }>(
    db,
    sql`select a.id as account_id, a.kind, a.owner_id, a.name, e.currency,
               coalesce(sum(e.amount_minor) filter (where e.amount_minor > 0), 0)::bigint as debit,
               coalesce(-sum(e.amount_minor) filter (where e.amount_minor < 0), 0)::bigint as credit
          from ledger_entries e join ledger_accounts a on a.id = e.account_id
         group by a.id, a.kind, a.owner_id, a.name, e.currency
         order by e.currency, a.kind, a.owner_id nulls first`,
  );
  const out = rows.map((r) => ({
    accountId: r.account_id,
    kind: r.kind,
    ownerId: r.owner_id,
    name: r.name,
    currency: r.currency,
    debitMinor: Number(r.debit),
    creditMinor: Number(r.credit),
    netMinor: Number(r.debit) - Number(r.credit),
  }));
  const totals = new Map<Currency, { currency: Currency; debitMinor: number; creditMinor: number; netMinor: number }>();
  for (const r of out) {
    const t = totals.get(r.currency) ?? { currency: r.currency, debitMinor: 0, creditMinor: 0, netMinor: 0 };
    t.debitMinor += r.debitMinor;
    t.creditMinor += r.creditMinor;
    t.netMinor += r.netMinor;
    totals.set(r.currency, t);
  }
  return { rows: out, totals: [...totals.values()] };
}

/** The balance owed to a stylist or a house per currency (credits minus debits of their payable account). */
export async function balancesOf(
  db: Db,
  kind: 'stylist_commissions_payable' | 'partner_payables',
  ownerId: string,
): Promise<Map<Currency, number>> {
  const rows = await queryRows<{ currency: Currency; owed: number }>(
    db,
    sql`select currency, -sum(amount_minor)::bigint as owed from ledger_entries where account_id = ${accountId({ kind, ownerId })} group by currency`,
  );
  return new Map(rows.map((r) => [r.currency, Number(r.owed)]));
}

export interface StatementLine {
  at: string;
  kind: string;
  reference: string;
  memo: string;
  currency: Currency;
  /** Earned (+) or paid out / reversed (−), from the owner's point of view. */
  amountMinor: number;
}

export interface Statement {
  month: string;
  currencies: Array<{
    currency: Currency;
    openingMinor: number;
    earnedMinor: number;
    reversedMinor: number;
    paidOutMinor: number;
    closingMinor: number;
  }>;
  lines: StatementLine[];
}

/** A stylist's or a house's month (`2026-12`): opening balance, every movement, closing balance, per currency. */
export async function statement(
  db: Db,
  kind: 'stylist_commissions_payable' | 'partner_payables',
  ownerId: string,
  month: string,
): Promise<Statement> {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new ApiError('ValidationException', 'month: use YYYY-MM, e.g. 2026-12', {
      fieldErrors: { 'query.month': ['Use YYYY-MM, e.g. 2026-12'] },
    });
  }
  const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const to = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
  const account = accountId({ kind, ownerId });
  const opening = await queryRows<{ currency: Currency; owed: number }>(
    db,
    sql`select currency, -sum(amount_minor)::bigint as owed from ledger_entries where account_id = ${account} and created_at < ${from.toISOString()}::timestamptz group by currency`,
  );
  const rows = await db
    .select({
      at: ledgerEntries.createdAt,
      kind: ledgerTransactions.kind,
      reference: ledgerTransactions.reference,
      memo: ledgerTransactions.memo,
      currency: ledgerEntries.currency,
      amountMinor: ledgerEntries.amountMinor,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerEntries.accountId, account), gte(ledgerEntries.createdAt, from), lt(ledgerEntries.createdAt, to)))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  const lines = rows.map((r) => ({
    at: r.at.toISOString(),
    kind: r.kind,
    reference: r.reference,
    memo: r.memo,
    currency: r.currency as Currency,
    amountMinor: -r.amountMinor,
  }));
  const currencies = new Set<Currency>([...opening.map((o) => o.currency), ...lines.map((l) => l.currency)]);
  return {
    month,
    lines,
    currencies: [...currencies].sort().map((currency) => {
      const openingMinor = Number(opening.find((o) => o.currency === currency)?.owed ?? 0);
      const mine = lines.filter((l) => l.currency === currency);
      const earnedMinor = mine.filter((l) => l.kind === 'sale').reduce((a, l) => a + l.amountMinor, 0);
      const reversedMinor = mine.filter((l) => l.kind === 'refund').reduce((a, l) => a + l.amountMinor, 0);
      const paidOutMinor = mine.filter((l) => l.kind === 'payout').reduce((a, l) => a + l.amountMinor, 0);
      const otherMinor = mine.filter((l) => !['sale', 'refund', 'payout'].includes(l.kind)).reduce((a, l) => a + l.amountMinor, 0);
      return {
        currency,
        openingMinor,
        earnedMinor: earnedMinor + otherMinor,
        reversedMinor,
        paidOutMinor,
        closingMinor: openingMinor + earnedMinor + otherMinor + reversedMinor + paidOutMinor,
      };
    }),
  };
}

/**
 * Records money paid out to a stylist or a house (the transfer itself happens outside). Refused above what is owed.
 * `reference` is the caller's (a bank transfer id): the same reference twice is recorded once.
 */
export async function recordPayout(
  db: Db,
  input: {
    kind: 'stylist_commissions_payable' | 'partner_payables';
    ownerId: string;
    currency: Currency;
    amountMinor: number;
    reference: string;
    actorId: string;
    note?: string;
  },
  /** Runs in the payout's transaction when it is posted (the audit entry). */
  alongside: (tx: Db) => Promise<void> = async () => undefined,
): Promise<{ posted: boolean }> {
  return db.transaction(async (tx) => {
    // Serialise payouts of one account: two admins recording at once cannot both pay the last balance.
    await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${accountId({ kind: input.kind, ownerId: input.ownerId })}))`);
    const owed = (await balancesOf(tx, input.kind, input.ownerId)).get(input.currency) ?? 0;
    const existing = await tx
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.kind, 'payout'), eq(ledgerTransactions.reference, input.reference)));
    if (existing.length > 0) return { posted: false };
    if (input.amountMinor > owed) {
      throw new ApiError('ValidationException', `amount: at most ${owed} minor units of ${input.currency} are owed`, {
        fieldErrors: { 'body.amount.amount': [`At most what is owed (${owed} minor units)`] },
      });
    }
    const posted = await post(tx, {
      kind: 'payout',
      reference: input.reference,
      memo: input.note ? `Payout: ${input.note}` : 'Payout',
      actorId: input.actorId,
      details: { ownerId: input.ownerId },
      entries: [
        { account: { kind: input.kind, ownerId: input.ownerId }, currency: input.currency, amountMinor: input.amountMinor },
        { account: { kind: 'payouts' }, currency: input.currency, amountMinor: -input.amountMinor },
      ],
    });
    if (posted) await alongside(tx);
    return { posted };
  });
}
