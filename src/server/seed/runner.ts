import { eq, inArray, sql } from 'drizzle-orm';
import { createRandom } from '../../shared/random.ts';
import { queryRows, type Db, type Tx } from '../db/client.ts';
import { seedRuns } from '../modules/platform/schema.ts';
import { seedProgress } from './schema.ts';
import type { SeedChunk, SeedContext, SeedOptions, Seeder } from './seeder.ts';

export interface RunSeedersOptions {
  /** The global demo seed; the same seed gives the same data. */
  seed: number;
  log?: (message: string) => void;
  /** Run only these seeders (and any dependency of theirs that has not run yet). */
  only?: readonly string[];
  options?: SeedOptions;
  /** The seeders to consider; the registry's list by default. */
  seeders: readonly Seeder[];
  /** When another instance is seeding the same database: wait for it (default) or return at once. */
  onBusy?: 'wait' | 'skip';
  /** Stops cleanly between two chunks (or seeders) once aborted, e.g. on SIGINT; what is committed stays. */
  signal?: AbortSignal;
  /** Minimum time between two progress lines of one chunked seeder (default 1000 ms; the last chunk always logs). */
  progressIntervalMs?: number;
}

export interface SeedSummary {
  /** Seeders that this call completed, with the rows they wrote (all chunks, including resumed ones). */
  ran: { name: string; rows: number; ms: number }[];
  /** Selected seeders that were already complete (or that another instance completed while we waited). */
  alreadyDone: string[];
  /** True when `onBusy: 'skip'` met another instance seeding and this call stopped. */
  busy: boolean;
  /** True when `signal` aborted the run; the next call resumes where it stopped. */
  interrupted: boolean;
}

// Any constant distinct from the migration lock: one instance writes demo data at a time.
const SEED_LOCK_ID = 0x5a4153;
const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Runs, in dependency order, every selected seeder that has no `seed_runs` row yet. Each seeder (or each chunk of a
 * chunked seeder) commits in one transaction together with its bookkeeping, so a crash leaves nothing half-written
 * and the next call picks up where it stopped. Returns quickly when everything is already seeded.
 */
export async function runSeeders(db: Db, opts: RunSeedersOptions): Promise<SeedSummary> {
  const log = opts.log ?? (() => undefined);
  const ordered = orderSeeders(opts.seeders);
  const selected = opts.only ? withDependencies(ordered, opts.only) : ordered;
  const summary: SeedSummary = { ran: [], alreadyDone: [], busy: false, interrupted: false };
  if (selected.length === 0) return summary;

  const done = new Set(
    (
      await db
        .select({ name: seedRuns.name })
        .from(seedRuns)
        .where(
          inArray(
            seedRuns.name,
            selected.map((s) => s.name),
          ),
        )
    ).map((r) => r.name),
  );
  const pending = selected.filter((s) => !done.has(s.name));
  summary.alreadyDone = selected.filter((s) => done.has(s.name)).map((s) => s.name);
  if (pending.length === 0) return summary;

  log(`Seeding demo data (seed ${opts.seed}): ${pending.map((s) => s.name).join(', ')}`);
  const started = Date.now();
  for (const seeder of pending) {
    const outcome = await runOne(db, seeder, opts, log);
    if (outcome === 'interrupted') {
      summary.interrupted = true;
      log('Seeding demo data: interrupted; what was committed stays, the next run continues from there.');
      return summary;
    }
    if (outcome === 'busy') {
      summary.busy = true;
      log('Seeding demo data: another instance is seeding this database; continuing without waiting for it.');
      return summary;
    }
    if (outcome === 'done-elsewhere') summary.alreadyDone.push(seeder.name);
    else summary.ran.push(outcome);
  }
  if (summary.ran.length > 0) {
    // Fresh planner statistics for what was just written: without them PostgreSQL guesses, and until autovacuum
    // gets round to it (never, where it is off) a department page of the 100k catalog took 37 ms instead of 0.3 ms.
    await db.execute(sql`analyze`);
    log(`Seeding demo data: finished in ${seconds(Date.now() - started)}`);
  }
  return summary;
}

type Outcome = 'busy' | 'interrupted' | 'done-elsewhere' | { name: string; rows: number; ms: number };

