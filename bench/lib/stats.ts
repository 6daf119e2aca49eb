// Latency bookkeeping for the load generator. autocannon's own summary has p50/p97.5/p99 but no p95, so every
// response time is kept (8 bytes each: ~2 MB for 250k responses) and percentiles are computed exactly.

/** A growable list of numbers in a Float64Array, cheap enough to push to on every response. */
export class Samples {
  private data = new Float64Array(1 << 16);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  /** Sorted copy of the values pushed so far. */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

/** Nearest-rank percentile (p in 0..100) of an ascending array; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
