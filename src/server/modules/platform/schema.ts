import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per demo seeder that finished; written in the same transaction as the seeder's data. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  seed: integer('seed').notNull(),
  rows: integer('rows').notNull().default(0),
  completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
});
