/**
 * The rows behind signed-in callers, kept in memory so an authenticated request needs no database round trip
 * (decision record 004). An entry is dropped
 *  - at once, by the identity service, after every write of its own to an account or its sessions;
 *  - within milliseconds on every instance, by a PostgreSQL trigger that NOTIFYs `identity_changed` with the user
 *    id on any update or delete of `users` or `refresh_tokens`, whoever made it (another instance, another
 *    module, an operator in psql);
 *  - after TTL_MS in any case, so a lost notification can never keep a revoked session alive for long.
 * While the notification channel is down the cache is off: every request reads the database, as before.
 */
import type { Database, Db } from '../../db/client.ts';
import { listenForChanges, NotifiedCache } from '../../db/notified-cache.ts';

export const IDENTITY_CHANNEL = 'identity_changed';
const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

/** The platform's notified cache keyed by (user, session), each entry tagged with its user for `forgetUser`. */
export class ActorCache<Row> {
  readonly #cache = new NotifiedCache<Row>({ ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });

  /** Whether entries may be used: only while invalidations can reach this instance. */
  get live(): boolean {
    return this.#cache.live;
  }

  setLive(live: boolean): void {
    this.#cache.setLive(live);
  }

  /** The epoch to pass to `store` for a row read from now on. */
  get epoch(): number {
    return this.#cache.epoch;
  }

  get(userId: string, sessionId: string, now = Date.now()): Row | undefined {
    return this.#cache.get(`${userId}:${sessionId}`, now);
  }

  /**
   * Keeps a row read at `epoch`. If anything was invalidated since, the row may predate that change (a request
   * that read just before a sign-out committed), so it is not kept: the next request reads again.
   */
  store(userId: string, sessionId: string, row: Row, epoch: number, now = Date.now()): void {
    this.#cache.store(`${userId}:${sessionId}`, row, epoch, { tag: userId, now });
  }

  /** Drops every session of this account. */
  forgetUser(userId: string): void {
    this.#cache.forgetTag(userId);
  }

  clear(): void {
    this.#cache.clear();
  }

  get size(): number {
    return this.#cache.size;
  }
}

// One cache per database handle, like the prepared actor query: tests build many apps in one process.
const caches = new WeakMap<Db, ActorCache<unknown>>();

export function actorCacheFor<Row>(db: Db): ActorCache<Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ActorCache<unknown>()));
  return cache as ActorCache<Row>;
}

/** Drops the cached sessions of an account after a write to it or to its sessions has committed. */
export function forgetActors(db: Db, userId: string): void {
  caches.get(db)?.forgetUser(userId);
}

/**
 * Subscribes this instance to the identity change channel and turns the cache on while the subscription holds.
 * Returns the function that unsubscribes (on app close).
 */
export async function startActorCacheInvalidation(
  database: Database,
  log: { warn: (obj: object, msg: string) => void },
): Promise<() => Promise<void>> {
  const cache = actorCacheFor(database.db);
  return listenForChanges(database, IDENTITY_CHANNEL, cache, {
    onMessage: (userId) => cache.forgetUser(userId),
    log,
    what: 'signed-in callers',
  });
}
