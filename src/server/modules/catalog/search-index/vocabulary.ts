/**
 * The catalog's vocabulary (`search_terms`) in memory with a trigram index, for typo correction without a database
 * round trip: the same rule as search.ts's `correctWords` (pg_trgm's `%` at 0.3, then higher similarity, more uses,
 * alphabetical), but only the terms sharing a trigram with the word are compared.
 */
import { SIMILARITY_THRESHOLD, trigrams } from '../trigram.ts';
import type { Correction } from '../search.ts';

export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #uses: number[] = [];
  readonly #trigramCounts: number[] = [];
  readonly #postings = new Map<string, number[]>();

  get size(): number {
    return this.#terms.length;
  }

  /** Adds a term or updates its use count (terms are never removed from `search_terms`). */
  set(term: string, uses: number): void {
    const id = this.#ids.get(term);
    if (id !== undefined) {
      this.#uses[id] = uses;
      return;
    }
    const next = this.#terms.length;
    this.#ids.set(term, next);
    this.#terms.push(term);
    this.#uses.push(uses);
    const grams = trigrams(term);
    this.#trigramCounts.push(grams.size);
    for (const g of grams) {
      let list = this.#postings.get(g);
      if (!list) this.#postings.set(g, (list = []));
      list.push(next);
    }
  }

  has(term: string): boolean {
    return this.#ids.has(term);
  }

  /** The most similar term at or above the threshold, as pg_trgm orders them, or undefined. */
  closest(word: string): string | undefined {
    const grams = trigrams(word);
    if (grams.size === 0) return undefined;
    const shared = new Map<number, number>();
    for (const g of grams) for (const id of this.#postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best = -1;
    let bestSim = 0;
    for (const [id, n] of shared) {
      const sim = n / (grams.size + this.#trigramCounts[id]! - n);
      if (sim < SIMILARITY_THRESHOLD) continue;
      if (
        best < 0 ||
        sim > bestSim ||
        (sim === bestSim &&
          (this.#uses[id]! > this.#uses[best]! || (this.#uses[id] === this.#uses[best] && this.#terms[id]! < this.#terms[best]!)))
      ) {
        best = id;
        bestSim = sim;
      }
    }
    return best < 0 ? undefined : this.#terms[best];
  }

  /** search.ts's `correctWords`: a word of four letters or more that the catalog does not use gets its closest term. */
  correct(words: readonly string[]): Correction[] {
    return words.map((word) => {
      const best = word.length >= 4 && !this.has(word) ? this.closest(word) : undefined;
      return { word, ...(best && best !== word ? { correction: best } : {}) };
    });
  }

  /** Approximate bytes held, for the index's memory report. */
  bytes(): number {
    let n = 0;
    for (const t of this.#terms) n += 40 + 2 * t.length + 24;
    for (const list of this.#postings.values()) n += 40 + 8 * list.length;
    return n;
  }
}
