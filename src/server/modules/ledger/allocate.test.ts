import { describe, expect, it } from 'vitest';
import { allocate, applyRate } from './allocate.ts';

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1, [1, 1, 1], [1, 0, 0]],
    [2, [1, 1, 1], [1, 1, 0]],
    [0, [5, 7], [0, 0]],
    [1000, [700, 200, 100], [700, 200, 100]],
    [7, [0, 3, 0], [0, 7, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    // KWD fils and JPY yen: no decimals to hide a loss in.
    [1_001, [333, 333, 334], [333, 333, 335]],
    [999_999_999_999_999, [1, 2], [333_333_333_333_333, 666_666_666_666_666]],
  ])('allocate(%s, %j) = %j', (total, weights, expected) => {
    const parts = allocate(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('always adds up, for random totals and weights', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 2_000; n++) {
      const weights = Array.from({ length: 1 + (next() % 6) }, () => next() % 1_000_000);
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const total = next() % 10_000_000;
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1));
    }
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(5, [0, 0])).toThrow(/nothing to allocate/);
    expect(() => allocate(1.5, [1])).toThrow(/whole number/);
    expect(() => allocate(5, [-1, 2])).toThrow(/weights/);
  });
});

describe('applyRate', () => {
  it.each([
    [10_000, 2_500, 2_500],
    [1, 5_000, 1],
    [3, 3_333, 1],
    [999_999_999_999_999, 1_000, 100_000_000_000_000],
  ])('applyRate(%s, %s bp) = %s', (amount, bp, expected) => expect(applyRate(amount, bp)).toBe(expected));
});
