/**
 * Exact division of money: integer minor units in, integer minor units out, and the parts always add up to the
 * whole (no lost or invented minor unit). Pure code, with a table of cases in allocate.test.ts.
 */

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method: each part gets the floor of its exact
 * share, and the units left over go to the largest fractional remainders (ties to the earlier weight). Weights are
 * non-negative integers; when they are all zero, the total goes to nobody and an error says so.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('allocate: the total must be a whole number of minor units');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('allocate: weights must be whole numbers ≥ 0');
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (weights.length === 0 || sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('allocate: nothing to allocate in proportion to');
  }
  const negative = total < 0;
  const t = BigInt(Math.abs(total));
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => (negative ? -Number(p) : Number(p)));
}

/** `amount × rateBp / 10 000`, rounded half up, exact for any amount we store (BigInt inside). */
export function applyRate(amountMinor: number, rateBp: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError('applyRate: amount must be a whole number ≥ 0');
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError('applyRate: the rate is in basis points, 0–10 000');
  return Number((BigInt(amountMinor) * BigInt(rateBp) + 5_000n) / 10_000n);
}
