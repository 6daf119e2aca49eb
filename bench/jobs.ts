// The durable job queue measured on PostgreSQL, in process (no HTTP): producers enqueue jobs the way writes do (one
// job per transaction, `enqueue(tx, …)`), workers claim and handle them (`startWorker`, the code the app runs), and we
// measure enqueue + handle throughput and the pickup latency (enqueue to handler start) of every job.
//
//   npx tsx bench/jobs.ts [--jobs 20000] [--producers 16] [--per-tx 1] [--workers 2] [--concurrency 20] [--record]
//
// `--per-tx N` enqueues N jobs per transaction (a write that causes several jobs, e.g. one mail per recipient).
//
// Before the queue, the same producers run the same number of bare write transactions (one row into a scratch table,
// no queue, no workers): the ceiling this machine gives transactions of that shape right now. On a shared machine the
// ratio to it says more than the absolute rate.
//
// Uses the database `sbz_bench_jobs` on the local PostgreSQL (BENCH_DATABASE_URL for another), created and migrated
// when missing; the benchmark's jobs are removed before and after. `--record` appends the table to bench/RESULTS.md.
import { appendFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import type { AppContext } from '../src/server/context.ts';
import { enqueue } from '../src/server/jobs/queue.ts';
import type { JobDefinition } from '../src/server/jobs/types.ts';
import { startWorker, type JobsWorker } from '../src/server/jobs/worker.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const JOBS = arg('jobs', 20_000);
const PRODUCERS = arg('producers', 16);
const PER_TX = arg('per-tx', 1);
const WORKERS = arg('workers', 2);
const CONCURRENCY = arg('concurrency', 20);
const record = process.argv.includes('--record');
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sbz_bench_jobs';
const NAME = 'bench.noop';

async function ensureDatabase(target: string): Promise<void> {
  const u = new URL(target);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  await admin.end();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

await ensureDatabase(url);
const target = { kind: 'postgres' as const, url, poolMax: 4 };
const setup = await openDatabase({ ...target, poolMax: PRODUCERS });
await runMigrations(setup, target);
await setup.db.execute(sql`delete from jobs where name like 'bench.%'`);

/** Runs `JOBS / PER_TX` transactions on `PRODUCERS` connections; `body` does the writes of one. */
async function produce(body: (tx: typeof setup.db, first: number, end: number) => Promise<void>): Promise<number> {
  let cursor = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (cursor < JOBS) {
        const first = cursor;
        const end = Math.min(JOBS, first + PER_TX);
        cursor = end;
        await setup.db.transaction((tx) => body(tx, first, end));
      }
    }),
  );
  return performance.now() - t0;
}

// The ceiling: bare write transactions of the same shape, before any worker starts.
await setup.db.execute(sql`create table if not exists bench_jobs_ceiling (id uuid primary key, payload jsonb not null)`);
const ceilingMs = await produce(async (tx, first, end) => {
  for (let n = first; n < end; n++)
    await tx.execute(
      sql`insert into bench_jobs_ceiling (id, payload) values (gen_random_uuid(), ${JSON.stringify({ n, at: Date.now() })}::jsonb)`,
    );
});
await setup.db.execute(sql`drop table bench_jobs_ceiling`);

// Each worker is its own instance: its own pool and LISTEN connection, as two app processes would have.
const instances: Database[] = [];
for (let i = 0; i < WORKERS; i++) instances.push(await openDatabase({ kind: 'postgres', url, poolMax: 4 }));

const pickup: number[] = [];
let handled = 0;
let duplicates = 0;
const seen = new Set<number>();
let allDone: () => void = () => undefined;
const done = new Promise<void>((r) => (allDone = r));
const noop: JobDefinition<{ n: number; at: number }> = {
  name: NAME,
  handle: async (_ctx, payload) => {
    pickup.push(Date.now() - payload.at);
    if (seen.has(payload.n)) duplicates++;
    seen.add(payload.n);
    if (++handled === JOBS) allDone();
  },
};
const quiet = {
  info: () => undefined,
  warn: (o: object, m: string) => console.warn(m, o),
  error: (o: object, m: string) => console.error(m, o),
};
const workers: JobsWorker[] = [];
for (const database of instances) {
  workers.push(
    await startWorker({ ctx: { db: database.db } as AppContext, database, log: quiet }, [noop as JobDefinition], {
      concurrency: CONCURRENCY,
    }),
  );
}

// Producers: PER_TX jobs per transaction (1 by default: each job in the transaction of the write that causes it).
const started = performance.now();
const enqueuedMs = await produce(async (tx, first, end) => {
  for (let n = first; n < end; n++) await enqueue(tx, NAME, { n, at: Date.now() });
});
await done;
const totalMs = performance.now() - started;
await Promise.all(workers.map((w) => w.stop()));
const [left] = await queryRows<{ n: number }>(setup.db, sql`select count(*)::int as n from jobs where name = ${NAME}`);
await setup.db.execute(sql`delete from jobs where name like 'bench.%'`);
await Promise.all([...instances, setup].map((d) => d.close()));

pickup.sort((a, b) => a - b);
const commit = (() => {
  try {
    return (
      execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim() +
      (execSync('git status --porcelain', { encoding: 'utf8' }).trim() ? '+dirty' : '')
    );
  } catch {
    return '?';
  }
})();
const [load1] = (await import('node:os')).loadavg();
const server = await (async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query('show server_version');
  await c.end();
  return rows[0].server_version as string;
})();
const lines = [
  `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${commit} · jobs`,
  '',
  `- machine: ${cpus().length} cores, Node ${process.version}, PostgreSQL ${server}; load average at the end ${load1!.toFixed(1)} (shared machine: other sessions were running)`,
  `- command: \`npx tsx bench/jobs.ts --jobs ${JOBS} --producers ${PRODUCERS} --per-tx ${PER_TX} --workers ${WORKERS} --concurrency ${CONCURRENCY}\``,
  '',
  '| jobs | producers | jobs per tx | instances × concurrency | bare tx ceiling rows/s | enqueue only jobs/s | enqueue + handle jobs/s | ratio | pickup p50 ms | p95 ms | p99 ms | max ms | handled twice | left |',
  '|-----:|----------:|------------:|------------------------:|-----------------------:|--------------------:|------------------------:|------:|--------------:|-------:|-------:|-------:|--------------:|-----:|',
  `| ${JOBS} | ${PRODUCERS} | ${PER_TX} | ${WORKERS} × ${CONCURRENCY} | ${Math.round(JOBS / (ceilingMs / 1000))} | ${Math.round(JOBS / (enqueuedMs / 1000))} | ${Math.round(JOBS / (totalMs / 1000))} | ${(ceilingMs / totalMs).toFixed(2)} | ${percentile(pickup, 50)} | ${percentile(pickup, 95)} | ${percentile(pickup, 99)} | ${pickup.at(-1)} | ${duplicates} | ${left!.n} |`,
  '',
  `Enqueue + handle: from the first enqueue to the last job handled; ${PER_TX} job(s) per transaction. Bare tx ceiling: the same producers writing one row per job into a scratch table, no queue (ratio = enqueue + handle ÷ ceiling). Pickup: enqueue (before its commit) to handler start. ≥ 2,000 jobs/s required (#10): **${JOBS / (totalMs / 1000) >= 2000 ? 'met' : 'NOT met'}**.`,
  '',
];
console.log(lines.join('\n'));
if (record) appendFileSync(new URL('./RESULTS.md', import.meta.url), `\n${lines.join('\n')}`);
if (duplicates > 0 || left!.n > 0) process.exitCode = 1;
