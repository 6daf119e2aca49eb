/**
 * The worker half of the queue (decision 006): claims due jobs with FOR UPDATE SKIP LOCKED under a lease, runs their
 * handlers a few at a time, deletes what succeeded, reschedules what threw with exponential backoff, and marks a job
 * `dead` when its attempts are spent. Wakes on NOTIFY (PostgreSQL at commit, PGlite in process) and polls as a
 * fallback. Several workers, in one process or many, drain the same table without handling a row twice at once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { preparedRows, queryRows, type Database, type Db } from '../db/client.ts';
import { JOBS_CHANNEL } from './queue.ts';
import type { JobDefinition } from './types.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface WorkerOptions {
  /** Handlers running at once in this worker. */
  concurrency?: number;
  /** How often to look for due work without a notification (scheduled runs, retries, lapsed leases). */
  pollIntervalMs?: number;
  /** How long a claim holds without a heartbeat; a worker that died releases its jobs after this. */
  leaseMs?: number;
  /** Delay before the first retry; doubled each attempt, capped by `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerDeps {
  ctx: AppContext;
  database: Pick<Database, 'listen'>;
  log: Log;
}

export interface JobsWorker {
  readonly id: string;
  /** Looks for due work now (the poll timer and NOTIFY call this too). */
  wake(): void;
  /** Stops claiming, waits for running handlers and their bookkeeping, releases the LISTEN. */
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  dedupe_key: string | null;
}

const recurringKey = (name: string) => `every:${name}`;

const p = (name: string) => sql.placeholder(name);
const claimStatement = preparedRows<Claimed>(
  'jobs_claim',
  sql`select * from jobs_claim(${p('worker')}, ${p('names')}::text[], ${p('limit')}::int, ${p('leaseSeconds')}::float8, ${p('done')}::uuid[])`,
);

/** Delay before retry `attempt` (1-based): base · 2^(attempt−1), capped, with ±20 % jitter so retries spread out. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** Offers the first run of each recurring definition; the dedupe key keeps one live run across instances. */
export async function scheduleRecurring(db: Db, definitions: JobDefinition[]): Promise<void> {
  for (const def of definitions) {
    if (!def.every) continue;
    await queryRows(
      db,
      sql`insert into jobs (id, name, run_at, dedupe_key)
          values (${randomUUID()}, ${def.name}, now() + make_interval(secs => ${def.every.seconds}), ${recurringKey(def.name)})
          on conflict (dedupe_key) where dedupe_key is not null and status <> 'dead' do nothing`,
    );
  }
}

