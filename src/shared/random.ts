/**
 * A small deterministic pseudo-random generator (sfc32, seeded through the cyrb128 string hash).
 * Same seed, same sequence, on every platform: demo data and generated imagery depend on it.
 * Not for secrets — use node:crypto for those.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p` (0…1). */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements (fewer when the array is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** An independent generator derived from this one's seed and `label`; never advances this one. */
  fork(label: string): Random;
}

/** Creates a generator; a number and its decimal string give the same sequence. */
export function createRandom(seed: number | string): Random {
  const seedText = String(seed);
  const [a, b, c, d] = hash128(seedText);
  const next = sfc32(a, b, c, d);
  // The first outputs of sfc32 are correlated with the seed; skipping a few is the usual remedy.
  for (let i = 0; i < 12; i++) next();

  const random: Random = {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    sample(items, count) {
      return random.shuffle(items).slice(0, Math.max(0, count));
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    weighted(entries) {
      let total = 0;
      for (const [, w] of entries) {
        if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weighted(): weight ${w} is not a finite number >= 0`);
        total += w;
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      // Floating-point rounding can leave r at ~0 after the loop: the last positive entry wins.
      return [...entries].reverse().find(([, w]) => w > 0)![0];
    },
    fork(label) {
      return createRandom(`${seedText}/${label}`);
    },
  };
  return random;
}

/** cyrb128: four well-mixed 32-bit words from a string; good enough to seed a PRNG, not a cryptographic hash. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128-bit state, outputs floats in [0, 1). */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
