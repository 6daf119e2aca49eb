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
