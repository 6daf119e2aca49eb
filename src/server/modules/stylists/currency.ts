/**
 * The one currency table of the stylist marketplace: budgets and rates in different currencies are compared in EUR.
 * Rates are FIXED reference values (EUR for one unit of the currency, ECB-style mid rates rounded, late 2026), not
 * live quotes: matching and filters must be deterministic and reproducible, and a few percent of drift does not
 * change who fits a budget. Update them here, in one commit, when they drift too far.
 */
import { minorDigits, type Currency, type Money } from '../../../shared/money.ts';

export const EUR_PER_UNIT: Readonly<Record<Currency, number>> = {
  EUR: 1,
  USD: 0.92,
  GBP: 1.17,
  CHF: 1.05,
  JPY: 0.0062,
  AED: 0.25,
  SAR: 0.245,
  QAR: 0.253,
  KWD: 3.0,
  BHD: 2.44,
  CAD: 0.68,
  AUD: 0.61,
  HKD: 0.118,
  SGD: 0.69,
  CNY: 0.127,
  KRW: 0.00069,
  INR: 0.011,
  MXN: 0.054,
  BRL: 0.18,
  SEK: 0.088,
  NOK: 0.086,
  DKK: 0.134,
  MAD: 0.092,
  ZAR: 0.05,
};

/** Money → euro cents with the fixed table (rounded to the cent). */
export function toEurMinor(m: Money): number {
  const major = m.minor / 10 ** minorDigits(m.currency);
  return Math.round(major * EUR_PER_UNIT[m.currency] * 100);
}

/** A decimal amount in `currency` → euro cents. */
export function decimalToEurMinor(amount: number, currency: Currency): number {
  return Math.round(amount * EUR_PER_UNIT[currency] * 100);
}
