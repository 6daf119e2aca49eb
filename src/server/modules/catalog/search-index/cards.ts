/**
 * The listing cards (`productsByIds`' presentation) of products the index has put on a page lately, so a computed
 * search needs no database round trip for its page. Kept under the same rule as the catalog's answer cache: every
 * change signal the index hears (any instance's catalog write, this instance's own, a reconnection) drops them all
 * (a stock-only change, the cards of its products), and a card read while a signal arrived is not kept. Hits and counts never come from here: the index decides what
 * an audience may see, and a card is only used when its own visibility agrees.
 */
import type { Audience } from '../access.ts';
import { canSeeVisibility } from '../access.ts';
import type { Product } from '../models.ts';

/** Cards kept at most (a listing card is about 2 kB of heap); the oldest are dropped first. */
export const MAX_CARDS = 20_000;

export class ProductCards {
  readonly #cards = new Map<string, Product>();
  #generation = 0;

  /** Changes with every `clear()`: a caller that read cards from the database stores them only if it has not moved. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#cards.size;
  }

  clear(): void {
    this.#cards.clear();
    this.#generation++;
  }

  /** Drops these products' cards (their stock moved); a card read from the database meanwhile is not kept either. */
  forget(productIds: readonly string[]): void {
    for (const id of productIds) this.#cards.delete(id);
    this.#generation++;
  }

  /** The kept card of `id` if `audience` may see it by the card's own visibility. */
  get(id: string, audience: Audience): Product | undefined {
    const card = this.#cards.get(id);
    return card && canSeeVisibility(audience, card.visibility) ? card : undefined;
  }

  /** Keeps cards read from the database since `generation` was taken, unless a change arrived meanwhile. */
  put(generation: number, cards: readonly Product[]): void {
    if (generation !== this.#generation) return;
    for (const card of cards) {
      if (this.#cards.size >= MAX_CARDS && !this.#cards.has(card.productId)) this.#cards.delete(this.#cards.keys().next().value!);
      this.#cards.set(card.productId, card);
    }
  }
}

const cardBytes = new WeakMap<Product, Buffer>();

/**
 * A card's JSON as UTF-8 after a comma (`,{…}`), computed once per card object (kept cards appear on many pages): a
 * listing writes it as it is after the first card, and `subarray(1)` of it first.
 */
export function cardJson(card: Product): Buffer {
  let bytes = cardBytes.get(card);
  if (!bytes) cardBytes.set(card, (bytes = Buffer.from(`,${JSON.stringify(card)}`)));
  return bytes;
}
