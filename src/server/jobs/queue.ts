/**
 * Enqueueing: the outbox half of the queue (decision 006). A job is a row inserted in the caller's transaction, so it
 * exists if and only if the write that caused it commits; the NOTIFY in the same statement wakes workers at commit.
 */
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Db } from '../db/client.ts';

/** The channel workers LISTEN on; the payload is the job's name. */
export const JOBS_CHANNEL = 'jobs_ready';

export interface EnqueueOptions {
  /** Not before this time (a scheduled job). Default: now. */
  runAt?: Date;
  /** At most one live (pending or running) job per key: a second enqueue with the key while one lives is a no-op. */
  dedupeKey?: string;
}

/**
 * Adds a job in the caller's transaction (pass the transaction, not the pool, or the job and the write can part).
 * Returns the job's id, or undefined when a live job already holds `dedupeKey`.
 */
export async function enqueue(tx: Db, name: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<string | undefined> {
  const id = uuidv7();
  const runAt = options.runAt ? sql`${options.runAt.toISOString()}::timestamptz` : sql`now()`;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with inserted as (
          insert into jobs (id, name, payload, run_at, dedupe_key)
          values (${id}, ${name}, ${JSON.stringify(payload ?? {})}::jsonb, ${runAt}, ${options.dedupeKey ?? null})
          on conflict (dedupe_key) where dedupe_key is not null and status <> 'dead' do nothing
          returning id
        )
        select id, pg_notify(${JOBS_CHANNEL}, ${name}) from inserted`,
  );
  return rows[0]?.id;
}
