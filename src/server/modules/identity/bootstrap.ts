/**
 * Getting the first administrator in: from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD at start (only when
 * no admin exists), or from `npm run create-admin` (any time; it is the operator's tool).
 */
import { eq } from 'drizzle-orm';
import { ConfigError } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { User } from './models.ts';
import { passwordProblem } from './passwords.ts';
import type { Actor } from '../../http/auth.ts';
import { users } from './schema.ts';
import { forgetActors } from './actor-cache.ts';
import { createUser, ensureAdmin } from './service.ts';
import { audit } from '../../audit/service.ts';

export interface NewAdmin {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

// Nobody in the users table: the audit log records this creator as "no actor".
const OPERATOR: Actor = {
  userId: 'operator',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'operator',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

/**
 * Creates the first admin from BOOTSTRAP_ADMIN_* when no admin exists yet; logs one line either way and never
 * the password. A weak bootstrap password stops the start with a ConfigError, so it is fixed before anyone
 * relies on it.
 */
export async function bootstrapAdmin(ctx: AppContext, log: (line: string) => void): Promise<'created' | 'exists' | 'not-configured'> {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = ctx.config;
  if (!email && !password) return 'not-configured';
  if (!email || !password) {
    log('Bootstrap admin: set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to create the first administrator; skipping.');
    return 'not-configured';
  }
  let outcome: 'created' | 'exists';
  try {
    outcome = await ensureAdmin(ctx, { email, password });
  } catch (err) {
    // Two instances starting together: the other one created this admin a moment ago.
    if (err instanceof ApiError && err.code === 'ConflictException') outcome = 'exists';
    else if (err instanceof ApiError && err.code === 'ValidationException') {
      throw new ConfigError(`Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD is not accepted: ${err.message}`);
    } else throw err;
  }
  if (outcome === 'created') {
    log(
      `Bootstrap admin: created administrator ${email}. Sign in and set up two-factor authentication; then remove BOOTSTRAP_ADMIN_PASSWORD from the environment.`,
    );
  } else {
    log('Bootstrap admin: an administrator already exists; BOOTSTRAP_ADMIN_* ignored.');
  }
  return outcome;
}

/**
 * Creates an ADMIN account whether or not others exist (`npm run create-admin`). Refuses a weak password or an
 * email already registered with an ApiError whose message says why. The address counts as verified: the operator
 * vouches for it.
 */
export async function createAdmin(ctx: AppContext, input: NewAdmin): Promise<User> {
  const firstName = input.firstName ?? 'Platform';
  const lastName = input.lastName ?? 'Administrator';
  // createUser checks too; asking first gives the operator the reason before any write.
  const problem = passwordProblem(input.password, [firstName, lastName, input.email.split('@')[0] ?? '']);
  if (problem) throw new ApiError('ValidationException', problem, { fieldErrors: { password: [problem] } });
  const user = await createUser(ctx, { email: input.email, password: input.password, firstName, lastName, userType: 'ADMIN' }, OPERATOR);
  await ctx.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.userId));
  forgetActors(ctx.db, user.userId);
  // An admin made outside the app, at any time, is worth its own line in the log.
  await audit(ctx.db, { action: 'user.admin.createdByOperator', targetUserId: user.userId, details: { via: 'npm run create-admin' } });
  return { ...user, emailVerified: true };
}
