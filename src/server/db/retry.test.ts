/**
 * A real deadlock on PostgreSQL (PGlite has one connection, so it cannot deadlock): two transactions take two rows
 * in opposite orders. Without `retryTransient` PostgreSQL aborts one with 40P01; with it, both complete.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/app.ts';
import { queryRows, type Database } from './client.ts';
import { pgCode, retryTransient } from './errors.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table deadlock_probe (id int primary key, n int not null default 0)`);
  await database.db.execute(sql`insert into deadlock_probe (id) values (1), (2)`);
});
afterAll(() => database.close());

/** Both transactions hold their first row before either asks for its second, so they must wait on each other. */
function crossed(wrap: <T>(run: () => Promise<T>) => Promise<T>) {
  let arrived = 0;
  let release!: () => void;
  const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
  const take = (first: number, second: number) =>
    wrap(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update deadlock_probe set n = n + 1 where id = ${first}`);
        if (++arrived === 2) release();
        await Promise.race([bothHoldOne, new Promise((resolve) => setTimeout(resolve, 200))]);
        await tx.execute(sql`update deadlock_probe set n = n + 1 where id = ${second}`);
      }),
    );
  return Promise.allSettled([take(1, 2), take(2, 1)]);
}

describe.runIf(onPostgres)('transactions aborted as a deadlock victim', () => {
  it('fail with 40P01 when run once', async () => {
    const results = await crossed((run) => run());
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toHaveLength(1);
    expect(pgCode((failures[0] as PromiseRejectedResult).reason)).toBe('40P01');
  });

  it('both complete through retryTransient', async () => {
    const [before] = await queryRows<{ n: number }>(database.db, sql`select sum(n)::int as n from deadlock_probe`);
    const results = await crossed((run) => retryTransient(run));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [after] = await queryRows<{ n: number }>(database.db, sql`select sum(n)::int as n from deadlock_probe`);
    expect(Number(after!.n) - Number(before!.n)).toBe(4);
  });
});