async function runOne(db: Db, seeder: Seeder, opts: RunSeedersOptions, log: (m: string) => void): Promise<Outcome> {
  const options = opts.options ?? {};
  const plan = seeder.plan ? checkPlan(seeder.name, seeder.plan(options)) : undefined;
  const chunkCount = plan ? Math.ceil(plan.total / plan.chunkSize) : 1;
  const base = createRandom(opts.seed).fork(seeder.name);
  const started = Date.now();
  const interval = opts.progressIntervalMs ?? 1000;
  let lastProgressAt = 0;
  let announcedWait = false;
  let attempting = 0;
  log(`Seeding demo data: ${seeder.name}…`);

  for (;;) {
    if (opts.signal?.aborted) return 'interrupted';
    let step: { state: 'busy' | 'done-elsewhere' } | { state: 'chunk'; chunk: SeedChunk; rows: number; complete: boolean };
    try {
      step = await db.transaction(async (tx) => {
        if (!(await tryLock(tx))) {
          if (opts.onBusy === 'skip') return { state: 'busy' as const };
          if (!announcedWait) {
            announcedWait = true;
            log('Seeding demo data: another instance is seeding this database; waiting for it…');
          }
          await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(SEED_LOCK_ID))})`);
        }
        // Re-read under the lock: another instance may have advanced or finished this seeder meanwhile.
        const [finished] = await tx.select({ name: seedRuns.name }).from(seedRuns).where(eq(seedRuns.name, seeder.name));
        if (finished) return { state: 'done-elsewhere' as const };

        let index = 0;
        let rowsBefore = 0;
        if (plan) {
          const [progress] = await tx.select().from(seedProgress).where(eq(seedProgress.name, seeder.name));
          if (progress && progress.seed === opts.seed && progress.total === plan.total && progress.chunkSize === plan.chunkSize) {
            index = progress.chunksDone;
            rowsBefore = progress.rows;
            if (index > 0 && lastProgressAt === 0)
              log(`Seeding demo data: ${seeder.name} resuming at ${Math.min(index * plan.chunkSize, plan.total)}/${plan.total}`);
          } else if (progress) {
            log(`Seeding demo data: ${seeder.name} was started with another seed or size; starting it again`);
          }
        }
        const chunk: SeedChunk = plan
          ? {
              index,
              count: chunkCount,
              from: index * plan.chunkSize,
              to: Math.min((index + 1) * plan.chunkSize, plan.total),
              total: plan.total,
            }
          : { index: 0, count: 1, from: 0, to: 1, total: 1 };
        attempting = index;
        if (index === 0) await seeder.clear?.(tx);

        let rows = 0;
        if (chunk.from < chunk.to) {
          const ctx: SeedContext = { seed: opts.seed, random: plan ? base.fork(`chunk-${index}`) : base, log, options, chunk };
          rows = await seeder.run(tx, ctx);
          if (!Number.isInteger(rows) || rows < 0) throw new Error(`run() must return the number of rows it wrote, got ${String(rows)}`);
        }
        const complete = index + 1 >= chunkCount;
        if (complete) {
          await tx.delete(seedProgress).where(eq(seedProgress.name, seeder.name));
          await tx.insert(seedRuns).values({ name: seeder.name, seed: opts.seed, rows: rowsBefore + rows });
        } else {
          const values = {
            name: seeder.name,
            seed: opts.seed,
            total: plan!.total,
            chunkSize: plan!.chunkSize,
            chunksDone: index + 1,
            rows: rowsBefore + rows,
          };
          await tx
            .insert(seedProgress)
            .values(values)
            .onConflictDoUpdate({ target: seedProgress.name, set: { ...values, updatedAt: sql`now()` } });
        }
        return { state: 'chunk' as const, chunk, rows: rowsBefore + rows, complete };
      });
    } catch (err) {
      const where = plan ? ` at chunk ${attempting + 1} of ${chunkCount}` : '';
      throw new Error(`Seeder "${seeder.name}" failed${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }

    if (step.state !== 'chunk') return step.state;
    const now = Date.now();
    if (plan && !step.complete && now - lastProgressAt >= interval) {
      lastProgressAt = now;
      log(`Seeding demo data: ${seeder.name} ${step.chunk.to}/${plan.total}…`);
    }
    lastProgressAt ||= now;
    if (step.complete) {
      const ms = Date.now() - started;
      log(`Seeding demo data: ${seeder.name} done, ${step.rows} rows in ${seconds(ms)}`);
      return { name: seeder.name, rows: step.rows, ms };
    }
  }
}

/**
 * Forgets that the selected seeders (all by default) ran, so the next `runSeeders` writes their data again. Seeders
 * that depend on a reset one are reset too, and every `clear()` runs dependents first so foreign keys never block it.
 */
export async function resetSeeds(
  db: Db,
  opts: { seeders: readonly Seeder[]; only?: readonly string[]; log?: (m: string) => void },
): Promise<string[]> {
  const ordered = orderSeeders(opts.seeders);
  const selected = opts.only ? withDependents(ordered, opts.only) : ordered;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(SEED_LOCK_ID))})`);
    for (const seeder of [...selected].reverse()) await seeder.clear?.(tx);
    if (opts.only) {
      const names = selected.map((s) => s.name);
      if (names.length > 0) {
        await tx.delete(seedRuns).where(inArray(seedRuns.name, names));
        await tx.delete(seedProgress).where(inArray(seedProgress.name, names));
      }
    } else {
      // A full reset also forgets seeders that are no longer registered.
      await tx.delete(seedRuns);
      await tx.delete(seedProgress);
    }
  });
  const names = selected.map((s) => s.name);
  opts.log?.(`Seed data reset: ${names.length > 0 ? names.join(', ') : 'nothing registered'}`);
  return names;
}

/** Seeders in an order where every dependency comes first (registration order otherwise); rejects bad graphs. */
export function orderSeeders(seeders: readonly Seeder[]): Seeder[] {
  const byName = new Map<string, Seeder>();
  for (const s of seeders) {
    if (!NAME.test(s.name)) throw new Error(`Seeder name "${s.name}" must be kebab-case (a-z, 0-9, -)`);
    if (byName.has(s.name)) throw new Error(`Two seeders are named "${s.name}"`);
    byName.set(s.name, s);
  }
  for (const s of seeders) {
    for (const dep of s.dependsOn ?? []) {
      if (!byName.has(dep)) throw new Error(`Seeder "${s.name}" depends on "${dep}", which is not registered`);
    }
  }
  const out: Seeder[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: Seeder, path: string[]) => {
    const st = state.get(s.name);
    if (st === 'done') return;
    if (st === 'visiting') throw new Error(`Seeders depend on each other in a cycle: ${[...path, s.name].join(' → ')}`);
    state.set(s.name, 'visiting');
    for (const dep of s.dependsOn ?? []) visit(byName.get(dep)!, [...path, s.name]);
    state.set(s.name, 'done');
    out.push(s);
  };
  for (const s of seeders) visit(s, []);
  return out;
}

function withDependencies(ordered: Seeder[], only: readonly string[]): Seeder[] {
  const byName = new Map(ordered.map((s) => [s.name, s]));
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    const s = byName.get(name);
    if (!s) throw new Error(`Unknown seeder "${name}"; known: ${[...byName.keys()].join(', ') || 'none'}`);
    wanted.add(name);
    for (const dep of s.dependsOn ?? []) add(dep);
  };
  only.forEach(add);
  return ordered.filter((s) => wanted.has(s.name));
}

function withDependents(ordered: Seeder[], only: readonly string[]): Seeder[] {
  const known = new Set(ordered.map((s) => s.name));
  for (const name of only) {
    if (!known.has(name)) throw new Error(`Unknown seeder "${name}"; known: ${[...known].join(', ') || 'none'}`);
  }
  const wanted = new Set(only);
  // `ordered` lists dependencies first, so one pass sees every dependency before its dependents.
  for (const s of ordered) if ((s.dependsOn ?? []).some((d) => wanted.has(d))) wanted.add(s.name);
  return ordered.filter((s) => wanted.has(s.name));
}

async function tryLock(tx: Tx): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${sql.raw(String(SEED_LOCK_ID))}) as locked`);
  return row?.locked === true;
}

function checkPlan(name: string, plan: { total: number; chunkSize: number }) {
  if (!Number.isInteger(plan.total) || plan.total < 0 || !Number.isInteger(plan.chunkSize) || plan.chunkSize < 1) {
    throw new Error(`Seeder "${name}": plan() must give an integer total >= 0 and chunkSize >= 1, got ${JSON.stringify(plan)}`);
  }
  return plan;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
