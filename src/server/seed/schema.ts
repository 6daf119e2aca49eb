import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Checkpoint of a chunked seeder that has not finished yet: how many chunks are committed.
 * Written in each chunk's transaction; deleted in the transaction that adds the seeder's `seed_runs` row.
 */
export const seedProgress = pgTable('seed_progress', {
  name: text('name').primaryKey(),
  seed: integer('seed').notNull(),
  total: integer('total').notNull(),
  chunkSize: integer('chunk_size').notNull(),
  chunksDone: integer('chunks_done').notNull(),
  rows: integer('rows').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
