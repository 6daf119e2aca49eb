import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { is, sql, type SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { withAfterCommitScopes } from './after-commit.ts';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
/**
 * The one database type services take: PGlite and node-postgres both satisfy it. Without the schema: nothing uses
 * Drizzle's relational queries (`db.query.*`), and with it every transaction built a query builder per table
 * (~120 objects) before its first statement.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `select 1`; rejects when the database is unreachable. */
  ping(): Promise<void>;
  /** Closes connections (and flushes PGlite to disk); safe to call twice. */
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory, to start copies quickly (tests). */
  dump?: () => Promise<Blob>;
  /**
   * LISTENs on a channel for NOTIFY payloads. `onState(true)` once listening, `onState(false)` whenever
   * notifications may have been missed (connection lost; it reconnects by itself). Resolves to the unsubscriber.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
}

export interface ListenHandlers {
  onMessage: (payload: string) => void;
  onState: (listening: boolean) => void;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;
const RELISTEN_DELAY_MS = 1_000;

export type DatabaseTarget =
  /** `poolWaitMs`: how long a query may wait for a free pooled connection before the request answers 503. */
  { kind: 'postgres'; url: string; poolMax?: number; poolWaitMs?: number } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

const casing = 'snake_case' as const;

/** Opens PGlite (embedded, in-process) or a node-postgres pool. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolMax ?? 10, target.poolWaitMs ?? 5_000) : openPglite(target);
}

async function openPostgres(url: string, max: number, poolWaitMs: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // bigint (int8) and numeric arrive as strings by default; counts and money in minor units fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: poolWaitMs });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight still reject.
  });
  const db = withAfterCommitScopes(drizzle(pool, { casing }) as unknown as Db);
  let closed = false;
  const listeners = new Set<() => Promise<void>>();

  /** A dedicated connection (a pooled one would be handed to queries) that re-LISTENs after any loss. */
  const listen = async (channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> => {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    let client: InstanceType<typeof pg.Client> | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const lost = () => {
      handlers.onState(false);
      client?.removeAllListeners();
      void client?.end().catch(() => undefined);
      client = undefined;
      if (!stopped && !closed) retry = setTimeout(() => void connect(), RELISTEN_DELAY_MS).unref();
    };
    const connect = async () => {
      const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      next.on('notification', (message) => {
        if (message.channel === channel && message.payload) handlers.onMessage(message.payload);
      });
      next.on('error', () => client === next && lost());
      next.on('end', () => client === next && lost());
      client = next;
      try {
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        if (!stopped) handlers.onState(true);
      } catch {
        if (client === next) lost();
      }
    };
    await connect();
    const stop = async () => {
      stopped = true;
      clearTimeout(retry);
      listeners.delete(stop);
      handlers.onState(false);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      await last?.end().catch(() => undefined);
    };
    listeners.add(stop);
    return stop;
  };

  return {
    db,
    kind: 'postgres',
    ping: async () => void (await db.execute(sql`select 1`)),
    listen,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

async function openPglite(target: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const [{ pg_trgm }, { btree_gist }, { unaccent }, { pgcrypto }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
  ]);
  let dataDir: string | undefined;
  let releaseLock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    dataDir = join(target.dataDir, 'pglite');
    releaseLock = lockDataDir(join(target.dataDir, 'pglite.lock'));
  }
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    extensions: { pg_trgm, btree_gist, unaccent, pgcrypto },
  });
  const db = withAfterCommitScopes(drizzle(client, { casing }) as unknown as Db);
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await client.query('select 1')),
    // In-process: a notification cannot be lost, so the subscription holds until it is stopped.
    listen: async (channel, handlers) => {
      if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
      const unlisten = await client.listen(channel, (payload) => payload && handlers.onMessage(payload));
      handlers.onState(true);
      return async () => {
        handlers.onState(false);
        if (!closed) await unlisten();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
    dump: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

/** Rows of a raw SQL query; PGlite and node-postgres both answer `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A raw statement prepared by name, its values given as `sql.placeholder(name)`: Drizzle builds its text once, and
 * PostgreSQL parses and plans it once per connection instead of at every call (for a hot statement such as a message's
 * append, planning took about half as long as running it). Prepared once per database; in a transaction, on the
 * transaction at each call (the connection still reuses its plan). The name must be unique to this statement.
 */
export function preparedRows<T>(name: string, statement: SQL): (db: Db | Tx, values: Record<string, unknown>) => Promise<T[]> {
  const query = new PgDialect().sqlToQuery(statement);
  const prepared = new WeakMap<Db, ReturnType<Db['_']['session']['prepareQuery']>>();
  return async (db, values) => {
    let q = prepared.get(db as Db);
    if (!q) {
      q = db._.session.prepareQuery(query, undefined, name, false);
      if (!is(db, PgTransaction)) prepared.set(db as Db, q);
    }
    return ((await q.execute(values)) as { rows: T[] }).rows;
  };
}

/** PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function databaseTargetFor(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'dataDir'>): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it. A pid file refuses the
 * second one with a clear message; a file left by a process that died (SIGKILL) is taken over.
 */
function lockDataDir(file: string): () => void {
  const tryCreate = () => {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  };
  try {
    tryCreate();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number(readFileSync(file, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${file.replace(/pglite\.lock$/, '')} is in use by process ${owner}. Stop it first, or set DATA_DIR to another folder.`,
        { cause: err },
      );
    }
    unlinkSync(file);
    tryCreate();
  }
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
