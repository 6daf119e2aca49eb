/**
 * Keeps one instance's SearchIndex equal to PostgreSQL's `product_search`, `search_terms`, brands and categories.
 *
 *  - Start: LISTEN on `catalog_changed` first, then read the snapshot, then load every row in batches in the
 *    background (PostgreSQL answers searches meanwhile), then catch up on whatever committed since that snapshot.
 *  - Change: a notification (any instance's write, delivered on commit) or this instance's own write marks the index
 *    stale and starts a catch-up: one statement returning the rows of the transactions the last snapshot did not see
 *    (migration 0014: `changed_xid >= xmax or changed_xid = any(xip)`), the tombstones of removed products, new terms,
 *    and the (small) taxonomy. A notification that only stock moved (every order) drops those products' cards and
 *    nothing else: search rows carry no stock. A search that finds the index stale waits for that catch-up, so it never answers older
 *    than a write that committed before it began.
 *  - Trouble: while the channel is down, a catch-up fails or the index is still building, `ready()` answers undefined
 *    and search.ts asks PostgreSQL. After a reconnection the next catch-up closes the gap (the snapshot says exactly
 *    what was missed), so nothing is rebuilt.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../../db/client.ts';
import { SearchIndex, type TaxonomyEntry } from './search-index.ts';
import type { IndexedProduct, Visibility } from './store.ts';
import { parseTsvector } from './tsvector.ts';

const BATCH = 5_000;
/** A notification naming only products whose stock moved (migration 0024); anything else is any other catalog change. */
const STOCK_PAYLOAD = 'stock:';
/** A search waits at most this long for a catch-up before asking PostgreSQL instead. */
const CATCH_UP_WAIT_MS = 250;

type ProductTuple = [string, Visibility, string, string[], number | string, string, string[], string[], string, string];

export type FeedState = 'building' | 'live' | 'down' | 'stopped';

interface Snapshot {
  xmax: string;
  xip: string[];
}

function parseSnapshot(text: string): Snapshot {
  const [, xmax, xip] = text.split(':') as [string, string, string];
  return { xmax, xip: xip ? xip.split(',') : [] };
}

const productColumns = sql`json_build_array(product_id, visibility, brand_id, category_ids, price_minor, currency, colors, sizes,
  ((extract(epoch from created_at) * 1000000)::bigint)::text, document::text)`;

function toProduct(t: ProductTuple): IndexedProduct {
  return {
    id: t[0],
    visibility: t[1],
    brandId: t[2],
    categoryIds: t[3],
    priceMinor: Number(t[4]),
    currency: t[5],
    colors: t[6],
    sizes: t[7],
    createdMicros: Number(t[8]),
    document: parseTsvector(t[9]),
  };
}

export interface FeedLog {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

export class SearchIndexFeed {
  readonly index = new SearchIndex();
  #state: FeedState = 'building';
  #built = false;
  #listening = false;
  #snapshot: Snapshot | undefined;
  /** Bumped by every change signal; `#applied` is the value the last successful catch-up started from. */
  #wanted = 0;
  #applied = 0;
  #running: Promise<void> | undefined;
  #stop: (() => Promise<void>) | undefined;
  #whenBuilt: Promise<void>;
  #resolveBuilt!: () => void;
  /** Figures of the last full build. */
  buildStats: { ms: number; products: number; bytes: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly log?: FeedLog,
  ) {
    this.#whenBuilt = new Promise((resolve) => (this.#resolveBuilt = resolve));
  }

  get state(): FeedState {
    return this.#state;
  }

