import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, queryRows, type Database } from '../db/client.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { adminUrl, databaseUrlFor } from '../test/postgres.ts';
import { enqueue } from './queue.ts';
import type { JobDefinition } from './types.ts';
import { backoffMs, startWorker, type JobsWorker, type WorkerOptions } from './worker.ts';

const quiet = {
  info: () => undefined,
  warn: (o: object, m: string) => process.env.JOBS_DEBUG && console.warn(m, o),
  error: (o: object, m: string) => process.env.JOBS_DEBUG && console.error(m, o),
};
let app: TestApp;
const workers: JobsWorker[] = [];

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await app.shutdown();
});

const unique = (what: string) => `test.${what}.${randomBytes(4).toString('hex')}`;
async function worker(
  definitions: JobDefinition[],
  options: WorkerOptions = {},
  database: Pick<Database, 'listen'> = app.database,
  db = app.db,
) {
  const w = await startWorker({ ctx: { ...app.ctx, db }, database, log: quiet }, definitions, options);
  workers.push(w);
  return w;
}
async function until(check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const rowsNamed = (name: string) =>
  queryRows<{ status: string; attempts: number; last_error: string | null; run_at: Date; max_attempts: number }>(
    app.db,
    sql`select status, attempts, last_error, run_at, max_attempts from jobs where name = ${name}`,
  );

describe('the durable queue', () => {
  it('runs a job only if the transaction that enqueued it commits, and promptly (woken by NOTIFY, not the poll)', async () => {
    const name = unique('commit');
    const seen: unknown[] = [];
    await worker([{ name, handle: async (_ctx, payload) => void seen.push(payload) }], { pollIntervalMs: 60_000 });
    await app.db
      .transaction(async (tx) => {
        await enqueue(tx, name, { n: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const started = Date.now();
    await app.db.transaction(async (tx) => void (await enqueue(tx, name, { n: 'committed' })));
    await until(() => seen.length === 1, 2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([{ n: 'committed' }]);
    expect(await rowsNamed(name)).toEqual([]);
  });

  it('retries a throwing handler with growing delays, then keeps it dead with its last error', async () => {
    const name = unique('throws');
    const attempts: number[] = [];
    await worker(
      [
        {
          name,
          maxAttempts: 3,
          handle: async (_ctx, _p, job) => {
            attempts.push(Date.now());
            throw new Error(`boom on attempt ${job.attempt}`);
          },
        },
      ],
      { backoffBaseMs: 100, pollIntervalMs: 20 },
    );
    await enqueue(app.db, name, {});
    await until(async () => (await rowsNamed(name))[0]?.status === 'dead', 5_000);
    const [row] = await rowsNamed(name);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, max_attempts: 3, last_error: 'Error: boom on attempt 3' });
    expect(attempts).toHaveLength(3);
    // 100 ms then 200 ms (±20 %), plus a poll.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(75);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(155);
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toHaveLength(3);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(backoffMs(30, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(800);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1200);
  });

  it('keeps one live job per dedupe key, and does not run a scheduled job before its time', async () => {
    const name = unique('scheduled');
    const ran: number[] = [];
    await worker([{ name, handle: async () => void ran.push(Date.now()) }], { pollIntervalMs: 20 });
    const runAt = new Date(Date.now() + 600);
    const first = await enqueue(app.db, name, {}, { runAt, dedupeKey: `${name}:once` });
    const second = await enqueue(app.db, name, {}, { runAt, dedupeKey: `${name}:once` });
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    expect(await rowsNamed(name)).toHaveLength(1);
    // When it ran is the proof (not an early look at an empty list, which a slow machine can pass the run time of).
    await until(() => ran.length === 1, 3_000);
    expect(ran[0]!).toBeGreaterThanOrEqual(runAt.getTime() - 50);
    await new Promise((r) => setTimeout(r, 200));
    expect(ran).toHaveLength(1);
  });

  it('keeps exactly one pending run of a recurring job across workers, and runs it again and again', async () => {
    const name = unique('every');
    let runs = 0;
    const def: JobDefinition = { name, every: { seconds: 0.2 }, handle: async () => void (runs += 1) };
    await worker([def], { pollIntervalMs: 20 });
    await worker([def], { pollIntervalMs: 20 });
    expect((await rowsNamed(name)).length).toBe(1);
    await until(() => runs >= 3, 5_000);
    const live = await rowsNamed(name);
    expect(live.length).toBe(1);
    expect(['pending', 'running']).toContain(live[0]!.status);
  });

  it('gives back the jobs of a worker that died once its lease lapses, and runs them', async () => {
    const name = unique('lease');
    const ran: string[] = [];
    const id = await enqueue(app.db, name, {});
    // A worker took it and vanished (SIGKILL): running, lease already over.
    await app.db.execute(
      sql`update jobs set status = 'running', attempts = 1, locked_by = 'gone', locked_until = now() - interval '1 second' where id = ${id}`,
    );
    await worker([{ name, handle: async (_c, _p, job) => void ran.push(`${job.id}#${job.attempt}`) }], { pollIntervalMs: 20, leaseMs: 60 });
    await until(() => ran.length === 1, 3_000);
    expect(ran).toEqual([`${id}#2`]);
  });

  it('stop() waits for the handlers that are running', async () => {
    const name = unique('stop');
    let finished = false;
    const w = await worker(
      [
        {
          name,
          handle: async () => {
            await new Promise((r) => setTimeout(r, 300));
            finished = true;
          },
        },
      ],
      { pollIntervalMs: 20 },
    );
    await enqueue(app.db, name, {});
    await until(async () => (await rowsNamed(name))[0]?.status === 'running', 2_000);
    await w.stop();
    expect(finished).toBe(true);
    expect(await rowsNamed(name)).toEqual([]);
  });
});

const url = process.env.DATABASE_URL;
describe.runIf(url)('two instances on one PostgreSQL', () => {
  const dbName = `sbz_test_${randomBytes(6).toString('hex')}`;
  const databases: Database[] = [];
  let admin: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> };
  beforeAll(async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl(url!) });
    await client.connect();
    await client.query(`create database ${dbName} template ${inject('postgresTemplate')}`);
    admin = client;
    for (let i = 0; i < 2; i++) databases.push(await openDatabase({ kind: 'postgres', url: databaseUrlFor(url!, dbName), poolMax: 4 }));
  });
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(databases.map((d) => d.close()));
    await admin?.query(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  it("a claim's commit skips the WAL flush in its own transaction only, and its planner settings end with it", async () => {
    const one = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url!, dbName), poolMax: 1 });
    try {
      const claim = sql`select * from jobs_claim('test', array[${unique('none')}]::text[], 1, 60, '{}'::uuid[])`;
      const settings = async (db: typeof one.db) =>
        (
          await queryRows<{ commit: string; bitmap: string }>(
            db,
            sql`select current_setting('synchronous_commit') as commit, current_setting('enable_bitmapscan') as bitmap`,
          )
        )[0];
      await one.db.transaction(async (tx) => {
        await tx.execute(claim);
        expect(await settings(tx)).toEqual({ commit: 'off', bitmap: 'on' });
      });
      // The same connection (a pool of one), next transaction: the app's commits wait for the flush again.
      await one.db.execute(claim);
      expect(await settings(one.db)).toEqual({ commit: 'on', bitmap: 'on' });
    } finally {
      await one.close();
    }
  });

  it('drain 1,000 jobs between them, each handled once', async () => {
    const name = unique('drain');
    const handled = new Map<string, number>();
    const byWorker = [0, 0];
    const def = (i: number): JobDefinition<{ n: number }> => ({
      name,
      handle: async (_ctx, payload) => {
        handled.set(String(payload.n), (handled.get(String(payload.n)) ?? 0) + 1);
        byWorker[i]! += 1;
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    await worker([def(0) as JobDefinition], { pollIntervalMs: 50 }, databases[0]!, databases[0]!.db);
    await worker([def(1) as JobDefinition], { pollIntervalMs: 50 }, databases[1]!, databases[1]!.db);
    // Enqueued from both instances, 50 per transaction.
    for (let batch = 0; batch < 20; batch++) {
      const db = databases[batch % 2]!.db;
      await db.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) await enqueue(tx, name, { n: batch * 50 + i });
      });
    }
    await until(() => handled.size === 1000, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(handled.size).toBe(1000);
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    expect(byWorker[0]! + byWorker[1]!).toBe(1000);
    expect(byWorker[0]).toBeGreaterThan(0);
    expect(byWorker[1]).toBeGreaterThan(0);
    const [left] = await queryRows<{ n: number }>(databases[0]!.db, sql`select count(*)::int as n from jobs where name = ${name}`);
    expect(left!.n).toBe(0);
  });
});
