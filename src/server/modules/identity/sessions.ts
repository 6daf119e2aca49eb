/** Sign-in and sessions: password sign-in, refresh-token families, the actor behind an access token, sign-out. */
import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { audit } from '../../audit/service.ts';
import { decrypt, encrypt, randomToken, tokenHash } from '../../security/crypto.ts';
import type { AuthenticateUserInput, AuthenticateUserOutput, User } from './models.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { actorCacheFor, forgetActors } from './actor-cache.ts';
import type { Actor } from '../../http/auth.ts';
import { refreshTokens, users } from './schema.ts';
import { LOGIN_LIMITS, admitLoginAttempt, assertNotThrottled, clearLoginFailures, recordFailure, recordLoginFailure } from './throttle.ts';
import { signAccessToken, verifyAccessToken } from './tokens.ts';
import { type UserRow, normaliseEmail, emailHashOf, presentUser, requireUser } from './presentation.ts';
import { consumeSecondFactor } from './second-factor.ts';
import { publicUrl, mailHtml, escapeHtml } from './email-links.ts';

const BAD_CREDENTIALS = 'The email or password is incorrect';

/**
 * Password sign-in. Same message and one argon2 verification whether or not the email exists. Failures are
 * throttled per (account, address), per address and, as a growing delay only, per account (throttle.ts), so the
 * owner with the right password (and second factor when on) always gets through. With MFA on, a valid unused
 * TOTP or recovery code is required.
 */
export async function login(ctx: AppContext, input: AuthenticateUserInput, meta: RequestMeta = {}): Promise<AuthenticateUserOutput> {
  const account = normaliseEmail(input.email);
  await admitLoginAttempt(ctx.db, ctx.keys, account, meta.ip);
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.emailHash, emailHashOf(ctx, account)), isNull(users.deletedAt)));
  const passwordOk = row?.passwordHash
    ? await verifyPassword(row.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!row || !passwordOk || row.status !== 'ACTIVE') {
    await failSignIn(ctx, account, row, meta);
    await audit(ctx.db, {
      action: 'auth.login.failed',
      targetUserId: row?.id ?? null,
      meta,
      details: { reason: row ? 'password' : 'unknown-account' },
    });
    throw new ApiError('UnauthorizedException', BAD_CREDENTIALS);
  }
  let mfaVerified = false;
  if (row.mfaEnabledAt) {
    if (!input.mfaCode)
      throw new ApiError('UnauthorizedException', 'Enter the code from your authenticator app', { reason: 'MFA_REQUIRED' });
    await assertNotThrottled(ctx.db, ctx.keys, 'mfa', [row.id]);
    mfaVerified = await consumeSecondFactor(ctx, row, input.mfaCode);
    if (!mfaVerified) {
      await recordFailure(ctx.db, ctx.keys, 'mfa', [row.id]);
      await failSignIn(ctx, account, row, meta);
      await audit(ctx.db, { action: 'auth.mfa.failed', targetUserId: row.id, meta });
      throw new ApiError('UnauthorizedException', 'That code is not valid or was already used', { reason: 'MFA_INVALID' });
    }
  }
  await clearLoginFailures(ctx.db, ctx.keys, account, meta.ip);
  await audit(ctx.db, {
    action: 'auth.login',
    actorId: row.id,
    targetUserId: row.id,
    meta,
    details: { method: mfaVerified ? 'password+totp' : 'password' },
  });
  return startSession(ctx, row, meta, mfaVerified);
}

