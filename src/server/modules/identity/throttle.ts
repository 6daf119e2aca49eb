import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { lookupHash } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { authAttempts } from './schema.ts';

export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

export type ThrottleScope = 'login' | 'reset' | 'mfa' | 'passkey';

/** Keys are hashed: the table never holds an email address or an IP in clear. */
const keysFor = (keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>) =>
  subjects.filter((s): s is string => Boolean(s)).map((s) => ({ scope, subject: s, keyHash: lookupHash(keys, `${scope}:${s}`) }));

const tooMany = (retryAfterSeconds: number) =>
  new ApiError('ThrottlingException', 'Too many attempts. Please wait before trying again.', { retryAfterSeconds });

/** Failures in the window per subject, with the oldest one (for Retry-After); one query for all subjects. */
async function failuresIn(
  db: Db,
  keys: Keys,
  scope: ThrottleScope,
  subjects: Array<string | undefined>,
): Promise<Map<string, { n: number; retryAfterSeconds: number }>> {
  const wanted = keysFor(keys, scope, subjects);
  const out = new Map<string, { n: number; retryAfterSeconds: number }>();
  if (!wanted.length) return out;
  const since = sql`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;
  const rows = await db
    .select({ keyHash: authAttempts.keyHash, n: sql<number>`count(*)::int`, oldest: sql<string>`min(${authAttempts.at})` })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.scope, scope),
        inArray(
          authAttempts.keyHash,
          wanted.map((k) => k.keyHash),
        ),
        gt(authAttempts.at, since),
      ),
    )
    .groupBy(authAttempts.keyHash);
  for (const key of wanted) {
    const row = rows.find((r) => r.keyHash === key.keyHash);
    const elapsed = row ? (Date.now() - new Date(row.oldest).getTime()) / 1000 : 0;
    out.set(key.subject, { n: row ? Number(row.n) : 0, retryAfterSeconds: Math.max(1, Math.ceil(THROTTLE_WINDOW_SECONDS - elapsed)) });
  }
  return out;
}

/** Throws 429 when any subject has had `limit` failures in the last 15 minutes. */
export async function assertNotThrottled(
  db: Db,
  keys: Keys,
  scope: ThrottleScope,
  subjects: Array<string | undefined>,
  limit = THROTTLE_LIMIT,
): Promise<void> {
  for (const { n, retryAfterSeconds } of (await failuresIn(db, keys, scope, subjects)).values()) {
    if (n >= limit) throw tooMany(retryAfterSeconds);
  }
}

/** Failures of one subject in the window. */
export async function failureCount(db: Db, keys: Keys, scope: ThrottleScope, subject: string): Promise<number> {
  return (await failuresIn(db, keys, scope, [subject])).get(subject)?.n ?? 0;
}

export async function recordFailure(db: Db, keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>): Promise<void> {
  const rows = keysFor(keys, scope, subjects).map(({ scope: s, keyHash }) => ({ scope: s, keyHash }));
  if (rows.length) await db.insert(authAttempts).values(rows);
  // Old attempts are worthless; trim them as we go instead of running a separate job.
  await db.delete(authAttempts).where(lt(authAttempts.at, sql`now() - interval '1 day'`));
}

/** A success clears the given subjects' failures (never an address's: one good password must not unlock a spraying IP). */
export async function clearFailures(db: Db, keys: Keys, scope: ThrottleScope, subjects: Array<string | undefined>): Promise<void> {
  const hashes = keysFor(keys, scope, subjects).map((k) => k.keyHash);
  if (hashes.length) await db.delete(authAttempts).where(and(eq(authAttempts.scope, scope), inArray(authAttempts.keyHash, hashes)));
}

// ───────────────────────────── password sign-in ─────────────────────────────
//
// A wrong password is counted three ways, each with its own answer, so that nobody can lock anybody out:
// - per (account, address): 5 in 15 minutes answer 429. One guesser at one address stops there, and only there.
// - per account, across addresses: from 5 on, every attempt waits a growing delay and the owner is mailed once,
//   but the right password (with the second factor when it is on) still gets through. A distributed guesser is
//   slowed and seen; the owner is never shut out.
// - per address, across accounts: 30 in 15 minutes answer 429. Spraying one password over many accounts stops,
//   while one guest's typos on a hotel's shared address do not close it for everyone else.

export const LOGIN_LIMITS = { pair: 5, accountSlowdown: 5, address: 30 } as const;
const MAX_DELAY_MS = 8_000;

const loginSubjects = (account: string, ip: string | undefined) => ({
  pair: ip ? `pair:${account}|${ip}` : undefined,
  account: `account:${account}`,
  address: ip ? `address:${ip}` : undefined,
});

/** The wait before answering an account with `failures` recent failures: 0, then 0.5 s doubling up to 8 s. */
export function loginDelayMs(failures: number): number {
  if (failures < LOGIN_LIMITS.accountSlowdown) return 0;
  return Math.min(MAX_DELAY_MS, 500 * 2 ** (failures - LOGIN_LIMITS.accountSlowdown));
}

/** Throws 429 for a stopped (account, address) pair or a spraying address; waits while the account is under attack. */
export async function admitLoginAttempt(db: Db, keys: Keys, account: string, ip: string | undefined, wait = sleep): Promise<void> {
  const subjects = loginSubjects(account, ip);
  const counts = await failuresIn(db, keys, 'login', [subjects.pair, subjects.account, subjects.address]);
  for (const [subject, limit] of [
    [subjects.pair, LOGIN_LIMITS.pair],
    [subjects.address, LOGIN_LIMITS.address],
  ] as const) {
    const seen = subject ? counts.get(subject) : undefined;
    if (seen && seen.n >= limit) throw tooMany(seen.retryAfterSeconds);
  }
  const delay = loginDelayMs(counts.get(subjects.account)?.n ?? 0);
  if (delay > 0) await wait(delay);
}

/** Records a failed sign-in three ways; answers the account's failures so far (the caller mails the owner once). */
export async function recordLoginFailure(db: Db, keys: Keys, account: string, ip: string | undefined): Promise<number> {
  const subjects = loginSubjects(account, ip);
  await recordFailure(db, keys, 'login', [subjects.pair, subjects.account, subjects.address]);
  return failureCount(db, keys, 'login', subjects.account);
}

/** A successful sign-in clears the account's and this pair's failures, not the address's. */
export async function clearLoginFailures(db: Db, keys: Keys, account: string, ip: string | undefined): Promise<void> {
  const subjects = loginSubjects(account, ip);
  await clearFailures(db, keys, 'login', [subjects.pair, subjects.account]);
}
