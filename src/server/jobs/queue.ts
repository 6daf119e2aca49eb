/**
 * Enqueueing: the outbox half of the queue (decision 006). A job is a row inserted in the caller's transaction, so it
 * exists if and only if the write that caused it commits. Workers are woken by a NOTIFY sent just after that commit
 * (db/after-commit.ts says why not inside it), coalesced: one statement wakes for all the jobs committed meanwhile.
 */
import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterCommit } from '../db/after-commit.ts';
import { preparedRows, type Db } from '../db/client.ts';

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
  const values = {
    id,
    name,
    payload: JSON.stringify(payload ?? {}),
    runAt: options.runAt?.toISOString() ?? null,
    dedupeKey: options.dedupeKey ?? null,
  };
  const deduped = options.dedupeKey !== undefined;
  if (afterCommit(tx, (db) => wakeWorkers(db, name))) {
    const rows = await (deduped ? insertDeduped : insertPlain)(tx, values);
    return deduped ? rows[0]?.id : id;
  }
  // No transaction around us (an autocommit insert): the notification rides in the same statement.
  const rows = await (deduped ? insertDedupedNotify : insertPlainNotify)(tx, values);
  return rows[0]?.id;
}

/**
 * The insert, prepared (parsed and planned once per connection). Without a dedupe key the row cannot conflict (the
 * unique index holds only keyed rows), so it is a plain insert: ON CONFLICT makes every insert speculative (a lock
 * taken and released, a second WAL record to confirm the row), which is a sixth of an enqueue's database time.
 */
const p = (name: string) => sql.placeholder(name);
const insertSql = (dedupe: boolean) =>
  sql`insert into jobs (id, name, payload, run_at, dedupe_key)
      values (${p('id')}::uuid, ${p('name')}, ${p('payload')}::jsonb, coalesce(${p('runAt')}::timestamptz, now()), ${p('dedupeKey')}::text)
      ${dedupe ? sql`on conflict (dedupe_key) where dedupe_key is not null and status <> 'dead' do nothing` : sql``}
      returning id`;
const withNotify = (insert: SQL) =>
  sql`with inserted as (${insert}) select id, pg_notify(${sql.raw(`'${JOBS_CHANNEL}'`)}, ${p('name')}) from inserted`;
const insertPlain = preparedRows<{ id: string }>('jobs_enqueue', insertSql(false));
const insertDeduped = preparedRows<{ id: string }>('jobs_enqueue_dedupe', insertSql(true));
const insertPlainNotify = preparedRows<{ id: string }>('jobs_enqueue_notify', withNotify(insertSql(false)));
const insertDedupedNotify = preparedRows<{ id: string }>('jobs_enqueue_dedupe_notify', withNotify(insertSql(true)));

/**
 * `enqueue` as a statement for the caller to run inside its own (a data-modifying CTE), in the transaction `tx`: the job
 * commits with the statement, and the workers are woken after the commit. No `dedupeKey` here.
 */
export function enqueueStatement(tx: Db, name: string, payload: unknown = {}): SQL {
  if (!afterCommit(tx, (db) => wakeWorkers(db, name))) throw new Error(`enqueueStatement(${name}) runs inside a transaction`);
  return sql`insert into jobs (id, name, payload, run_at) values (${uuidv7()}::uuid, ${name}, ${JSON.stringify(payload ?? {})}::jsonb, now())`;
}

/**
 * `enqueue` as a statement for a caller that runs it on its own (a data-modifying CTE of a statement outside any
 * transaction, which commits by itself), only where `when` holds: call `wake` once the statement ran. No `dedupeKey`.
 */
export function enqueueStatementAlone(db: Db, name: string, payload: unknown, when: SQL): { statement: SQL; wake: () => void } {
  return {
    statement: sql`insert into jobs (id, name, payload, run_at)
      select ${uuidv7()}::uuid, ${name}, ${JSON.stringify(payload ?? {})}::jsonb, now() where ${when}`,
    wake: () => wakeWorkers(db, name),
  };
}

/** `completeJobInTx` as a statement (a data-modifying CTE of the caller's) that returns the job's id when it was running. */
export function completeJobStatement(jobId: string): SQL {
  return sql`delete from jobs where id = ${jobId}::uuid returning id`;
}

/**
 * Names to announce per database. One notification is in flight at a time: the names of jobs committed meanwhile go
 * out together in the next one, so a burst of producers costs a handful of statements instead of one per commit (each
 * took a pooled connection from the producers and woke every worker for its own claim).
 */
interface Wakes {
  names: Set<string>;
  sending: boolean;
}
const pendingWakes = new WeakMap<Db, Wakes>();

function wakeWorkers(db: Db, name: string): void {
  let wakes = pendingWakes.get(db);
  if (!wakes) pendingWakes.set(db, (wakes = { names: new Set(), sending: false }));
  wakes.names.add(name);
  if (!wakes.sending) sendWakes(db, wakes);
}

function sendWakes(db: Db, wakes: Wakes): void {
  wakes.sending = true;
  setImmediate(() => {
    const list = sql.join(
      [...wakes.names].map((n) => sql`(${n})`),
      sql`, `,
    );
    wakes.names.clear();
    // A lost wake-up (database gone, connection error) costs latency only: workers poll for due work anyway.
    db.execute(sql`select pg_notify(${JOBS_CHANNEL}, n) from (values ${list}) as t(n)`)
      .catch(() => undefined)
      .finally(() => (wakes.names.size > 0 ? sendWakes(db, wakes) : (wakes.sending = false)));
  });
}

/** `completeJobInTx`'s statement, prepared by name: every job with an effect of its own in a transaction ends with it. */
const completeStatement = preparedRows<{ id: string }>(
  'jobs_complete_in_tx',
  sql`delete from jobs where id = ${sql.placeholder('jobId')}::uuid returning id`,
);

/**
 * Completes the running job `jobId` in the caller's transaction, so the job's work and its completion commit together:
 * work that only writes (an email into the outbox) is then done exactly once, even when a lapsed lease let a second
 * worker run the job too. False when the job is already gone (another run committed it): write nothing then.
 */
export async function completeJobInTx(tx: Db, jobId: string): Promise<boolean> {
  const rows = await completeStatement(tx, { jobId });
  return rows.length === 1;
}
