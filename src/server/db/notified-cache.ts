/**
 * The one in-memory cache primitive of the platform: answers kept per database handle and instance, fresh because
 * PostgreSQL tells every instance when the underlying rows change (LISTEN/NOTIFY, delivered on commit, whoever wrote).
 * Identity's signed-in callers, the catalog's storefront answers and the stylists' matching index are built on it.
 *
 *  - Off while its channel is down (and until it first subscribes): nothing is kept and every read computes, so a lost
 *    notification can never serve stale data for longer than it takes to notice the connection dropped.
 *  - A value computed while an invalidation arrived is not kept: it may predate the change (an epoch counter).
 *  - Entries expire after `ttlMs` in any case, and the oldest go first beyond `maxEntries`.
 *  - A writer on this instance invalidates at once (`clear`, `forgetTag`), so it never reads its own old state.
 */
import type { Database } from './client.ts';

export interface NotifiedCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

interface Entry<V> {
  value: V;
  at: number;
  tag: string | undefined;
}

export class NotifiedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #keysByTag = new Map<string, Set<string>>();
  #live = false;
  #epoch = 0;

  constructor(readonly options: NotifiedCacheOptions) {}

  /** Whether entries may be used: only while invalidations can reach this instance. */
  get live(): boolean {
    return this.#live;
  }

  /** Turned on when the subscription holds, off (and emptied) whenever notifications may have been missed. */
  setLive(live: boolean): void {
    this.#live = live;
    this.clear();
  }

  /** The epoch to pass to `store` for a value read from now on. */
  get epoch(): number {
    return this.#epoch;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    if (!this.#live) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.options.ttlMs) {
      this.#drop(key, entry.tag);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps a value read at `epoch`, unless anything was invalidated since. `tag` groups entries for `forgetTag`. */
  store(key: string, value: V, epoch: number, options: { tag?: string; now?: number } = {}): void {
    if (!this.#live || epoch !== this.#epoch) return;
    if (this.#entries.size >= this.options.maxEntries && !this.#entries.has(key)) {
      // Oldest first: Map iteration follows insertion order.
      const oldest = this.#entries.entries().next().value;
      if (oldest) this.#drop(oldest[0], oldest[1].tag);
    }
    this.#entries.set(key, { value, at: options.now ?? Date.now(), tag: options.tag });
    if (options.tag !== undefined) {
      let keys = this.#keysByTag.get(options.tag);
      if (!keys) this.#keysByTag.set(options.tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** The kept value for `key`, or `compute()`'s, kept when nothing changed meanwhile. */
  async getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const epoch = this.#epoch;
    const value = await compute();
    this.store(key, value, epoch);
    return value;
  }

  /** Drops the entries stored with this tag (e.g. every session of one account). */
  forgetTag(tag: string): void {
    this.#epoch++;
    const keys = this.#keysByTag.get(tag);
    if (!keys) return;
    for (const key of keys) this.#entries.delete(key);
    this.#keysByTag.delete(tag);
  }

  /** Drops these entries (the catalogue's answers that show a product whose stock moved). */
  forgetKeys(keys: Iterable<string>): void {
    this.#epoch++;
    for (const key of keys) {
      const entry = this.#entries.get(key);
      if (entry) this.#drop(key, entry.tag);
    }
  }

  clear(): void {
    this.#epoch++;
    this.#entries.clear();
    this.#keysByTag.clear();
  }

  #drop(key: string, tag: string | undefined): void {
    this.#entries.delete(key);
    if (tag === undefined) return;
    const keys = this.#keysByTag.get(tag);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByTag.delete(tag);
  }
}

/**
 * Subscribes `cache` to `channel`: live while the subscription holds, `onMessage(payload)` for each notification
 * (default: drop everything). Resolves to the unsubscriber. Register as a module listener (modules/module.ts).
 */
export async function listenForChanges(
  database: Database,
  channel: string,
  cache: { setLive(live: boolean): void; clear(): void },
  options: { onMessage?: (payload: string) => void; log?: { warn: (obj: object, msg: string) => void }; what?: string } = {},
): Promise<() => Promise<void>> {
  let stopping = false;
  const unlisten = await database.listen(channel, {
    onMessage: options.onMessage ?? (() => cache.clear()),
    onState: (listening) => {
      cache.setLive(listening);
      if (!listening && !stopping && options.log) {
        options.log.warn(
          { channel },
          `${channel} notifications interrupted: ${options.what ?? 'cached answers'} are read from the database until they resume`,
        );
      }
    },
  });
  return async () => {
    stopping = true;
    await unlisten();
  };
}
