import { describe, expect, it } from 'vitest';
import {
  add,
  minorDigits,
  compare,
  CURRENCY_CODES,
  formatMoney,
  fromDecimal,
  fromDto,
  MAX_MINOR,
  money,
  MoneyError,
  multiply,
  parseMoney,
  toDecimal,
  toDto,
} from './money.ts';

describe('money', () => {
  it('converts decimal amounts to minor units exactly, per currency', () => {
    expect(fromDecimal(1250.5, 'EUR')).toEqual({ minor: 125050, currency: 'EUR' });
    expect(fromDecimal(19.99, 'GBP').minor).toBe(1999);
    expect(fromDecimal(1000, 'JPY').minor).toBe(1000);
    expect(fromDecimal('12.345', 'KWD').minor).toBe(12345);
    expect(fromDecimal('2.50', 'EUR').minor).toBe(250);
    expect(fromDecimal(2.5e7, 'EUR').minor).toBe(2_500_000_000);
    expect(fromDecimal(0, 'EUR').minor).toBe(0);
  });

  it('round-trips through the API form', () => {
    for (const [amount, currency] of [
      [1250.5, 'EUR'],
      [0.07, 'USD'],
      [3_200_000, 'AED'],
      [5000, 'JPY'],
      [1.005, 'BHD'],
    ] as const) {
      expect(toDto(fromDto({ amount, currency }))).toEqual({ amount, currency });
    }
    expect(toDecimal(money(125050, 'EUR'))).toBe(1250.5);
    expect(toDecimal(money(7, 'USD'))).toBe(0.07);
  });

  it('refuses negative, fractional-cent, absurd, non-finite amounts and unknown currencies', () => {
    expect(() => fromDecimal(-1, 'EUR')).toThrow(/negative/);
    expect(() => fromDecimal(0.001, 'EUR')).toThrow(/2 decimal places/);
    expect(() => fromDecimal(10.5, 'JPY')).toThrow(/no minor unit/);
    expect(() => fromDecimal(1e20, 'EUR')).toThrow(MoneyError);
    expect(() => fromDecimal(Number.NaN, 'EUR')).toThrow(MoneyError);
    expect(() => fromDecimal(Number.POSITIVE_INFINITY, 'EUR')).toThrow(MoneyError);
    expect(() => fromDecimal(10_000_000_000_000.01, 'EUR')).toThrow(/too large/);
    expect(() => fromDecimal(10, 'XYZ')).toThrow(/Unknown currency/);
    expect(() => fromDecimal(10, 'eur')).toThrow(/Unknown currency/);
    expect(() => fromDecimal('1e5', 'EUR')).toThrow(MoneyError);
    expect(() => money(1.5, 'EUR')).toThrow(/whole number/);
    expect(() => money(-1, 'EUR')).toThrow(/negative/);
  });

  it('formats with Intl and the currency’s own digits', () => {
    expect(formatMoney(money(125000, 'EUR'))).toBe('€1,250.00');
    expect(formatMoney(money(125000, 'EUR'), { compactWhole: true })).toBe('€1,250');
    expect(formatMoney({ amount: 5000, currency: 'JPY' })).toBe('JP¥5,000');
    expect(formatMoney(money(12345, 'KWD'))).toMatch(/12\.345/);
    expect(formatMoney(money(125050, 'EUR'), { locale: 'fr-FR' }).replace(/\s/g, ' ')).toBe('1 250,50 €');
    expect(formatMoney(money(250_000_000_00, 'USD'), { locale: 'en-US', compactWhole: true })).toBe('$250,000,000');
  });

  it('writes en-GB prices by hand exactly as ICU does, for every currency, amount size and with or without decimals', () => {
    const amounts = [0, 1, 7, 99, 100, 999, 1000, 1234, 12345, 100000, 123456, 1234567, 10 ** 9 + 7, MAX_MINOR - 1];
    for (const currency of CURRENCY_CODES) {
      const digits = minorDigits(currency);
      for (const minor of amounts) {
        for (const compactWhole of [false, true]) {
          const value = money(minor, currency);
          const whole = minor % 10 ** digits === 0;
          const fractionDigits = compactWhole && whole ? 0 : digits;
          const icu = new Intl.NumberFormat('en-GB', {
            style: 'currency',
            currency,
            minimumFractionDigits: fractionDigits,
            maximumFractionDigits: fractionDigits,
          }).format(toDecimal(value));
          expect(formatMoney(value, { compactWhole }), `${currency} ${minor} ${compactWhole}`).toBe(icu);
        }
      }
    }
  });

  it('parses what people type in their locale', () => {
    expect(parseMoney('1,250.50', 'EUR').minor).toBe(125050);
    expect(parseMoney('€1,250', 'EUR').minor).toBe(125000);
    expect(parseMoney('1 250,50 €', 'EUR', 'fr-FR').minor).toBe(125050);
    expect(parseMoney('1.250,5', 'EUR', 'de-DE').minor).toBe(125050);
    expect(() => parseMoney('abc', 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney('-5', 'EUR')).toThrow(/negative/);
  });

  it('adds, multiplies and compares only within one currency', () => {
    expect(add(money(100, 'EUR'), money(250, 'EUR')).minor).toBe(350);
    expect(multiply(money(1999, 'GBP'), 3).minor).toBe(5997);
    expect(compare(money(1, 'EUR'), money(2, 'EUR'))).toBeLessThan(0);
    expect(() => add(money(1, 'EUR'), money(1, 'USD'))).toThrow(/Cannot add/);
    expect(() => multiply(money(1, 'EUR'), 1.5)).toThrow(MoneyError);
  });

  it('knows each currency’s minor digits as Intl does', () => {
    for (const code of CURRENCY_CODES) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
      expect([code, minorDigits(code)]).toEqual([code, digits]);
    }
  });
});