/** Counts a failed sign-in; when an account starts being slowed down, its owner hears of it once. */
async function failSignIn(ctx: AppContext, account: string, row: UserRow | undefined, meta: RequestMeta): Promise<void> {
  const failures = await recordLoginFailure(ctx.db, ctx.keys, account, meta.ip);
  if (!row || row.status !== 'ACTIVE' || failures !== LOGIN_LIMITS.accountSlowdown) return;
  const link = `${publicUrl(ctx)}/forgot-password`;
  await ctx.mailer.send(ctx.db, {
    to: decrypt(ctx.keys, row.emailEnc),
    subject: 'Unsuccessful attempts to sign in — StyleByZaga',
    text: `Dear ${row.firstName},\n\nSomeone tried several times, without success, to sign in to your StyleByZaga account. Your account is safe: further attempts are being slowed down, and you can still sign in as usual.\n\nIf it was not you, consider choosing a new password and turning on two-factor authentication:\n${link}\n\nThe StyleByZaga concierge`,
    html: mailHtml(
      `Dear ${escapeHtml(row.firstName)},`,
      'Someone tried several times, without success, to sign in to your account. Further attempts are being slowed down and you can still sign in as usual. If it was not you, consider choosing a new password.',
      link,
      'Choose a new password',
      false,
    ),
  });
  await audit(ctx.db, { action: 'auth.login.underAttack', targetUserId: row.id, meta, details: { failures } });
}

/** Issues an access token and a new refresh-token family (a session). Used by password and passkey sign-in. */
export async function startSession(
  ctx: AppContext,
  row: UserRow,
  meta: RequestMeta,
  mfaVerified: boolean,
): Promise<AuthenticateUserOutput> {
  if (mfaVerified) {
    await ctx.db.update(users).set({ mfaVerifiedAt: new Date() }).where(eq(users.id, row.id));
    forgetActors(ctx.db, row.id);
  }
  const familyId = uuidv7();
  const refreshToken = await insertRefreshToken(ctx.db, ctx.config, row.id, familyId, meta);
  const accessToken = await signAccessToken(ctx.keys, { sub: row.id, sid: familyId }, ctx.config.ACCESS_TOKEN_TTL_SECONDS);
  const user = presentUser(ctx, row, true);
  return {
    accessToken,
    refreshToken,
    expiresIn: ctx.config.ACCESS_TOKEN_TTL_SECONDS,
    user,
    ...(user.mfaEnrollmentRequired ? { mfaEnrollmentRequired: true } : {}),
  };
}

