import { describe, expect, it } from 'vitest';
import { Money, MoneyInput, PositiveMoneyInput } from './money-schema.ts';

const issues = (value: unknown) => {
  const r = MoneyInput.safeParse(value);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('MoneyInput (the one Money schema of requests)', () => {
  it('accepts amounts that convert exactly to minor units', () => {
    expect(MoneyInput.parse({ amount: 1250.5, currency: 'EUR' })).toEqual({ amount: 1250.5, currency: 'EUR' });
    expect(MoneyInput.parse({ amount: 12000, currency: 'JPY' })).toEqual({ amount: 12000, currency: 'JPY' });
    expect(MoneyInput.parse({ amount: 1.125, currency: 'KWD' })).toEqual({ amount: 1.125, currency: 'KWD' });
  });

  it('names the wrong field with the reason', () => {
    expect(issues({ amount: 10.005, currency: 'EUR' })).toEqual({ amount: 'EUR has at most 2 decimal places' });
    expect(issues({ amount: 10.5, currency: 'JPY' })).toEqual({ amount: 'JPY has no minor unit: use a whole number' });
    expect(issues({ amount: -5, currency: 'EUR' })).toEqual({ amount: 'An amount cannot be negative' });
    expect(Object.keys(issues({ amount: 1e20, currency: 'EUR' }))).toEqual(['amount']);
    expect(Object.keys(issues({ amount: 10, currency: 'XXX' }))).toEqual(['currency']);
    expect(Object.keys(issues({ amount: 'ten', currency: 'EUR' }))).toEqual(['amount']);
    expect(Object.keys(issues({ amount: 10, currency: 'EUR', note: 'x' }))).toEqual(['']);
  });

  it('PositiveMoneyInput refuses zero as well, with the same exactness', () => {
    expect(MoneyInput.safeParse({ amount: 0, currency: 'EUR' }).success).toBe(true);
    const zero = PositiveMoneyInput.safeParse({ amount: 0, currency: 'EUR' });
    expect(zero.success ? [] : zero.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['amount', 'Must be more than zero']]);
    expect(PositiveMoneyInput.safeParse({ amount: 0.01, currency: 'EUR' }).success).toBe(true);
    expect(PositiveMoneyInput.safeParse({ amount: 0.001, currency: 'EUR' }).success).toBe(false);
    expect(PositiveMoneyInput.safeParse({ amount: -1, currency: 'EUR' }).success).toBe(false);
  });

  it('answers carry a known currency', () => {
    expect(Money.safeParse({ amount: 10, currency: 'EUR' }).success).toBe(true);
    expect(Money.safeParse({ amount: 10, currency: 'XXX' }).success).toBe(false);
  });
});
