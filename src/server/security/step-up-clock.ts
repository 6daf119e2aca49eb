/**
 * The clock of the step-up window (a second factor proved in the last minutes, for high-value orders): always the
 * real time, except when a browser journey moved this database's step-up clock forward (only with CHECKOUT_TEST_CLOCK,
 * which production refuses). A step-up proved after the move is recorded at the moved time, so "proved more than ten
 * minutes ago, then proved again" is tested without waiting.
 */
import type { Db } from '../db/client.ts';

const offsets = new WeakMap<object, number>();

/** Now, for step-up checks and proofs. */
export function stepUpNow(db: Db): number {
  return Date.now() + (offsets.get(db) ?? 0);
}

/** Moves this database's step-up clock forward by `ms`; returns the new now. */
export function advanceStepUpClock(db: Db, ms: number): number {
  offsets.set(db, (offsets.get(db) ?? 0) + ms);
  return stepUpNow(db);
}