async function insertRefreshToken(
  db: Db,
  config: AppContext['config'],
  userId: string,
  familyId: string,
  meta: RequestMeta,
): Promise<string> {
  const token = randomToken(32);
  await db.insert(refreshTokens).values({
    id: uuidv7(),
    userId,
    familyId,
    tokenHash: tokenHash(token),
    expiresAt: new Date(Date.now() + config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return token;
}

/**
 * How long a rotated refresh token may be presented again by the same client and get the same successor: a page
 * left while its refresh was in flight never saw the answer (nor its cookie), and its next page sends the old token.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** The successor of a token rotated moments ago, when the same client (agent and address) asks again and it is still live. */
async function graceSuccessor(tx: Db, ctx: AppContext, token: RefreshTokenRow, meta: RequestMeta): Promise<string | undefined> {
  if (!token.successorEnc || !token.rotatedAt || Date.now() - token.rotatedAt.getTime() > REFRESH_REUSE_GRACE_MS) return undefined;
  const successor = decrypt(ctx.keys, token.successorEnc);
  const [next] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash(successor)));
  if (!next || next.rotatedAt || next.revokedAt || next.expiresAt < new Date()) return undefined;
  const sameClient = (next.userAgent ?? null) === (meta.userAgent?.slice(0, 300) ?? null) && (next.ip ?? null) === (meta.ip ?? null);
  return sameClient ? successor : undefined;
}

/**
 * Rotates a refresh token: the presented one is spent and a new one in the same family is returned. Presenting a
 * spent token means it was copied, and the whole family (session) is revoked; except within a few seconds of its
 * rotation by the same client, which gets the same successor back (a legitimate race, see REFRESH_REUSE_GRACE_MS).
 */
export async function refreshSession(ctx: AppContext, presented: string, meta: RequestMeta = {}): Promise<AuthenticateUserOutput> {
  const invalid = () => new ApiError('UnauthorizedException', 'Your session has ended. Please sign in again.');
  const outcome = await ctx.db.transaction(async (tx) => {
    const [token] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash(presented)))
      .for('update');
    if (!token) return { kind: 'invalid' as const };
    if (token.revokedAt || token.expiresAt < new Date()) return { kind: 'invalid' as const };
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, token.userId), isNull(users.deletedAt), eq(users.status, 'ACTIVE')));
    if (token.rotatedAt) {
      const again = row ? await graceSuccessor(tx, ctx, token, meta) : undefined;
      if (again && row) return { kind: 'ok' as const, row, next: again, familyId: token.familyId };
      await tx
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshTokens.familyId, token.familyId), isNull(refreshTokens.revokedAt)));
      await audit(tx, { action: 'auth.refresh.reused', targetUserId: token.userId, meta, details: { sessionId: token.familyId } });
      return { kind: 'reused' as const, userId: token.userId };
    }
    if (!row) return { kind: 'invalid' as const };
    const next = await insertRefreshToken(tx, ctx.config, row.id, token.familyId, meta);
    // Only the newest rotation may be replayed within the grace: older links of the chain forget their successor.
    await tx
      .update(refreshTokens)
      .set({ successorEnc: null })
      .where(and(eq(refreshTokens.familyId, token.familyId), isNotNull(refreshTokens.successorEnc)));
    await tx
      .update(refreshTokens)
      .set({ rotatedAt: new Date(), successorEnc: encrypt(ctx.keys, next) })
      .where(eq(refreshTokens.id, token.id));
    return { kind: 'ok' as const, row, next, familyId: token.familyId };
  });
  if (outcome.kind === 'reused') forgetActors(ctx.db, outcome.userId);
  if (outcome.kind !== 'ok') throw invalid();
  const accessToken = await signAccessToken(ctx.keys, { sub: outcome.row.id, sid: outcome.familyId }, ctx.config.ACCESS_TOKEN_TTL_SECONDS);
  const user = presentUser(ctx, outcome.row, true);
  return {
    accessToken,
    refreshToken: outcome.next,
    expiresIn: ctx.config.ACCESS_TOKEN_TTL_SECONDS,
    user,
    ...(user.mfaEnrollmentRequired ? { mfaEnrollmentRequired: true } : {}),
  };
}

/** Ends one session (refresh-token family); access tokens of that session stop working at once. */
export async function revokeSession(ctx: AppContext, actor: Actor, sessionId: string, meta: RequestMeta = {}): Promise<void> {
  const revoked = await ctx.db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, actor.userId), eq(refreshTokens.familyId, sessionId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (!revoked.length) throw new ApiError('ResourceNotFoundException', 'No such session');
  forgetActors(ctx.db, actor.userId);
  await audit(ctx.db, { action: 'auth.session.revoked', actorId: actor.userId, targetUserId: actor.userId, meta, details: { sessionId } });
}

/** Ends every session but the current one. */
export async function revokeOtherSessions(ctx: AppContext, actor: Actor, meta: RequestMeta = {}): Promise<number> {
  const revoked = await ctx.db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(refreshTokens.userId, actor.userId), sql`${refreshTokens.familyId} <> ${actor.sessionId}`, isNull(refreshTokens.revokedAt)),
    )
    .returning({ familyId: refreshTokens.familyId });
  const sessions = new Set(revoked.map((r) => r.familyId)).size;
  forgetActors(ctx.db, actor.userId);
  await audit(ctx.db, {
    action: 'auth.sessions.revokedOthers',
    actorId: actor.userId,
    targetUserId: actor.userId,
    meta,
    details: { sessions },
  });
  return sessions;
}

