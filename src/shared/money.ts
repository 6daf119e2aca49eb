/**
 * Money inside the system is an integer count of minor units plus an ISO 4217 currency (`{ minor: 125000, currency: 'EUR' }`
 * is €1,250.00). The API's `Money` is the spec's decimal form, `{ amount: 1250, currency: 'EUR' }`. Pure code, used by
 * the server and the web app alike.
 */

/** Currencies we accept, with their ISO 4217 minor-unit digits. */
export const CURRENCIES = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  JPY: 0,
  AED: 2,
  SAR: 2,
  QAR: 2,
  KWD: 3,
  BHD: 3,
  CAD: 2,
  AUD: 2,
  HKD: 2,
  SGD: 2,
  CNY: 2,
  KRW: 0,
  INR: 2,
  MXN: 2,
  BRL: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  MAD: 2,
  ZAR: 2,
} as const satisfies Record<string, number>;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

/** The largest amount in minor units we store: well inside a JS safe integer and a PostgreSQL bigint (a superyacht fits). */
export const MAX_MINOR = 10 ** 15;

/** Money as the system keeps it. */
export interface Money {
  /** Integer count of minor units (cents, yen, fils…); never negative. */
  readonly minor: number;
  readonly currency: Currency;
}

/** Money as the API carries it (the spec's `Money`). */
export interface MoneyDto {
  amount: number;
  currency: string;
}

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCIES, code);
}

/** Minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function minorDigits(currency: Currency): number {
  return CURRENCIES[currency];
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

function assertCurrency(currency: string): asserts currency is Currency {
  if (!isCurrency(currency)) throw new MoneyError(`Unknown currency "${currency}"; use one of ${CURRENCY_CODES.join(', ')}`);
}

/** Money from integer minor units; rejects fractions, negatives, absurd sizes and unknown currencies. */
export function money(minor: number, currency: string): Money {
  assertCurrency(currency);
  if (!Number.isSafeInteger(minor)) throw new MoneyError('An amount in minor units must be a whole number');
  if (minor < 0) throw new MoneyError('An amount cannot be negative');
  if (minor > MAX_MINOR) throw new MoneyError('That amount is too large');
  return { minor, currency };
}

/**
 * Decimal amount → minor units, exactly: `1250.5 EUR` → 125050. More decimals than the currency has (`0.001 EUR`,
 * `10.5 JPY`) are refused rather than rounded, so the price a partner typed is the price stored.
 */
export function fromDecimal(amount: number | string, currency: string): Money {
  assertCurrency(currency);
  const text = typeof amount === 'number' ? numberToPlain(amount) : amount.trim();
  const match = /^(\d{1,16})(?:\.(\d{1,20}))?$/.exec(text);
  if (!match) {
    if (/^-/.test(text)) throw new MoneyError('An amount cannot be negative');
    throw new MoneyError('An amount must be a plain decimal number such as 1250.00');
  }
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) {
    throw new MoneyError(
      digits === 0 ? `${currency} has no minor unit: use a whole number` : `${currency} has at most ${digits} decimal places`,
    );
  }
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return money(minor, currency);
}

/** Minor units → the API's decimal amount (`125050 EUR` → 1250.5). */
export function toDecimal(m: Money): number {
  const digits = minorDigits(m.currency);
  return digits === 0 ? m.minor : Number(`${Math.trunc(m.minor / 10 ** digits)}.${String(m.minor % 10 ** digits).padStart(digits, '0')}`);
}

export function toDto(m: Money): MoneyDto & { currency: Currency } {
  return { amount: toDecimal(m), currency: m.currency };
}

export function fromDto(dto: MoneyDto): Money {
  return fromDecimal(dto.amount, dto.currency);
}

/** A number in positional notation (no exponent), or a marker that fails the parse for NaN/Infinity. */
function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return 'not-finite';
  if (n < 0) return `-${numberToPlain(-n)}`;
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e21 and up, or tiny numbers like 1e-7: toFixed covers the small ones, huge ones fail the 16-digit rule anyway.
  return n >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20);
}

