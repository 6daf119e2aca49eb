import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The states a job row can be in; success deletes the row (decision 006). */
export const JOB_STATUSES = ['pending', 'running', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Durable jobs and the transactional outbox (decision 006). A row is work to do: inserted in the transaction of the
 * write that causes it, claimed with FOR UPDATE SKIP LOCKED under a lease, deleted when done, kept as `dead` when
 * its attempts are spent.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    payload: jsonb().notNull().default({}),
    status: text({ enum: JOB_STATUSES }).notNull().default('pending'),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    dedupeKey: text(),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jobs_status_check', sql`${t.status} in ('pending', 'running', 'dead')`),
    // What a worker claims next: due pending rows in run order.
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.status} = 'pending'`),
    // Leases that lapsed (their worker died).
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'running'`),
    index('jobs_dead_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} = 'dead'`),
    // One live (pending or running) job per dedupe key; a dead one does not block a new run.
    uniqueIndex('jobs_dedupe_key_uq')
      .on(t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.status} <> 'dead'`),
  ],
);

/** Provider events (webhooks) already applied: the primary key makes a redelivery a no-op (decision 007). */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    provider: text().notNull(),
    eventId: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