/** Active sessions: families with a live, unrotated token. */
export async function listSessions(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select({
      familyId: refreshTokens.familyId,
      startedAt: sql<string>`(select min(f.created_at) from refresh_tokens f where f.family_id = ${refreshTokens.familyId})`,
      lastUsedAt: refreshTokens.createdAt,
      expiresAt: refreshTokens.expiresAt,
      userAgent: refreshTokens.userAgent,
      ip: refreshTokens.ip,
    })
    .from(refreshTokens)
    .where(
      and(
        eq(refreshTokens.userId, actor.userId),
        isNull(refreshTokens.revokedAt),
        isNull(refreshTokens.rotatedAt),
        gt(refreshTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(refreshTokens.createdAt));
  return rows.map((r) => ({
    sessionId: r.familyId,
    createdAt: new Date(r.startedAt).toISOString(),
    lastUsedAt: r.lastUsedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    ...(r.userAgent ? { userAgent: r.userAgent } : {}),
    ...(r.ip ? { ip: r.ip } : {}),
    current: r.familyId === actor.sessionId,
  }));
}

/**
 * The caller behind an access token. The account and session row comes from the actor cache while it is live
 * (actor-cache.ts: every change to an account or its sessions drops it on every instance), else from the
 * database: a revoked session, a deleted account or a changed role takes effect immediately, not when the
 * token expires.
 */
export async function actorFromAccessToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const claims = await verifyAccessToken(ctx.keys, token);
  if (!claims) return undefined;
  const cache = actorCacheFor<UserRow>(ctx.db);
  let row = cache.get(claims.sub, claims.sid);
  if (!row) {
    const epoch = cache.epoch;
    [row] = await actorQuery(ctx.db).execute({ userId: claims.sub, sessionId: claims.sid });
    if (!row) return undefined;
    cache.store(claims.sub, claims.sid, row, epoch);
  }
  const actor: Actor = {
    userId: claims.sub,
    sessionId: claims.sid,
    userType: row.userType,
    tier: row.tier,
    mfaEnabled: row.mfaEnabledAt !== null,
    mfaVerifiedAt: row.mfaVerifiedAt,
  };
  // The row read to authenticate this request serves /me without a second query.
  rowsReadForActor.set(actor, row);
  return actor;
}

const rowsReadForActor = new WeakMap<Actor, UserRow>();

// Every authenticated request runs this query: built and prepared once per database, not per request.
const preparedActorQueries = new WeakMap<Db, ReturnType<typeof prepareActorQuery>>();
function prepareActorQuery(db: Db) {
  return db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, sql.placeholder('userId')),
        eq(users.status, 'ACTIVE'),
        sql`exists (select 1 from ${refreshTokens} where ${refreshTokens.familyId} = ${sql.placeholder('sessionId')} and ${refreshTokens.userId} = ${sql.placeholder('userId')} and ${refreshTokens.revokedAt} is null)`,
      ),
    )
    .prepare('identity_actor_lookup');
}
function actorQuery(db: Db) {
  let query = preparedActorQueries.get(db);
  if (!query) preparedActorQueries.set(db, (query = prepareActorQuery(db)));
  return query;
}

/** Signs out: the current session ends. */
export async function logout(ctx: AppContext, actor: Actor, meta: RequestMeta = {}): Promise<void> {
  await ctx.db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, actor.sessionId), isNull(refreshTokens.revokedAt)));
  forgetActors(ctx.db, actor.userId);
  await audit(ctx.db, { action: 'auth.logout', actorId: actor.userId, targetUserId: actor.userId, meta });
}

export async function getMe(ctx: AppContext, actor: Actor): Promise<User> {
  const row = rowsReadForActor.get(actor);
  if (!row) return presentUser(ctx, await requireUser(ctx.db, actor.userId), true);
  // A row from the actor cache serves many requests: decrypt it once, not on every /me.
  let user = presentedRows.get(row);
  if (!user) presentedRows.set(row, (user = presentUser(ctx, row, true)));
  return user;
}

const presentedRows = new WeakMap<UserRow, User>();
