/**
 * An order's figures, pure: conversion into the settlement currency with locked rates, delivery, duties and VAT by
 * destination, deposits. Everything is integer minor units; every rounding is one `Math.round` on a single product,
 * so the parts always add up to the total exactly.
 */
import { minorDigits, type Currency } from '../../../shared/money.ts';

/** Units of `to` per unit of `from`, from a table of euros per unit (the platform's reference rates). */
export function rateBetween(eurPerUnit: Readonly<Record<Currency, number>>, from: Currency, to: Currency): number {
  if (from === to) return 1;
  return eurPerUnit[from] / eurPerUnit[to];
}

/** Minor units of `from` → minor units of `to` at `rate` (units of `to` per unit of `from`). Same currency is exact. */
export function convertMinor(minor: number, from: Currency, to: Currency, rate: number): number {
  if (from === to) return minor;
  return Math.round((minor / 10 ** minorDigits(from)) * rate * 10 ** minorDigits(to));
}

export const DELIVERY_FEES_EUR_MINOR = {
  // Insured courier is free from €2,000 of pieces; the others are services priced on their own.
  INSURED_COURIER: 4_500,
  WHITE_GLOVE: 35_000,
  STORE_COLLECTION: 0,
  HOTEL_DELIVERY: 9_500,
} as const;
export type DeliveryOption = keyof typeof DELIVERY_FEES_EUR_MINOR;
export const FREE_COURIER_FROM_EUR_MINOR = 200_000;

export interface PricedLine {
  totalMinor: number;
  /** Percentage due now for a deposit line; absent: the whole line is due now. */
  depositPercent?: number | null;
}

export interface Totals {
  itemsMinor: number;
  deliveryMinor: number;
  dutiesMinor: number;
  vatMinor: number;
  totalMinor: number;
  dueNowMinor: number;
  /** Per line, in input order: the deposit due now (or undefined when the whole line is due now). */
  depositsMinor: Array<number | undefined>;
}

/** Basis points of an amount, rounded half up (amounts are never negative). */
export const bps = (minor: number, basisPoints: number) => Math.round((minor * basisPoints) / 10_000);

/**
 * Items, delivery, duties (on the pieces) and VAT (on pieces, delivery and duties) in the settlement currency.
 * `deliveryFeeMinor` is already converted; it is waived for the courier from the free threshold (also converted).
 */
export function computeTotals(
  lines: readonly PricedLine[],
  delivery: { option: DeliveryOption; feeMinor: number; freeFromMinor: number },
  tax: { vatBps: number; dutyBps: number },
): Totals {
  const itemsMinor = lines.reduce((n, l) => n + l.totalMinor, 0);
  const deliveryMinor = delivery.option === 'INSURED_COURIER' && itemsMinor >= delivery.freeFromMinor ? 0 : delivery.feeMinor;
  const dutiesMinor = bps(itemsMinor, tax.dutyBps);
  const vatMinor = bps(itemsMinor + deliveryMinor + dutiesMinor, tax.vatBps);
  const totalMinor = itemsMinor + deliveryMinor + dutiesMinor + vatMinor;
  // A deposit is rounded up: the house never receives less than the percentage it asked for.
  const depositsMinor = lines.map((l) => (l.depositPercent ? Math.ceil((l.totalMinor * l.depositPercent) / 100) : undefined));
  const itemsDueNow = lines.reduce((n, l, i) => n + (depositsMinor[i] ?? l.totalMinor), 0);
  return {
    itemsMinor,
    deliveryMinor,
    dutiesMinor,
    vatMinor,
    totalMinor,
    dueNowMinor: itemsDueNow + deliveryMinor + dutiesMinor + vatMinor,
    depositsMinor,
  };
}