/** Starts a worker for `definitions`. Names must be unique; jobs of other names are left to other workers. */
export async function startWorker(deps: WorkerDeps, definitions: JobDefinition[], options: WorkerOptions = {}): Promise<JobsWorker> {
  const { ctx, log } = deps;
  const db = ctx.db;
  const byName = new Map<string, JobDefinition>();
  for (const def of definitions) {
    if (byName.has(def.name)) throw new Error(`Two job definitions are named ${def.name}`);
    byName.set(def.name, def);
  }
  const names = [...byName.keys()];
  const concurrency = options.concurrency ?? 10;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 2_000;
  const backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;

  const active = new Set<Promise<void>>();
  let stopping = false;
  let pumping: Promise<void> | undefined;
  // Bumped by every wake; a claim that came back short only means "no work" if nothing woke us meanwhile.
  let wakes = 0;
  let mayHaveWork = true;
  // Finished jobs are deleted by the next claim, which follows them at once (one statement for both: it may find work
  // whose notification is still on its way); by a statement of their own at the next poll when claims fail.
  let finished: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;

  const leaseSeconds = leaseMs / 1000;

  /**
   * Claims up to `limit` due jobs (jobs_claim, migration 0027). Jobs finished since the last statement are deleted by
   * the same statement, so a busy worker spends one round trip per batch on both (the claim cannot pick them: they are
   * `running`).
   */
  const claim = (limit: number) => {
    const done = takeFinished();
    const claimed = claimStatement(db, { worker: id, names, limit, leaseSeconds, done });
    if (done.length === 0) return claimed;
    return claimed.catch((err: unknown) => {
      // The rows stay `running` under our lease; when it lapses they run again (at-least-once).
      log.warn({ err, jobs: done.length }, 'could not mark jobs done; they will run again');
      throw err;
    });
  };

  const takeFinished = () => {
    const ids = finished;
    finished = [];
    clearTimeout(flushTimer);
    flushTimer = undefined;
    return ids;
  };
  const flush = async () => {
    for (let ids = takeFinished(); ids.length > 0; ids = takeFinished()) {
      try {
        await db.execute(sql`delete from jobs where id = any(${sql.param(ids)}::uuid[]) and locked_by = ${id}`);
      } catch (err) {
        // The rows stay `running` under our lease; when it lapses they run again (at-least-once).
        log.warn({ err, jobs: ids.length }, 'could not mark jobs done; they will run again');
      }
    }
  };
  const flushLater = () => {
    flushTimer = undefined;
    flushing = flush().finally(() => (flushing = undefined));
  };
  const markDone = (jobId: string) => {
    finished.push(jobId);
    flushTimer ??= setTimeout(flushLater, pollIntervalMs);
  };

  /** A recurring run that ended (done or dead) hands over to its successor in the same transaction. */
  const finishRecurring = async (job: Claimed, def: JobDefinition, error?: string) =>
    db.transaction(async (tx) => {
      if (error === undefined) await tx.execute(sql`delete from jobs where id = ${job.id} and locked_by = ${id}`);
      else
        await tx.execute(
          sql`update jobs set status = 'dead', last_error = ${error}, max_attempts = ${def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, locked_by = null, locked_until = null, updated_at = now() where id = ${job.id} and locked_by = ${id}`,
        );
      await scheduleRecurring(tx, [def]);
    });

  const fail = async (job: Claimed, def: JobDefinition, err: unknown) => {
    const maxAttempts = def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const error = describeError(err);
    if (job.attempts >= maxAttempts) {
      log.error({ err, job: job.id, name: job.name, attempts: job.attempts }, 'job failed for the last time: dead');
      if (def.every) return finishRecurring(job, def, error);
      await db.execute(
        sql`update jobs set status = 'dead', last_error = ${error}, max_attempts = ${maxAttempts}, locked_by = null, locked_until = null, updated_at = now() where id = ${job.id} and locked_by = ${id}`,
      );
      return;
    }
    const delay = backoffMs(job.attempts, backoffBaseMs, backoffMaxMs);
    log.warn({ err, job: job.id, name: job.name, attempts: job.attempts, retryInMs: delay }, 'job failed; retrying');
    await db.execute(
      sql`update jobs set status = 'pending', last_error = ${error}, max_attempts = ${maxAttempts}, run_at = now() + make_interval(secs => ${delay / 1000}),
            locked_by = null, locked_until = null, updated_at = now() where id = ${job.id} and locked_by = ${id}`,
    );
  };

  const run = async (job: Claimed) => {
    const def = byName.get(job.name)!;
    try {
      await def.handle(ctx, job.payload, { id: job.id, attempt: job.attempts, db });
    } catch (err) {
      await fail(job, def, err).catch((e: unknown) =>
        log.error({ err: e, job: job.id }, 'could not record a job failure; its lease will lapse'),
      );
      return;
    }
    if (def.every)
      await finishRecurring(job, def).catch((e: unknown) => log.error({ err: e, job: job.id }, 'could not schedule the next run'));
    else markDone(job.id);
  };

  // Something to claim, or finished jobs for a claim to delete (it may find work whose notification is still on its way).
  const hasWork = () => mayHaveWork || finished.length > 0;
  const pump = (): Promise<void> => {
    if (pumping) return pumping;
    if (stopping || !hasWork() || active.size >= concurrency) return Promise.resolve();
    pumping = (async () => {
      try {
        while (!stopping && hasWork() && active.size < concurrency) {
          const seen = wakes;
          const want = concurrency - active.size;
          const rows = await claim(want);
          if (rows.length < want && seen === wakes) mayHaveWork = false;
          for (const row of rows) {
            const p: Promise<void> = run(row).finally(() => {
              active.delete(p);
              // A freed slot: there may be more due work behind the batch we took.
              if (rows.length === want) mayHaveWork = true;
              pumpSoon();
            });
            active.add(p);
          }
        }
        pumping = undefined;
        // Jobs that finished during the last claim: the next one deletes them.
        if (!stopping && finished.length > 0) pumpSoon();
      } catch (err) {
        pumping = undefined;
        log.warn({ err }, 'could not claim jobs; retrying at the next poll');
      }
    })();
    return pumping;
  };
  // Handlers that end together (a batch of quick ones) are followed by one claim, which also deletes them all.
  let pumpScheduled = false;
  const pumpSoon = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      void pump();
    });
  };

  const wake = () => {
    wakes += 1;
    mayHaveWork = true;
    void pump();
  };

  /** Leases of our running jobs are renewed; lapsed leases of dead workers are given back (or buried). */
  const housekeep = async () => {
    try {
      await db.execute(
        sql`update jobs set locked_until = now() + make_interval(secs => ${leaseMs / 1000}) where locked_by = ${id} and status = 'running'`,
      );
      const released = await queryRows<{ id: string }>(
        db,
        sql`update jobs set status = case when attempts >= max_attempts then 'dead' else 'pending' end,
              last_error = coalesce(last_error || E'\n', '') || 'lease expired: the worker stopped while running it',
              locked_by = null, locked_until = null, updated_at = now()
            where status = 'running' and locked_until < now() returning id`,
      );
      if (released.length > 0) log.warn({ jobs: released.length }, 'released jobs of a worker that stopped');
    } catch (err) {
      log.warn({ err }, 'job housekeeping failed; retrying at the next poll');
    }
  };

  await scheduleRecurring(db, definitions);
  const unlisten = await deps.database.listen(JOBS_CHANNEL, {
    onMessage: (name) => byName.has(name) && wake(),
    // Back after a lost connection: notifications may have been missed.
    onState: (listening) => listening && wake(),
  });
  let ticks = 0;
  const housekeepEvery = Math.max(1, Math.floor(leaseMs / 3 / pollIntervalMs));
  const timer = setInterval(() => {
    if (++ticks % housekeepEvery === 0) void housekeep().then(wake);
    else wake();
  }, pollIntervalMs);
  timer.unref();
  wake();

  return {
    id,
    wake,
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await pumping;
      await Promise.allSettled([...active]);
      await flushing;
      await flush();
      await unlisten();
    },
  };
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2_000);
}
