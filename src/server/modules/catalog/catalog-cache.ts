/**
 * Catalog answers kept in memory, so a storefront read (a product page, a listing, a search with its facets) needs no
 * database round trip once computed. An instance drops everything
 *  - at once, when this instance's catalog service writes (`invalidateCatalog`);
 *  - within milliseconds on every instance, by a PostgreSQL statement trigger that NOTIFYs `catalog_changed` on any
 *    change to products, variants, brands or categories, whoever makes it (NOTIFY is delivered on commit);
 *  - after TTL_MS in any case.
 * An answer computed while an invalidation arrived is not kept (it may predate the change). While the notification
 * channel is down the cache is off and every read goes to the database.
 */
import type { Database, Db } from '../../db/client.ts';
import { searchIndexChanged } from './search-index/feed.ts';
import { listenForChanges, NotifiedCache } from '../../db/notified-cache.ts';

export const CATALOG_CHANNEL = 'catalog_changed';
const TTL_MS = 60_000;
// Listings are ~60 kB of JSON each: 2,000 answers stay around 100 MB at worst, oldest dropped first.
const MAX_ENTRIES = 2_000;

/** The platform's notified cache over any catalog answer; any catalog change drops all of them. */
export class CatalogCache {
  readonly #cache = new NotifiedCache<unknown>({ ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });

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
    this.#cache.clear();
  }

  clear(): void {
    this.#cache.clear();
  }

  /** The kept answer for `key`, or `compute()`'s, kept when nothing changed meanwhile. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.#cache.getOrCompute(key, compute) as Promise<T>;
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
  return listenForChanges(database, CATALOG_CHANNEL, catalogCache(database.db));
}
