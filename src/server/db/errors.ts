/**
 * PostgreSQL errors by meaning, for every module: the driver (node-postgres or PGlite) reports a SQLSTATE code, which
 * Drizzle may wrap one or more levels deep in `cause`. Services map these to the spec's errors (usually 409).
 */

/** SQLSTATE codes the services act on. */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The driver error carrying a SQLSTATE, bare or wrapped by Drizzle, or undefined. */
function driverError(err: unknown): DriverError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as DriverError).cause, depth++) {
    const code = (e as DriverError).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as DriverError;
  }
  return undefined;
}

/** PostgreSQL's error code, whether the driver error arrives bare or wrapped by Drizzle. */
export function pgCode(err: unknown): string | undefined {
  return driverError(err)?.code as string | undefined;
}

/** A unique violation; with `constraint`, only of that constraint (PGlite names it in the message only). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = driverError(err);
  if (e?.code !== PG.UNIQUE_VIOLATION) return false;
  return !constraint || e.constraint === constraint || String(e.message ?? '').includes(constraint);
}

/** The exclusion constraint refused the row (e.g. two overlapping bookings of one stylist). */
export function isExclusionViolation(err: unknown): boolean {
  return pgCode(err) === PG.EXCLUSION_VIOLATION;
}

/**
 * The database could not do the work now, though the request itself is fine: PostgreSQL chose this transaction as a
 * deadlock's victim (40P01) or as a serialization failure's (40001), or no pooled connection came free in time
 * (node-postgres says so in words only). Retrying is safe; the HTTP layer answers 503 with Retry-After.
 */
export function isTransientDbError(err: unknown): boolean {
  const code = pgCode(err);
  if (code === PG.DEADLOCK_DETECTED || code === PG.SERIALIZATION_FAILURE) return true;
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as DriverError).cause, depth++) {
    if (/timeout exceeded when trying to connect/i.test(String((e as DriverError).message ?? ''))) return true;
  }
  return false;
}

/** Text PostgreSQL cannot encode: 22021 (invalid byte sequence, e.g. 0x00) and 22P05 (e.g. \u0000 in jsonb). */
export function isUnstorableText(err: unknown): boolean {
  const code = pgCode(err);
  return code === '22021' || code === '22P05';
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it as a deadlock's or serialization failure's victim, at
 * most `attempts` times, with a short random pause so the racers do not meet again. Only for transactions whose
 * callback has no effect outside the database (after-commit work is dropped on rollback, so it is fine).
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = pgCode(err);
      if (attempt >= attempts || (code !== PG.DEADLOCK_DETECTED && code !== PG.SERIALIZATION_FAILURE)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
