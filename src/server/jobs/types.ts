import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';

/**
 * The contract between modules and the durable job queue (src/server/jobs/). A module lists its job definitions in
 * its module definition (`jobs`); the queue runs them on every instance, at least once, with retries and backoff.
 * Handlers must be idempotent: a crash after the work but before the job is marked done runs it again.
 */
export interface JobDefinition<Payload = unknown> {
  /** Unique across the platform, `<module>.<what>`, e.g. `mail.send`, `stylists.expire-requests`. */
  name: string;
  /** Does the work. Throwing schedules a retry with exponential backoff; after `maxAttempts` the job is dead. */
  handle: (ctx: AppContext, payload: Payload, job: JobRun) => Promise<void>;
  /** Attempts before the job goes to the dead-letter state (default 5). */
  maxAttempts?: number;
  /** A recurring job: the queue keeps exactly one pending run of it scheduled across all instances. */
  every?: { seconds: number };
}

/** What a handler may know about the run it is in. */
export interface JobRun {
  id: string;
  attempt: number;
  /** Transaction-free database handle; a handler opens its own transactions. */
  db: Db;
}
