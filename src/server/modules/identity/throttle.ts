import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { lookupHash } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { authAttempts } from './schema.ts';

export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

export type ThrottleScope = 'login' | 'reset' | 'mfa';

/** Keys are hashed: the table never holds an email address or an IP in clear. */
const keysFor = (keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>) =>
  subjects.filter((s): s is string => Boolean(s)).map((s) => ({ scope, keyHash: lookupHash(keys, `${scope}:${s}`) }));

/** Throws 429 when any subject (account, IP) has had 5 failures in the last 15 minutes. */
export async function assertNotThrottled(db: Db, keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>): Promise<void> {
  for (const key of keysFor(keys, scope, subjects)) {
    const since = sql`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;
    const [row] = await db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<string>`min(${authAttempts.at})` })
      .from(authAttempts)
      .where(and(eq(authAttempts.scope, key.scope), eq(authAttempts.keyHash, key.keyHash), gt(authAttempts.at, since)));
    if (row && row.n >= THROTTLE_LIMIT) {
      const elapsed = (Date.now() - new Date(row.oldest).getTime()) / 1000;
      const retryAfterSeconds = Math.max(1, Math.ceil(THROTTLE_WINDOW_SECONDS - elapsed));
      throw new ApiError('ThrottlingException', 'Too many attempts. Please wait before trying again.', { retryAfterSeconds });
    }
  }
}

export async function recordFailure(db: Db, keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>): Promise<void> {
  const rows = keysFor(keys, scope, subjects);
  if (rows.length) await db.insert(authAttempts).values(rows);
  // Old attempts are worthless; trim them as we go instead of running a separate job.
  await db.delete(authAttempts).where(lt(authAttempts.at, sql`now() - interval '1 day'`));
}

/** A success clears the account's failures (not the IP's: one good password must not unlock a spraying IP). */
export async function clearFailures(db: Db, keys: Keys, scope: ThrottleScope, account: string): Promise<void> {
  const [key] = keysFor(keys, scope, [account]);
  if (key) await db.delete(authAttempts).where(and(eq(authAttempts.scope, key.scope), eq(authAttempts.keyHash, key.keyHash)));
}
