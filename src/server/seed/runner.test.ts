import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Client as PgClient } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, queryRows, type Database, type Db, type Tx } from '../db/client.ts';
import { createTestDatabase } from '../test/app.ts';
import { adminUrl, databaseUrlFor } from '../test/postgres.ts';
import { orderSeeders, resetSeeds, runSeeders } from './runner.ts';
import type { SeedContext, Seeder } from './seeder.ts';

// Test seeders write into tables this file creates; the real registry stays empty until domain issues fill it.
async function createTables(db: Db) {
  await db.execute(
    sql`create table if not exists seed_test_houses (id int primary key, name text not null, score double precision not null)`,
  );
  await db.execute(
    sql`create table if not exists seed_test_items (id int primary key, house_id int not null references seed_test_houses(id), chunk int not null, score double precision not null)`,
  );
}

/** A small seeder: five houses, every value drawn from ctx.random. */
function housesSeeder(calls: string[] = []): Seeder {
  return {
    name: 'houses',
    clear: async (tx) => void (await tx.execute(sql`delete from seed_test_houses`)),
    async run(tx, ctx) {
      calls.push('houses');
      const names = ['maison', 'atelier', 'villa', 'salon', 'galerie'];
      for (let i = 0; i < 5; i++) {
        await tx.execute(
          sql`insert into seed_test_houses (id, name, score) values (${i + 1}, ${ctx.random.pick(names)}, ${ctx.random.next()})`,
        );
      }
      return 5;
    },
  };
}

/** A chunked seeder: `total` items, `chunkSize` per transaction; `failAt` throws in that chunk after writing half of it. */
function itemsSeeder(opts: { total?: number; chunkSize?: number; failAt?: number; calls?: SeedContext['chunk'][] } = {}): Seeder {
  return {
    name: 'items',
    dependsOn: ['houses'],
    plan: (options) => ({ total: options.items ?? opts.total ?? 10, chunkSize: opts.chunkSize ?? 3 }),
    clear: async (tx) => void (await tx.execute(sql`delete from seed_test_items`)),
    async run(tx, ctx) {
      opts.calls?.push(ctx.chunk);
      for (let id = ctx.chunk.from; id < ctx.chunk.to; id++) {
        if (ctx.chunk.index === opts.failAt && id === ctx.chunk.from + 1) throw new Error('disk on fire');
        await tx.execute(
          sql`insert into seed_test_items (id, house_id, chunk, score) values (${id}, ${ctx.random.int(1, 5)}, ${ctx.chunk.index}, ${ctx.random.next()})`,
        );
      }
      return ctx.chunk.to - ctx.chunk.from;
    },
  };
}

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await createTables(db);
});
afterAll(() => database.close());
beforeEach(async () => {
  for (const table of ['seed_test_items', 'seed_test_houses', 'seed_runs', 'seed_progress'])
    await db.execute(sql`delete from ${sql.identifier(table)}`);
});

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);
const seedRuns = () => rows<{ name: string; seed: number; rows: number }>(sql`select name, seed, rows from seed_runs order by name`);
const progress = () => rows<{ name: string; chunks_done: number; rows: number }>(sql`select name, chunks_done, rows from seed_progress`);
const items = () =>
  rows<{ id: number; house_id: number; chunk: number; score: number }>(
    sql`select id, house_id, chunk, score from seed_test_items order by id`,
  );
const houses = () => rows<{ id: number; name: string; score: number }>(sql`select id, name, score from seed_test_houses order by id`);

describe('orderSeeders', () => {
  const s = (name: string, dependsOn?: string[]): Seeder => ({ name, dependsOn, run: async () => 0 });

  it('puts dependencies first and keeps registration order otherwise', () => {
    const order = orderSeeders([s('orders', ['products', 'clients']), s('clients'), s('products', ['brands']), s('brands'), s('journal')]);
    expect(order.map((x) => x.name)).toEqual(['brands', 'products', 'clients', 'orders', 'journal']);
  });

  it('rejects unknown dependencies, cycles, duplicates and bad names', () => {
    expect(() => orderSeeders([s('a', ['ghost'])])).toThrow(/depends on "ghost"/);
    expect(() => orderSeeders([s('a', ['b']), s('b', ['c']), s('c', ['a'])])).toThrow(/cycle: a → b → c → a/);
    expect(() => orderSeeders([s('a'), s('a')])).toThrow(/Two seeders/);
    expect(() => orderSeeders([s('Products')])).toThrow(/kebab-case/);
  });
});