export interface FormatOptions {
  /** BCP 47 locale; `en-GB` by default. */
  locale?: string;
  /** Drop `.00` when the amount is whole (`€1,250` rather than `€1,250.00`). */
  compactWhole?: boolean;
}

/** `€1,250.00` with the currency's own minor digits: en-GB written out (britishMoney), other locales through Intl. */
export function formatMoney(m: Money | MoneyDto, opts: FormatOptions = {}): string {
  const value = 'minor' in m ? m : fromDto(m);
  const digits = minorDigits(value.currency);
  const whole = value.minor % 10 ** digits === 0;
  const fractionDigits = opts.compactWhole && whole ? 0 : digits;
  const locale = opts.locale ?? 'en-GB';
  if (locale === 'en-GB' && value.minor >= 0) return britishMoney(value, fractionDigits);
  return currencyFormat(locale, value.currency, fractionDigits).format(toDecimal(value));
}

/**
 * What ICU's en-GB currency format puts before the amount, currency by currency (money.test.ts checks it against
 * Intl.NumberFormat): a symbol where British English has one, else the code and a no-break space.
 */
const BRITISH_PREFIX: Record<Currency, string> = {
  EUR: '€',
  USD: 'US$',
  GBP: '£',
  JPY: 'JP¥',
  CAD: 'CA$',
  AUD: 'A$',
  HKD: 'HK$',
  CNY: 'CN¥',
  KRW: '₩',
  INR: '₹',
  MXN: 'MX$',
  BRL: 'R$',
  CHF: 'CHF\u00a0',
  AED: 'AED\u00a0',
  SAR: 'SAR\u00a0',
  QAR: 'QAR\u00a0',
  KWD: 'KWD\u00a0',
  BHD: 'BHD\u00a0',
  SGD: 'SGD\u00a0',
  SEK: 'SEK\u00a0',
  NOK: 'NOK\u00a0',
  DKK: 'DKK\u00a0',
  MAD: 'MAD\u00a0',
  ZAR: 'ZAR\u00a0',
};

/**
 * `€1,250.00` as en-GB writes it, from the integer count of minor units. Every price the site shows is in en-GB; writing
 * it out keeps the browser from loading its number data for ICU on each page (the first currency formatter a page
 * made cost ~25 ms of its main thread here), and the server and every browser print the same characters whatever
 * their ICU versions.
 */
function britishMoney(value: Money, fractionDigits: number): string {
  const scale = 10 ** minorDigits(value.currency);
  const whole = String(Math.trunc(value.minor / scale)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // fractionDigits is the currency's own, or 0 for a whole amount shown without its decimals.
  const fraction = fractionDigits > 0 ? `.${String(value.minor % scale).padStart(fractionDigits, '0')}` : '';
  return `${BRITISH_PREFIX[value.currency]}${whole}${fraction}`;
}

/**
 * One formatter per locale, currency and number of decimals, kept: a new Intl.NumberFormat per price cost every
 * product grid two dozen of them while the page rendered, on the server and again in the browser.
 */
function currencyFormat(locale: string, currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    // A handful in practice (a locale or two, the currencies we sell in); the bound only guards against misuse.
    if (currencyFormats.size >= 256) currencyFormats.clear();
    currencyFormats.set(key, format);
  }
  return format;
}
const currencyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Reads what a person typed (`1,250.50`, `1 250,50`, `€1.250`) in a locale's conventions into Money; throws
 * MoneyError when it is not an amount.
 */
export function parseMoney(input: string, currency: string, locale = 'en-GB'): Money {
  assertCurrency(currency);
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let text = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  text = text.replace(/^[^\d-]+|[^\d]+$/g, ''); // currency symbols or codes around the number
  if (group !== '' && !/\s/.test(group)) text = text.split(group).join('');
  if (decimal !== '.') text = text.replace(decimal, '.');
  return fromDecimal(text, currency);
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot add ${a.currency} and ${b.currency}`);
  return money(a.minor + b.minor, a.currency);
}

export function multiply(m: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new MoneyError('Quantity must be a whole number ≥ 0');
  return money(m.minor * quantity, m.currency);
}

export function compare(a: Money, b: Money): number {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot compare ${a.currency} and ${b.currency}`);
  return a.minor - b.minor;
}
