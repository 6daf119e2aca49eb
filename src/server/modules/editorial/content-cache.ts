/**
 * Public editorial answers (the Journal's lists, article pages) kept in memory per instance, dropped
 *  - at once when this instance writes content;
 *  - on every instance within milliseconds, by the `content_changed` NOTIFY a trigger sends on any change to content
 *    (publishing, an RSVP taking a seat); by `catalog_changed`, the answers that show live pieces (a piece's page and
 *    the kept documents), since a piece may have sold out, changed or been withdrawn. The lists and the home page's
 *    slots show the Journal's own fields only, so an order moving stock (hundreds a second at peak) leaves them kept;
 *  - when a scheduled piece falls due (`dueAt`), so it appears at its minute without any write;
 *  - after TTL_MS in any case.
 * An answer computed while an invalidation arrived is not kept. While notifications cannot reach this instance the
 * cache is off (db/notified-cache.ts).
 */
import type { Database, Db } from '../../db/client.ts';
import { listenForChanges, NotifiedCache } from '../../db/notified-cache.ts';

export const CONTENT_CHANNEL = 'content_changed';
const CATALOG_CHANNEL = 'catalog_changed';
const CHANNELS = [CONTENT_CHANNEL, CATALOG_CHANNEL] as const;

/** The tag of kept answers that show catalogue pieces live (a piece's page with its product rows and looks). */
const SHOWS_PIECES = 'pieces';

export class ContentCache {
  readonly #answers = new NotifiedCache<unknown>({ ttlMs: 60_000, maxEntries: 1_000 });
  // Whole Journal documents as the web server rendered them (about 50 KB each), dropped with the answers they show.
  readonly #documents = new NotifiedCache<unknown>({ ttlMs: 60_000, maxEntries: 200 });
  readonly #listening = new Map<string, boolean>();
  /** When the next scheduled piece falls due (ms), or undefined when none is scheduled; `#dueKnown` false: not read yet. */
  #dueAt: number | undefined;
  #dueKnown = false;

  get live(): boolean {
    return this.#answers.live;
  }

  /** The cache one channel's subscription drives: live only while every channel is heard. */
  channel(name: string): { setLive(live: boolean): void; clear(): void } {
    return {
      setLive: (live) => {
        this.#listening.set(name, live);
        this.#dueKnown = false;
        const all = CHANNELS.every((c) => this.#listening.get(c) === true);
        this.#answers.setLive(all);
        this.#documents.setLive(all);
      },
      clear: () => this.invalidate(),
    };
  }

  /** The catalogue changed: what shows live pieces goes (pages, documents); lists and slots stay. */
  catalogChanged(): void {
    this.#answers.forgetTag(SHOWS_PIECES);
    this.#documents.clear();
  }

  invalidate(): void {
    this.#answers.clear();
    this.#documents.clear();
    this.#dueKnown = false;
  }

  /**
   * A kept document, while nothing it shows can have changed: the same notifications drop it as the answers it was
   * rendered from, and it is never used once the next scheduled piece has fallen due (or before that minute is known).
   */
  document(key: string, now: number): unknown {
    if (!this.#documents.live || !this.#dueKnown) return undefined;
    if (this.#dueAt !== undefined && now >= this.#dueAt) {
      this.invalidate();
      return undefined;
    }
    return this.#documents.get(key, now);
  }

  /** The token to hand back to `keepDocument`: a document rendered from now on is kept only if nothing changed meanwhile. */
  get documentEpoch(): number {
    return this.#documents.epoch;
  }

  keepDocument(key: string, document: unknown, epoch: number, now: number): void {
    this.#documents.store(key, document, epoch, { now });
  }

  /**
   * The kept answer for `key` when `get` would answer it without a read: the cache live, the next scheduled piece's
   * minute known and not yet come. Otherwise undefined (then `get` decides, and reads what it must).
   */
  peek(key: string, now: number): unknown {
    if (!this.#answers.live || !this.#dueKnown || (this.#dueAt !== undefined && now >= this.#dueAt)) return undefined;
    return this.#answers.get(key, now);
  }

  /** The kept answer, or `compute()`'s; `nextDue` tells when the next scheduled piece publishes (read once per change). */
  async get<T>(
    key: string,
    now: number,
    nextDue: () => Promise<number | undefined>,
    compute: () => Promise<T>,
    options: { showsPieces?: boolean } = {},
  ): Promise<T> {
    if (!this.#answers.live) return compute();
    if (!this.#dueKnown) {
      const epoch = this.#answers.epoch;
      const due = await nextDue();
      if (epoch === this.#answers.epoch) {
        this.#dueAt = due;
        this.#dueKnown = true;
      }
    }
    if (this.#dueAt !== undefined && now >= this.#dueAt) this.invalidate();
    const hit = this.#answers.get(key, now);
    if (hit !== undefined) return hit as T;
    const epoch = this.#answers.epoch;
    const value = await compute();
    this.#answers.store(key, value, epoch, { now, ...(options.showsPieces ? { tag: SHOWS_PIECES } : {}) });
    return value;
  }
}

const caches = new WeakMap<object, ContentCache>();

export function contentCache(db: Db): ContentCache {
  if (typeof db !== 'object' || db === null) return new ContentCache();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ContentCache()));
  return cache;
}

/** Subscribes the cache to content and catalog changes (a module listener); resolves to the unsubscriber. */
export async function listenForContentChanges(
  database: Database,
  log?: { warn: (obj: object, msg: string) => void },
): Promise<() => Promise<void>> {
  const cache = contentCache(database.db);
  const stops: Array<() => Promise<void>> = [];
  for (const channel of CHANNELS)
    stops.push(
      await listenForChanges(database, channel, cache.channel(channel), {
        log,
        what: 'editorial answers',
        ...(channel === CATALOG_CHANNEL ? { onMessage: () => cache.catalogChanged() } : {}),
      }),
    );
  return async () => {
    for (const stop of stops) await stop();
  };
}

// ───────────────────────────── the editorial clock ─────────────────────────────

const offsets = new WeakMap<object, number>();

/**
 * Now, for publishing decisions. Always the real time, except when a test has moved this database's editorial clock
 * forward (only possible with EDITORIAL_TEST_CLOCK, which production refuses).
 */
export function editorialNow(db: Db): number {
  return Date.now() + (offsets.get(db) ?? 0);
}

export function advanceEditorialClock(db: Db, ms: number): number {
  offsets.set(db, (offsets.get(db) ?? 0) + ms);
  contentCache(db).invalidate();
  return editorialNow(db);
}