describe('runSeeders', () => {
  it('runs every pending seeder once, in dependency order, and records it in seed_runs', async () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const seeders = [itemsSeeder(), housesSeeder(calls)];
    const first = await runSeeders(db, { seed: 7, seeders, log: (l) => lines.push(l) });
    expect(first.ran.map((r) => [r.name, r.rows])).toEqual([
      ['houses', 5],
      ['items', 10],
    ]);
    expect(await seedRuns()).toEqual([
      { name: 'houses', seed: 7, rows: 5 },
      { name: 'items', seed: 7, rows: 10 },
    ]);
    expect(await progress()).toEqual([]);
    expect(lines[0]).toBe('Seeding demo data (seed 7): houses, items');
    expect(lines).toContain('Seeding demo data: items 3/10…');
    expect(lines.some((l) => /^Seeding demo data: items done, 10 rows in \d+\.\d s$/.test(l))).toBe(true);

    lines.length = 0;
    const second = await runSeeders(db, { seed: 7, seeders, log: (l) => lines.push(l) });
    expect(second).toEqual({ ran: [], alreadyDone: ['houses', 'items'], busy: false, interrupted: false });
    expect(calls).toEqual(['houses']);
    expect(lines).toEqual([]);
  });

  it('is deterministic per seed, and adding a seeder never changes another one’s data', async () => {
    await runSeeders(db, { seed: 2026, seeders: [housesSeeder()] });
    const alone = await houses();
    await resetSeeds(db, { seeders: [housesSeeder(), itemsSeeder()] });
    await runSeeders(db, { seed: 2026, seeders: [itemsSeeder(), housesSeeder()] });
    expect(await houses()).toEqual(alone);
    await resetSeeds(db, { seeders: [housesSeeder(), itemsSeeder()] });
    await runSeeders(db, { seed: 2027, seeders: [housesSeeder()] });
    expect(await houses()).not.toEqual(alone);
  });

  it('splits a planned seeder into chunks with the right ranges', async () => {
    const calls: SeedContext['chunk'][] = [];
    await runSeeders(db, { seed: 1, seeders: [housesSeeder(), itemsSeeder({ calls })], progressIntervalMs: 0 });
    expect(calls).toEqual([
      { index: 0, count: 4, from: 0, to: 3, total: 10 },
      { index: 1, count: 4, from: 3, to: 6, total: 10 },
      { index: 2, count: 4, from: 6, to: 9, total: 10 },
      { index: 3, count: 4, from: 9, to: 10, total: 10 },
    ]);
    expect((await items()).map((i) => i.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves fresh planner statistics behind, so the first queries on a large seed get good plans', async () => {
    await runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder()], options: { items: 37 } });
    const [stats] = await queryRows<{ reltuples: number }>(db, sql`select reltuples from pg_class where relname = 'seed_test_items'`);
    expect(Number(stats!.reltuples)).toBe(37);
  });

  it('takes counts from options, and completes a plan of zero units without calling run', async () => {
    const calls: SeedContext['chunk'][] = [];
    const summary = await runSeeders(db, { seed: 1, seeders: [housesSeeder(), itemsSeeder({ calls })], options: { items: 0 } });
    expect(calls).toEqual([]);
    expect(summary.ran.find((r) => r.name === 'items')?.rows).toBe(0);
    await resetSeeds(db, { seeders: [housesSeeder(), itemsSeeder()] });
    await runSeeders(db, { seed: 1, seeders: [housesSeeder(), itemsSeeder()], options: { items: 25 } });
    expect(await items()).toHaveLength(25);
  });

  it('rolls back a failing seeder completely and runs it again next time', async () => {
    const failing: Seeder = {
      name: 'houses',
      async run(tx) {
        await tx.execute(sql`insert into seed_test_houses (id, name, score) values (1, 'half', 0)`);
        throw new Error('out of marble');
      },
    };
    await expect(runSeeders(db, { seed: 1, seeders: [failing] })).rejects.toThrow('Seeder "houses" failed: out of marble');
    expect(await houses()).toEqual([]);
    expect(await seedRuns()).toEqual([]);
    await runSeeders(db, { seed: 1, seeders: [housesSeeder()] });
    expect(await houses()).toHaveLength(5);
  });

  it('keeps committed chunks after a failure, resumes after the last one and ends with the same data as an uninterrupted run', async () => {
    await runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder()] });
    const uninterrupted = await items();
    await resetSeeds(db, { seeders: [housesSeeder(), itemsSeeder()] });

    await expect(runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder({ failAt: 2 })] })).rejects.toThrow(
      'Seeder "items" failed at chunk 3 of 4: disk on fire',
    );
    // Chunks 0 and 1 are committed whole; nothing of chunk 2 is there.
    expect((await items()).map((i) => i.chunk)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(await progress()).toEqual([{ name: 'items', chunks_done: 2, rows: 6 }]);
    expect((await seedRuns()).map((r) => r.name)).toEqual(['houses']);

    const calls: SeedContext['chunk'][] = [];
    const lines: string[] = [];
    const summary = await runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder({ calls })], log: (l) => lines.push(l) });
    expect(calls.map((c) => c.index)).toEqual([2, 3]);
    expect(lines).toContain('Seeding demo data: items resuming at 6/10');
    expect(summary.ran).toEqual([expect.objectContaining({ name: 'items', rows: 10 })]);
    expect(await items()).toEqual(uninterrupted);
    expect(await progress()).toEqual([]);
  });

  it('starts a chunked seeder over (clearing its rows) when the seed or the size changed since the checkpoint', async () => {
    await expect(runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder({ failAt: 2 })] })).rejects.toThrow();
    const calls: SeedContext['chunk'][] = [];
    const lines: string[] = [];
    await runSeeders(db, { seed: 3, seeders: [housesSeeder(), itemsSeeder({ calls, total: 12 })], log: (l) => lines.push(l) });
    expect(calls[0]?.index).toBe(0);
    expect(lines).toContain('Seeding demo data: items was started with another seed or size; starting it again');
    expect(await items()).toHaveLength(12);
  });

  it('runs only the named seeders plus the dependencies they still need', async () => {
    const summary = await runSeeders(db, { seed: 1, seeders: [housesSeeder(), itemsSeeder()], only: ['items'] });
    expect(summary.ran.map((r) => r.name)).toEqual(['houses', 'items']);
    const onlyHouses = await runSeeders(db, { seed: 1, seeders: [housesSeeder(), itemsSeeder()], only: ['houses'] });
    expect(onlyHouses.alreadyDone).toEqual(['houses']);
    await expect(runSeeders(db, { seed: 1, seeders: [housesSeeder()], only: ['ghost'] })).rejects.toThrow(
      /Unknown seeder "ghost"; known: houses/,
    );
  });

  it('stops between chunks when its signal aborts, and the next run continues', async () => {
    const controller = new AbortController();
    const calls: SeedContext['chunk'][] = [];
    const items = itemsSeeder({ calls });
    const stopping: Seeder = { ...items, run: async (tx, ctx) => (ctx.chunk.index === 1 && controller.abort(), items.run(tx, ctx)) };
    const first = await runSeeders(db, { seed: 2, seeders: [housesSeeder(), stopping], signal: controller.signal });
    expect(first.interrupted).toBe(true);
    expect(calls.map((c) => c.index)).toEqual([0, 1]);
    expect(await progress()).toEqual([{ name: 'items', chunks_done: 2, rows: 6 }]);
    const second = await runSeeders(db, { seed: 2, seeders: [housesSeeder(), items] });
    expect(second.interrupted).toBe(false);
    expect(calls.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  });

  it('checks what run() returns', async () => {
    const bad: Seeder = { name: 'bad', run: async () => -1 };
    await expect(runSeeders(db, { seed: 1, seeders: [bad] })).rejects.toThrow(/must return the number of rows/);
    const badPlan: Seeder = { name: 'bad-plan', plan: () => ({ total: 10, chunkSize: 0 }), run: async () => 0 };
    await expect(runSeeders(db, { seed: 1, seeders: [badPlan] })).rejects.toThrow(/chunkSize >= 1/);
  });

  it('lets two runs race on one database without running any chunk twice', async () => {
    const calls: SeedContext['chunk'][] = [];
    const seeders = [housesSeeder(), itemsSeeder({ calls, total: 30, chunkSize: 2 })];
    const [a, b] = await Promise.all([runSeeders(db, { seed: 5, seeders }), runSeeders(db, { seed: 5, seeders })]);
    expect(calls.map((c) => c.index).sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect([...a.ran, ...b.ran].map((r) => r.name).sort()).toEqual(['houses', 'items']);
    expect(await items()).toHaveLength(30);
  });
});

