/**
 * Catalog answers kept in memory, so a storefront read (a product page, a listing, a search with its facets) needs no
 * database round trip once computed. An instance drops everything
 *  - at once, when this instance's catalog service writes (`invalidateCatalog`);
 *  - within milliseconds on every instance, by a PostgreSQL statement trigger that NOTIFYs `catalog_changed` on any
 *    change to products, variants, brands or categories, whoever makes it (NOTIFY is delivered on commit). A change of
 *    stock alone (an order, a cancellation, a stock count) names its products ('stock:<id>,…', migration 0024) and
 *    drops only the answers that show one of them, so checkouts do not empty the storefront's cache;
 *  - after TTL_MS in any case.
 * An answer computed while an invalidation arrived is not kept (it may predate the change). While the notification
 * channel is down the cache is off and every read goes to the database.
 */
import type { Database, Db } from '../../db/client.ts';
import { searchIndexChanged } from './search-index/feed.ts';
import { listenForChanges, NotifiedCache } from '../../db/notified-cache.ts';

export const CATALOG_CHANNEL = 'catalog_changed';
const STOCK_PAYLOAD = 'stock:';
const TTL_MS = 60_000;
// Listings are ~60 kB of JSON each: 2,000 answers stay around 100 MB at worst, oldest dropped first.
const MAX_ENTRIES = 2_000;

/** The products an answer shows: a product, or a page of them. Only these answers carry stock. */
function productIdsOf(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const v = value as { productId?: unknown; products?: unknown };
  if (typeof v.productId === 'string') return [v.productId];
  if (Array.isArray(v.products))
    return v.products.flatMap((p) =>
      p && typeof (p as { productId?: unknown }).productId === 'string' ? [(p as { productId: string }).productId] : [],
    );
  return [];
}

/** The platform's notified cache over any catalog answer; a catalog change drops all of them, a stock change those showing its products. */
export class CatalogCache {
  readonly #cache = new NotifiedCache<unknown>({ ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  /** Which kept answers show each product. Keys of answers that expired since linger until the next full drop. */
  readonly #keysByProduct = new Map<string, Set<string>>();
  #indexed = 0;

  get live(): boolean {
    return this.#cache.live;
  }

  get size(): number {
    return this.#cache.size;
  }

  setLive(live: boolean): void {
    this.#cache.setLive(live);
  }

  invalidate(): void {
    this.clear();
  }

  clear(): void {
    this.#cache.clear();
    this.#keysByProduct.clear();
    this.#indexed = 0;
  }

  /** Drops the answers that show any of these products (their stock moved); the rest stay. */
  forgetProducts(productIds: readonly string[]): void {
    const keys = new Set<string>();
    for (const id of productIds) {
      for (const key of this.#keysByProduct.get(id) ?? []) keys.add(key);
      this.#keysByProduct.delete(id);
    }
    this.#cache.forgetKeys(keys);
  }

  /** What a `catalog_changed` notification says: stock of named products, or anything else (drop everything). */
  onNotification(payload: string): void {
    if (payload.startsWith(STOCK_PAYLOAD)) this.forgetProducts(payload.slice(STOCK_PAYLOAD.length).split(','));
    else this.clear();
  }

  /** The kept answer for `key`, or `compute()`'s, kept when nothing changed meanwhile. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.#cache.getOrCompute(key, async () => {
      const value = await compute();
      this.#index(key, value);
      return value;
    }) as Promise<T>;
  }

  #index(key: string, value: unknown): void {
    // Indexed before it is kept (or not): a key indexed for an answer that was not kept is forgotten harmlessly.
    if (this.#indexed > MAX_ENTRIES * 60) this.clear(); // bounded: long runs of stock-only changes never do a full drop
    for (const id of productIdsOf(value)) {
      let keys = this.#keysByProduct.get(id);
      if (!keys) this.#keysByProduct.set(id, (keys = new Set()));
      if (!keys.has(key)) {
        keys.add(key);
        this.#indexed++;
      }
    }
  }
}

const caches = new WeakMap<object, CatalogCache>();

/** The cache of one database handle (tests open several databases in one process). */
export function catalogCache(db: Db): CatalogCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new CatalogCache()));
  return cache;
}

/** Drops this instance's answers after a write of its own (other instances hear the NOTIFY). */
export function invalidateCatalog(db: Db): void {
  catalogCache(db).invalidate();
  searchIndexChanged(db);
}

/**
 * After this instance moved stock (an order placed or cancelled): drops only the answers that show these products.
 * Search rows carry no stock, so the search index has nothing to catch up on. Other instances hear the NOTIFY.
 */
export function stockMoved(db: Db, productIds: readonly string[]): void {
  catalogCache(db).forgetProducts(productIds);
}

/** `write`, followed by `invalidateCatalog` whether it succeeded or failed halfway. */
export function invalidatingCatalog<A extends unknown[], R>(write: (db: Db, ...args: A) => Promise<R>): (db: Db, ...args: A) => Promise<R> {
  return async (db, ...args) => {
    try {
      return await write(db, ...args);
    } finally {
      invalidateCatalog(db);
    }
  };
}

/** Turns the cache on for as long as `catalog_changed` notifications reach this instance; resolves to the unsubscriber. */
export async function listenForCatalogChanges(database: Database): Promise<() => Promise<void>> {
  const cache = catalogCache(database.db);
  return listenForChanges(database, CATALOG_CHANNEL, cache, { onMessage: (payload) => cache.onNotification(payload) });
}
