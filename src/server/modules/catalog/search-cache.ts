/**
 * A small per-process cache for search and suggestion answers, exact rather than merely recent: every statement that
 * changes products, brands or categories moves the `catalog_version` sequence (statement triggers), and services move
 * it again after their transaction commits. An answer is stored under the version read *before* it was computed and
 * served only while the version is unchanged, so a write on any instance invalidates every instance's cache. The TTL
 * bounds the one remaining window (a writer that dies between commit and its post-commit bump).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.ts';

const MAX_ENTRIES = 2000;
const TTL_MS = 30_000;

interface Entry<T> {
  version: number;
  at: number;
  value: T;
}

export async function catalogVersion(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ v: number | string }>(db, sql`select last_value as v from catalog_version`);
  return Number(row?.v ?? 0);
}

/** Moves the version after a committed write, so other instances drop answers computed while it was in flight. */
export async function bumpCatalogVersion(db: Db): Promise<void> {
  await db.execute(sql`select nextval('catalog_version')`);
}

export function createVersionedCache<T>() {
  const entries = new Map<string, Entry<T>>();
  return {
    /** The cached answer for `key` at `version`, or computes, stores and returns a fresh one. */
    async get(key: string, version: number, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) {
        // Refresh its place in the LRU order.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = await compute();
      entries.delete(key);
      entries.set(key, { version, at: Date.now(), value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

const perDatabase = new WeakMap<object, ReturnType<typeof createVersionedCache<unknown>>>();

/** One cache per database handle (tests open several databases in one process). */
export function cacheFor<T>(db: Db, name: string): ReturnType<typeof createVersionedCache<T>> {
  const key = db as unknown as object;
  let byName = perDatabase.get(key) as unknown as Map<string, ReturnType<typeof createVersionedCache<T>>> | undefined;
  if (!byName) {
    byName = new Map();
    perDatabase.set(key, byName as unknown as ReturnType<typeof createVersionedCache<unknown>>);
  }
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = createVersionedCache<T>()));
  return cache;
}