describe('resetSeeds', () => {
  it('clears dependents before their dependencies, so foreign keys never block it, and the rerun gives the same data', async () => {
    const seeders = [housesSeeder(), itemsSeeder()];
    await runSeeders(db, { seed: 9, seeders });
    const before = { houses: await houses(), items: await items() };
    expect(await resetSeeds(db, { seeders })).toEqual(['houses', 'items']);
    expect(await seedRuns()).toEqual([]);
    expect(await items()).toEqual([]);
    await runSeeders(db, { seed: 9, seeders });
    expect({ houses: await houses(), items: await items() }).toEqual(before);
  });

  it('with only, also resets whatever depends on the named seeders', async () => {
    const seeders = [housesSeeder(), itemsSeeder()];
    await runSeeders(db, { seed: 9, seeders });
    expect(await resetSeeds(db, { seeders, only: ['houses'] })).toEqual(['houses', 'items']);
    await runSeeders(db, { seed: 9, seeders });
    expect(await resetSeeds(db, { seeders, only: ['items'] })).toEqual(['items']);
    expect((await seedRuns()).map((r) => r.name)).toEqual(['houses']);
    expect(await houses()).toHaveLength(5);
  });
});

// Several app instances on one PostgreSQL: only real connections can contend for the advisory lock.
describe.runIf(process.env.DATABASE_URL)('on PostgreSQL with several connections', () => {
  let name: string;
  let admin: PgClient;
  const opened: Database[] = [];
  const open = async () => {
    const d = await openDatabase({ kind: 'postgres', url: databaseUrlFor(process.env.DATABASE_URL!, name), poolMax: 3 });
    opened.push(d);
    await createTables(d.db);
    return d.db;
  };

  beforeAll(async () => {
    name = `sbz_seed_${randomBytes(5).toString('hex')}`;
    const pg = (await import('pg')).default;
    admin = new pg.Client({ connectionString: adminUrl(process.env.DATABASE_URL!) });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('two instances seed together without writing anything twice', async () => {
    const [one, two] = [await open(), await open()];
    const calls: SeedContext['chunk'][] = [];
    const slowItems = itemsSeeder({ calls, total: 40, chunkSize: 4 });
    const slow: Seeder = {
      ...slowItems,
      run: async (tx: Tx, ctx) => (await new Promise((r) => setTimeout(r, 20)), slowItems.run(tx, ctx)),
    };
    await Promise.all([
      runSeeders(one, { seed: 4, seeders: [housesSeeder(), slow] }),
      runSeeders(two, { seed: 4, seeders: [housesSeeder(), slow] }),
    ]);
    expect(calls.map((c) => c.index).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(await queryRows<{ n: number }>(one, sql`select count(*)::int as n from seed_test_items`)).toEqual([{ n: 40 }]);
  });

  it('waits for, or skips past, an instance that holds the seeding lock', async () => {
    const db3 = await open();
    await resetSeeds(db3, { seeders: [housesSeeder(), itemsSeeder()] });
    const pg = (await import('pg')).default;
    const holder = new pg.Client({ connectionString: databaseUrlFor(process.env.DATABASE_URL!, name) });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select pg_advisory_xact_lock(${0x5a4153})`);

    const skipped = await runSeeders(db3, { seed: 4, seeders: [housesSeeder()], onBusy: 'skip' });
    expect(skipped.busy).toBe(true);
    expect(skipped.ran).toEqual([]);

    const lines: string[] = [];
    let finished = false;
    const waiting = runSeeders(db3, { seed: 4, seeders: [housesSeeder()], log: (l) => lines.push(l) }).then((s) => ((finished = true), s));
    await new Promise((r) => setTimeout(r, 300));
    expect(finished).toBe(false);
    expect(lines).toContain('Seeding demo data: another instance is seeding this database; waiting for it…');
    await holder.query('commit');
    await holder.end();
    expect((await waiting).ran.map((r) => r.name)).toEqual(['houses']);
  });
});
