/**
 * The house office's view of the queue (decision 006): what is dead or retrying, and the two things an admin can do
 * about a job that will not go through on its own: run it again (full attempts) or discard it. Both are audited.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestMeta } from '../context.ts';
import { queryRows, type Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { ApiError } from '../http/errors.ts';
import { audit } from '../audit/service.ts';
import { JOBS_CHANNEL } from './queue.ts';

export const JobView = z
  .object({
    jobId: z.string(),
    name: z.string(),
    status: z.enum(['pending', 'running', 'retrying', 'dead']),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().optional(),
    runAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'JobView', description: 'A background job. The payload is not shown: it may hold personal data.' });
export type JobView = z.infer<typeof JobView>;

export const JobCounts = z
  .object({ pending: z.number().int(), running: z.number().int(), retrying: z.number().int(), dead: z.number().int() })
  .meta({ id: 'JobCounts' });

export const ListJobsQuery = z.strictObject({
  status: z.enum(['dead', 'retrying']).default('dead'),
  maxResults: z.coerce.number().int().min(1).max(200).default(50),
});
export const ListJobsOutput = z.object({ jobs: z.array(JobView), counts: JobCounts }).meta({ id: 'ListJobsOutput' });
export const JobIdParams = z.strictObject({ jobId: z.uuid('jobId must be a job id (UUID)') });

interface Row {
  id: string;
  name: string;
  status: 'pending' | 'running' | 'dead';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();
// A pending job that has failed before is waiting for its next try.
const viewOf = (r: Row): JobView => ({
  jobId: r.id,
  name: r.name,
  status: r.status === 'pending' && r.last_error !== null ? 'retrying' : r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  ...(r.last_error !== null ? { lastError: r.last_error } : {}),
  runAt: iso(r.run_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** Dead jobs (newest first) or those waiting for a retry (soonest first), with the queue's counts. */
export async function listJobs(db: Db, query: z.infer<typeof ListJobsQuery>): Promise<z.infer<typeof ListJobsOutput>> {
  const rows =
    query.status === 'dead'
      ? await queryRows<Row>(db, sql`select * from jobs where status = 'dead' order by updated_at desc, id desc limit ${query.maxResults}`)
      : await queryRows<Row>(
          db,
          sql`select * from jobs where status = 'pending' and last_error is not null order by run_at, id limit ${query.maxResults}`,
        );
  const [counts] = await queryRows<z.infer<typeof JobCounts>>(
    db,
    sql`select count(*) filter (where status = 'pending' and last_error is null)::int as pending,
               count(*) filter (where status = 'running')::int as running,
               count(*) filter (where status = 'pending' and last_error is not null)::int as retrying,
               count(*) filter (where status = 'dead')::int as dead
        from jobs`,
  );
  return { jobs: rows.map(viewOf), counts: counts! };
}

async function lockedJob(tx: Db, jobId: string): Promise<Row> {
  const [row] = await queryRows<Row>(tx, sql`select * from jobs where id = ${jobId} for update`);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such job (it may have succeeded or been discarded)');
  if (row.status === 'running') throw new ApiError('ConflictException', 'This job is running right now; wait for it to finish or fail');
  if (row.status === 'pending' && row.last_error === null)
    throw new ApiError('ConflictException', 'This job has not failed; it is waiting for its turn');
  return row;
}

/** Runs a dead or retrying job again now, with its attempts reset. */
export async function retryJob(db: Db, adminId: string, jobId: string, meta: RequestMeta = {}): Promise<JobView> {
  return db.transaction(async (tx) => {
    const before = await lockedJob(tx, jobId);
    try {
      const [row] = await queryRows<Row>(
        tx,
        sql`update jobs set status = 'pending', attempts = 0, run_at = now(), updated_at = now() where id = ${jobId} returning *`,
      );
      await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${before.name})`);
      await audit(tx, {
        action: 'jobs.retry',
        actorId: adminId,
        details: { jobId, name: before.name, attempts: before.attempts, lastError: before.last_error },
        meta,
      });
      return viewOf(row!);
    } catch (err) {
      // A live job with the same dedupe key (a newer run of the same recurring sweep) already exists.
      if (isUniqueViolation(err)) {
        throw new ApiError('ConflictException', 'A newer run of this job is already scheduled; discard this one instead');
      }
      throw err;
    }
  });
}

/** Removes a dead or retrying job for good (its work will not be done). */
export async function discardJob(db: Db, adminId: string, jobId: string, meta: RequestMeta = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockedJob(tx, jobId);
    await tx.execute(sql`delete from jobs where id = ${jobId}`);
    await audit(tx, {
      action: 'jobs.discard',
      actorId: adminId,
      details: { jobId, name: before.name, attempts: before.attempts, lastError: before.last_error },
      meta,
    });
  });
}
