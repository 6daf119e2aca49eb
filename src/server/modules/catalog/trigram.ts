/**
 * pg_trgm's similarity, in TypeScript: the same trigrams (each word lowercased and padded as "  word "), the same
 * measure (shared ÷ all distinct trigrams) and default threshold 0.3. Used where pg_trgm itself cannot be: on the
 * embedded PGlite, whose pg_trgm crashes the process on some call orders ("null function or function signature mismatch"
 * inside WASM, then an endless protocol loop), typo correction and suggestion matching run here instead.
 */
export const SIMILARITY_THRESHOLD = 0.3;

export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The most similar vocabulary entry at or above the threshold: higher similarity, then more uses, then alphabetical. */
export function closest(word: string, vocabulary: readonly { term: string; uses: number }[]): string | undefined {
  let best: { term: string; uses: number; sim: number } | undefined;
  for (const entry of vocabulary) {
    const sim = similarity(word, entry.term);
    if (sim < SIMILARITY_THRESHOLD) continue;
    if (!best || sim > best.sim || (sim === best.sim && (entry.uses > best.uses || (entry.uses === best.uses && entry.term < best.term))))
      best = { ...entry, sim };
  }
  return best?.term;
}
