import type { Random } from '../../shared/random.ts';
import type { Tx } from '../db/client.ts';

/** Counts and switches a seeder may read, e.g. `{ products: 100000 }` from `npm run seed -- --products 100000`. */
export type SeedOptions = Readonly<Record<string, number | undefined>>;

/** The slice of work one call of `run()` does. A seeder without `plan` runs as a single chunk `{ index 0, count 1 }`. */
export interface SeedChunk {
  /** 0-based chunk number. */
  index: number;
  /** How many chunks the whole plan has. */
  count: number;
  /** First unit (e.g. product number) of this chunk, included. */
  from: number;
  /** Last unit of this chunk, excluded. */
  to: number;
  /** Units in the whole plan. */
  total: number;
}

export interface SeedContext {
  /** The global demo seed (`DEMO_SEED`, `--seed`). */
  seed: number;
  /**
   * Deterministic random numbers derived from the global seed, the seeder's name and the chunk index, so adding a
   * seeder never changes another one's data and a chunk re-run after a crash writes exactly what it would have.
   */
  random: Random;
  /** Progress and notes for the person watching the terminal. */
  log: (message: string) => void;
  options: SeedOptions;
  chunk: SeedChunk;
}

/**
 * One unit of demo data, e.g. "products". Every call of `run` happens in one transaction, together with the bookkeeping
 * row that says it is done, so a crash at any moment leaves either all of it or nothing.
 */
export interface Seeder {
  /** Unique, kebab-case; also the key in `seed_runs`. */
  name: string;
  /** Seeders whose data this one reads; they run first. */
  dependsOn?: readonly string[];
  /**
   * Huge volumes: `total` units committed `chunkSize` at a time. `run` is then called once per chunk, each in its own
   * transaction that also records a checkpoint; after a crash the next start resumes after the last committed chunk.
   */
  plan?(options: SeedOptions): { total: number; chunkSize: number };
  /**
   * Deletes whatever this seeder wrote before. Called in the transaction of the first chunk (or of the single run), so
   * a re-seed (`--reset`) or a restart with a changed plan never meets leftovers. Seeders that only upsert may omit it.
   */
  clear?(tx: Tx): Promise<void>;
  /** Writes the data (or this chunk of it) and returns how many rows it wrote. */
  run(tx: Tx, ctx: SeedContext): Promise<number>;
}
