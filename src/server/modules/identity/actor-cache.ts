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

export const IDENTITY_CHANNEL = 'identity_changed';
const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry<Row> {
  row: Row;
  userId: string;
  storedAt: number;
}

export class ActorCache<Row> {
  readonly #entries = new Map<string, Entry<Row>>();
  readonly #keysByUser = new Map<string, Set<string>>();
  #live = false;
  // Bumped by every invalidation: a row read before one may be stale and is not stored (see `store`).
  #epoch = 0;

  /** Whether entries may be used: only while invalidations can reach this instance. */
  get live(): boolean {
    return this.#live;
  }

  setLive(live: boolean): void {
    this.#live = live;
    if (!live) this.clear();
  }

  /** The epoch to pass to `store` for a row read from now on. */
  get epoch(): number {
    return this.#epoch;
  }

  get(userId: string, sessionId: string, now = Date.now()): Row | undefined {
    if (!this.#live) return undefined;
    const key = `${userId}:${sessionId}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > TTL_MS) {
      this.#drop(key, entry.userId);
      return undefined;
    }
    return entry.row;
  }

  /**
   * Keeps a row read at `epoch`. If anything was invalidated since, the row may predate that change (a request
   * that read just before a sign-out committed), so it is not kept: the next request reads again.
   */
  store(userId: string, sessionId: string, row: Row, epoch: number, now = Date.now()): void {
    if (!this.#live || epoch !== this.#epoch) return;
    const key = `${userId}:${sessionId}`;
    if (this.#entries.size >= MAX_ENTRIES && !this.#entries.has(key)) {
      // Oldest first: Map iteration follows insertion order.
      const oldest = this.#entries.entries().next().value;
      if (oldest) this.#drop(oldest[0], oldest[1].userId);
    }
    this.#entries.set(key, { row, userId, storedAt: now });
    let keys = this.#keysByUser.get(userId);
    if (!keys) this.#keysByUser.set(userId, (keys = new Set()));
    keys.add(key);
  }

  /** Drops every session of this account. */
  forgetUser(userId: string): void {
    this.#epoch++;
    const keys = this.#keysByUser.get(userId);
    if (!keys) return;
    for (const key of keys) this.#entries.delete(key);
    this.#keysByUser.delete(userId);
  }

  clear(): void {
    this.#epoch++;
    this.#entries.clear();
    this.#keysByUser.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #drop(key: string, userId: string): void {
    this.#entries.delete(key);
    const keys = this.#keysByUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByUser.delete(userId);
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
export async function startActorCacheInvalidation(database: Database, log: { warn: (obj: object, msg: string) => void }): Promise<() => Promise<void>> {
  const cache = () => actorCacheFor(database.db);
  let stopping = false;
  const unlisten = await database.listen(IDENTITY_CHANNEL, {
    onMessage: (userId) => cache().forgetUser(userId),
    onState: (listening) => {
      cache().setLive(listening);
      if (!listening && !stopping) log.warn({}, 'identity change notifications interrupted: signed-in callers are read from the database until they resume');
    },
  });
  return async () => {
    stopping = true;
    await unlisten();
  };
}