  /** LISTENs on the catalog's change channel, then builds in the background; resolves once listening. */
  async start(database: Database, channel: string): Promise<void> {
    this.#stop = await database.listen(channel, {
      onMessage: (payload) =>
        payload.startsWith(STOCK_PAYLOAD) ? this.stockMoved(payload.slice(STOCK_PAYLOAD.length).split(',')) : this.changed(),
      onState: (listening) => {
        this.#listening = listening;
        if (!listening) {
          if (this.#state === 'live') this.#state = 'down';
          return;
        }
        // Back after a loss: whatever was missed is caught up before the index answers again.
        this.changed();
      },
    });
    void this.#build().catch((err: unknown) => {
      this.log?.warn({ err }, 'search index: build failed; searches stay on PostgreSQL');
      this.#state = 'down';
      this.#resolveBuilt();
    });
  }

  async stop(): Promise<void> {
    this.#state = 'stopped';
    await this.#stop?.();
    await this.#running?.catch(() => undefined);
  }

  /** Resolves when the first build has ended, built or failed (tests, SEARCH_INDEX=wait). */
  whenBuilt(): Promise<void> {
    return this.#whenBuilt;
  }

  /** Something in the catalog changed (a notification, or this instance's own write): catch up soon. */
  changed(): void {
    this.#wanted++;
    // Cards may show what changed (a price, a picture, stock): dropped at once, as the answer cache is.
    this.index.cards.clear();
    if (this.#built && this.#state !== 'stopped') void this.catchUp().catch(() => undefined);
  }

  /**
   * Only stock moved (every order placed or cancelled, migration 0024's `stock:<ids>` payload): search rows carry no
   * stock (migration 0023), so there is nothing to catch up on; only those products' cards, which show inventory, go.
   * A catch-up here cost every instance one statement per checkout.
   */
  stockMoved(productIds: readonly string[]): void {
    this.index.cards.forget(productIds);
  }

  /** The index, when it is built, listening and has caught up with every change signalled so far; else undefined. */
  async ready(): Promise<SearchIndex | undefined> {
    if (!this.#built || !this.#listening || this.#state === 'stopped') return undefined;
    if (this.#applied !== this.#wanted) {
      const deadline = Date.now() + CATCH_UP_WAIT_MS;
      while (this.#applied !== this.#wanted && Date.now() < deadline) {
        try {
          await this.catchUp();
        } catch {
          return undefined;
        }
      }
      if (this.#applied !== this.#wanted) return undefined;
    }
    return this.#state === 'live' ? this.index : undefined;
  }

  /** One catch-up at a time; callers that arrive meanwhile wait for it (and loop if they need a later one). */
  async catchUp(): Promise<void> {
    if (this.#running) return this.#running;
    const target = this.#wanted;
    this.#running = this.#applyChanges()
      .then(() => {
        this.#applied = target;
        if (this.#listening && this.#state !== 'stopped') this.#state = 'live';
      })
      .catch((err: unknown) => {
        if (this.#state === 'live') this.#state = 'down';
        this.log?.warn({ err }, 'search index: catch-up failed; searches go to PostgreSQL until the next one succeeds');
        throw err;
      })
      .finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #build(): Promise<void> {
    const started = performance.now();
    const [snap] = await queryRows<{ s: string }>(this.db, sql`select pg_current_snapshot()::text as s`);
    this.#snapshot = parseSnapshot(snap!.s);
    const batchAfter = (last: string | undefined) =>
      queryRows<{ r: ProductTuple }>(
        this.db,
        sql`select ${productColumns} as r from product_search ${last ? sql`where product_id > ${last}::uuid` : sql``} order by product_id limit ${BATCH}`,
      );
    // The next batch is asked for before this one is parsed, so PostgreSQL and this process work side by side.
    let next: Promise<{ r: ProductTuple }[]> | undefined = batchAfter(undefined);
    while (next) {
      const rows: { r: ProductTuple }[] = await next;
      if (this.#state === 'stopped') return this.#resolveBuilt();
      next = rows.length < BATCH ? undefined : batchAfter(rows.at(-1)!.r[0]);
      // A failed read-ahead is reported by the await above on the next turn, not as an unhandled rejection meanwhile.
      next?.catch(() => undefined);
      for (const { r } of rows) this.index.store.upsert(toProduct(r));
    }
    const terms = await queryRows<{ term: string; uses: number }>(this.db, sql`select term, uses from search_terms`);
    for (const t of terms) this.index.vocabulary.set(t.term, t.uses);
    await this.#loadTaxonomy();
    this.#built = true;
    // Everything committed after the snapshot, during the build, is applied before the index answers.
    const target = this.#wanted;
    await this.#applyChanges();
    this.#applied = target;
    if ((this.#state as FeedState) === 'stopped') return;
    this.#state = this.#listening ? 'live' : 'down';
    const stats = this.index.stats();
    this.buildStats = { ms: Math.round(performance.now() - started), products: stats.products, bytes: stats.bytes };
    this.log?.info({ ...this.buildStats, lexemes: stats.lexemes, terms: stats.terms }, 'search index built');
    this.#resolveBuilt();
  }

  async #loadTaxonomy(): Promise<void> {
    const [row] = await queryRows<{ brands: TaxonomyEntry[] | null; categories: TaxonomyEntry[] | null }>(
      this.db,
      sql`select (select json_agg(json_build_object('id', id, 'slug', slug, 'name', name)) from brands) as brands,
                 (select json_agg(json_build_object('id', id, 'slug', slug, 'name', name)) from categories) as categories`,
    );
    this.index.setTaxonomy(row?.brands ?? [], row?.categories ?? []);
  }

  /** Applies every change the last snapshot did not see, in one statement (so rows and new snapshot agree). */
  async #applyChanges(): Promise<void> {
    const since = this.#snapshot!;
    const unseen = (col: string) =>
      sql`(${sql.raw(col)} >= ${since.xmax}::xid8 or ${sql.raw(col)} = any(${`{${since.xip.join(',')}}`}::xid8[]))`;
    const [row] = await queryRows<{
      snap: string;
      products: ProductTuple[];
      removed: string[];
      terms: [string, number][];
      brands: TaxonomyEntry[] | null;
      categories: TaxonomyEntry[] | null;
    }>(
      this.db,
      sql`select pg_current_snapshot()::text as snap,
        (select coalesce(json_agg(${productColumns}), '[]'::json) from product_search where ${unseen('changed_xid')}) as products,
        (select coalesce(json_agg(r.product_id), '[]'::json) from product_search_removed r
          where ${unseen('r.changed_xid')} and not exists (select 1 from product_search s where s.product_id = r.product_id)) as removed,
        (select coalesce(json_agg(json_build_array(term, uses)), '[]'::json) from search_terms where ${unseen('changed_xid')}) as terms,
        (select json_agg(json_build_object('id', id, 'slug', slug, 'name', name)) from brands) as brands,
        (select json_agg(json_build_object('id', id, 'slug', slug, 'name', name)) from categories) as categories`,
    );
    const r = row!;
    // Applied synchronously: a search never sees half of a catch-up.
    for (const t of r.products) this.index.store.upsert(toProduct(t));
    for (const id of r.removed) this.index.store.remove(id);
    for (const [term, uses] of r.terms) this.index.vocabulary.set(term, uses);
    this.index.setTaxonomy(r.brands ?? [], r.categories ?? []);
    if (this.index.store.wantsCompaction) this.index.store.compact();
    this.#snapshot = parseSnapshot(r.snap);
  }
}

const feeds = new WeakMap<object, SearchIndexFeed>();

/** This database handle's index feed, if one was started (the catalog routes start it). */
export function searchIndexFeed(db: Db): SearchIndexFeed | undefined {
  return typeof db === 'object' && db !== null ? feeds.get(db) : undefined;
}

/** Starts the index of `database` in the background, fed by `channel`'s notifications; resolves to its stopper. */
export async function startSearchIndex(database: Database, channel: string, log?: FeedLog): Promise<() => Promise<void>> {
  // No database at all (the OpenAPI generator builds the app without one): nothing to index.
  if (typeof database.db !== 'object' || database.db === null) return async () => {};
  const feed = new SearchIndexFeed(database.db, log);
  feeds.set(database.db, feed);
  await feed.start(database, channel);
  return async () => {
    feeds.delete(database.db);
    await feed.stop();
  };
}

/** This instance wrote to the catalog: the index catches up before it answers again (read-your-writes). */
export function searchIndexChanged(db: Db): void {
  searchIndexFeed(db)?.changed();
}

/** The ready index of `db`, or undefined when PostgreSQL should answer (not started, building, stale, feed down). */
export async function readySearchIndex(db: Db): Promise<SearchIndex | undefined> {
  return searchIndexFeed(db)?.ready();
}
