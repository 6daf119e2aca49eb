/**
 * Pricing an order on the server: the pieces the caller may buy at their current prices, converted into the
 * settlement currency at rates locked for the quote's validity, delivery, duties and VAT for the destination, deposits,
 * and the high-value flags. Prices in a request are never trusted: when sent, they must match, or the answer is 409
 * with the current prices.
 */
import { inArray, sql } from 'drizzle-orm';
import { fromDecimal, isCurrency, MoneyError, toDto, type Currency, type MoneyDto } from '../../../shared/money.ts';
import type { Config } from '../../config.ts';
import { preparedRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { purchasableProducts, type Audience, type PurchasableProduct } from '../catalog/service.ts';
import { EUR_PER_UNIT } from '../stylists/service.ts';
import type { OrderItemInput } from './models.ts';
import {
  computeTotals,
  convertMinor,
  DELIVERY_FEES_EUR_MINOR,
  FREE_COURIER_FROM_EUR_MINOR,
  rateBetween,
  type DeliveryOption,
  type Totals,
} from './pricing.ts';
import { depositRules, type StoredFx } from './schema.ts';

export interface QuotedLine {
  input: OrderItemInput;
  index: number;
  product: PurchasableProduct;
  variant: PurchasableProduct['variants'][number];
  unitPriceMinor: number;
  totalMinor: number;
  depositPercent: number | null;
  depositMinor: number | null;
}

export interface Quote {
  currency: Currency;
  lines: QuotedLine[];
  totals: Totals;
  fx: StoredFx;
  highValue: boolean;
  requiresApproval: boolean;
}

const invalid = (field: string, message: string): never => {
  throw new ApiError('ValidationException', message, { fieldErrors: { [field]: [message] } });
};
const notFound = (field: string, message: string): never => {
  throw new ApiError('ResourceNotFoundException', message, { fieldErrors: { [field]: [message] } });
};

/** A 409 that carries the server's current prices, so the client can show them and ask again. */
export class PriceChangedError extends ApiError {
  constructor(
    readonly currentPrices: Array<{ index: number; productId: string; variantId: string; unitPrice: MoneyDto; totalPrice: MoneyDto }>,
  ) {
    super('ConflictException', 'Prices have changed since you last saw them: please confirm the current prices', {
      fieldErrors: Object.fromEntries(
        currentPrices.map((p) => [`body.items.${p.index}.unitPrice`, [`The price is now ${p.unitPrice.amount} ${p.unitPrice.currency}`]]),
      ),
    });
    (this.extra as Record<string, unknown>).currentPrices = currentPrices;
  }
}

/** Euro minor units → `currency` minor units at the reference rate (delivery fees, thresholds). */
function fromEur(minor: number, currency: Currency): number {
  return convertMinor(minor, 'EUR', currency, rateBetween(EUR_PER_UNIT, 'EUR', currency));
}

/** US dollar cents of an amount, at the platform's reference rates: the unit of HIGH_VALUE_THRESHOLD and APPROVAL_THRESHOLD. */
export function usdEquivalentMinor(minor: number, currency: Currency): number {
  return convertMinor(minor, currency, 'USD', rateBetween(EUR_PER_UNIT, currency, 'USD'));
}

export interface QuoteRequest {
  items: readonly OrderItemInput[];
  currency: Currency;
  deliveryOption: DeliveryOption;
  /** Destination country for duties and VAT (ISO alpha-2). */
  country: string;
  /** Which request field named the country, for the error when we do not deliver there. */
  countryField: string;
  audience: Audience;
  /** Keep these rates when still valid (an order being edited within its quote's validity). */
  lockedFx?: StoredFx;
  /** Prefix of item fields in errors: `body.items`. */
  itemsField?: string;
}

/** The destination's rates, prepared by name: every quote (each CreateOrder) reads them. */
const taxRateStatement = preparedRows<{ vatBps: number; dutyBps: number }>(
  'orders_tax_rate',
  sql`select vat_bps as "vatBps", duty_bps as "dutyBps" from tax_rates where country = ${sql.placeholder('country')}::text`,
);

/** Prices the request, or throws the first problem naming its field. Reads only: nothing is written. */
export async function quoteOrder(db: Db | Tx, config: Config, req: QuoteRequest): Promise<Quote> {
  const field = req.itemsField ?? 'body.items';
  const products = await purchasableProducts(
    db,
    req.items.map((i) => i.productId),
    req.audience,
  );
  const deposits = await depositPercentsOf(db, [...products.values()]);

  const now = new Date();
  const lockValid = req.lockedFx && req.lockedFx.settlement === req.currency && new Date(req.lockedFx.validUntil) > now;
  const rates: Record<string, number> = lockValid ? { ...req.lockedFx!.rates } : {};
  const rateFor = (from: Currency) => (rates[from] ??= rateBetween(EUR_PER_UNIT, from, req.currency));

  const lines: QuotedLine[] = [];
  for (const [index, input] of req.items.entries()) {
    const at = `${field}.${index}`;
    const product = products.get(input.productId) ?? notFound(`${at}.productId`, 'No such piece, or it is not available to you');
    if (product.priceOnRequest) invalid(`${at}.productId`, `${product.name} is priced on request: ask the house for a private offer`);
    const depositPercent = product.purchaseMode === 'BUY_NOW' ? null : (deposits.get(product.id) ?? null);
    if (product.purchaseMode !== 'BUY_NOW' && depositPercent === null) {
      invalid(`${at}.productId`, `${product.name} is sold on enquiry: send the house an enquiry instead`);
    }
    let variant = product.variants.find((v) => v.id === input.variantId);
    if (input.variantId && !variant) notFound(`${at}.variantId`, `No such size or colour of ${product.name}`);
    if (!input.variantId) {
      if (product.variants.length !== 1) invalid(`${at}.variantId`, `Choose a size or colour of ${product.name}`);
      variant = product.variants[0];
    }
    if (input.customizations && product.customisationKeys.length === 0)
      invalid(`${at}.customizations`, `${product.name} takes no customisation`);
    if (!isCurrency(product.currency)) throw new Error(`Product ${product.id} has an unknown currency ${product.currency}`);
    const unitPriceMinor = convertMinor(product.priceMinor, product.currency, req.currency, rateFor(product.currency));
    const totalMinor = unitPriceMinor * input.quantity;
    lines.push({ input, index, product, variant: variant!, unitPriceMinor, totalMinor, depositPercent, depositMinor: null });
  }

  const changed = lines.filter((l) => !sentPriceMatches(l, req.currency));
  if (changed.length > 0) {
    throw new PriceChangedError(
      changed.map((l) => ({
        index: l.index,
        productId: l.product.id,
        variantId: l.variant.id,
        unitPrice: toDto({ minor: l.unitPriceMinor, currency: req.currency }),
        totalPrice: toDto({ minor: l.totalMinor, currency: req.currency }),
      })),
    );
  }

  const [tax] = await taxRateStatement(db, { country: req.country });
  if (!tax) invalid(req.countryField, `We do not deliver to ${req.country} yet`);
  const totals = computeTotals(
    lines,
    {
      option: req.deliveryOption,
      feeMinor: fromEur(DELIVERY_FEES_EUR_MINOR[req.deliveryOption], req.currency),
      freeFromMinor: fromEur(FREE_COURIER_FROM_EUR_MINOR, req.currency),
    },
    { vatBps: tax!.vatBps, dutyBps: tax!.dutyBps },
  );
  lines.forEach((l, i) => (l.depositMinor = totals.depositsMinor[i] ?? null));
  const usd = usdEquivalentMinor(totals.totalMinor, req.currency);
  const fx: StoredFx = lockValid
    ? req.lockedFx!
    : {
        settlement: req.currency,
        rates,
        lockedAt: now.toISOString(),
        validUntil: new Date(now.getTime() + config.ORDER_PAYMENT_WINDOW_MINUTES * 60_000).toISOString(),
      };
  return {
    currency: req.currency,
    lines,
    totals,
    fx: { ...fx, rates: { ...fx.rates, ...rates } },
    highValue: usd > config.HIGH_VALUE_THRESHOLD * 100,
    requiresApproval: usd > config.APPROVAL_THRESHOLD * 100,
  };
}

/** A sent price matches in the settlement currency or in the piece's own currency; any other currency is a mismatch. */
function sentPriceMatches(line: QuotedLine, settlement: Currency): boolean {
  const check = (sent: MoneyDto | undefined, settlementMinor: number, sourceMinor: number) => {
    if (!sent) return true;
    let minor: number;
    try {
      minor = fromDecimal(sent.amount, sent.currency).minor;
    } catch (err) {
      if (err instanceof MoneyError) return false;
      throw err;
    }
    if (sent.currency === settlement) return minor === settlementMinor;
    if (sent.currency === line.product.currency) return minor === sourceMinor;
    return false;
  };
  return (
    check(line.input.unitPrice, line.unitPriceMinor, line.product.priceMinor) &&
    check(line.input.totalPrice, line.totalMinor, line.product.priceMinor * line.input.quantity)
  );
}

/**
 * The deposit (percent) against which each piece sold on enquiry or made to order may be ordered; a piece missing
 * from the answer cannot be ordered (an enquiry instead). The bag and CreateOrder share this rule.
 */
export async function depositPercentsOf(db: Db | Tx, products: readonly PurchasableProduct[]): Promise<Map<string, number>> {
  const ids = products.filter((p) => p.purchaseMode !== 'BUY_NOW').map((p) => p.id);
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(depositRules).where(inArray(depositRules.productId, ids));
  return new Map(rows.map((r) => [r.productId, r.percent]));
}
