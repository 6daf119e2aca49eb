import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { uuidv7 } from 'uuidv7';
import { publicOrigin } from '../../config.ts';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, decodeCursor } from '../../http/pagination.ts';
import { audit } from '../../audit/service.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decrypt, decryptJson, encrypt, encryptJson, lookupHash, randomToken, tokenHash } from '../../security/crypto.ts';
import { checkTotp, newTotpSecret, totpUri } from './mfa.ts';
import type {
  AuthenticateUserInput,
  AuthenticateUserOutput,
  CreateUserInput,
  PrivateProfile,
  UpdateUserInput,
  User,
  UserPreferences,
} from './models.ts';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { actorCacheFor, forgetActors } from './actor-cache.ts';
import { mustEnrolMfa, type Actor, type Tier, type UserType } from '../../http/auth.ts';
import { contactShares, emailTokens, passkeys, recoveryCodes, refreshTokens, users, webauthnChallenges } from './schema.ts';
import {
  LOGIN_LIMITS,
  admitLoginAttempt,
  assertNotThrottled,
  clearLoginFailures,
  failureCount,
  recordFailure,
  recordLoginFailure,
} from './throttle.ts';
import { signAccessToken, verifyAccessToken } from './tokens.ts';

type UserRow = typeof users.$inferSelect;

const EMAIL_TOKEN_MINUTES = 30;
const RECOVERY_CODE_COUNT = 10;
/** Wrong second-factor codes a password-reset link survives; the next one spends it. */
const RESET_LINK_WRONG_CODES = 3;
const BAD_CREDENTIALS = 'The email or password is incorrect';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const emailHashOf = (ctx: AppContext, email: string) => lookupHash(ctx.keys, `email:${normaliseEmail(email)}`);

// Crockford-style alphabet without look-alikes (0/O, 1/I/L) for aliases people may read aloud.
const ALIAS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function aliasCode(length: number): string {
  return [...randomBytes(length)].map((b) => ALIAS_ALPHABET[b % ALIAS_ALPHABET.length]).join('');
}

// ───────────────────────────── presentation ─────────────────────────────

/** The User shape the API returns; the private profile only when `withProfile` (owner or admin). */
export function presentUser(ctx: AppContext, row: UserRow, withProfile = false): User {
  const mfaEnabled = row.mfaEnabledAt !== null;
  const privateData = row.privateEnc
    ? decryptJson<{ sizes?: UserPreferences['sizePreferences'] } & PrivateProfile>(ctx.keys, row.privateEnc)
    : {};
  const { sizes, ...profile } = privateData;
  const preferences: UserPreferences = { ...row.preferences, ...(sizes ? { sizePreferences: sizes } : {}) };
  return {
    userId: row.id,
    email: decrypt(ctx.keys, row.emailEnc),
    firstName: row.firstName,
    lastName: row.lastName,
    ...(row.phoneEnc ? { phoneNumber: decrypt(ctx.keys, row.phoneEnc) } : {}),
    userType: row.userType,
    preferences,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    tier: row.tier,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnabled,
    mfaEnrollmentRequired: mustEnrolMfa({ userType: row.userType, tier: row.tier, mfaEnabled }),
    privacyMode: row.privacyMode,
    alias: row.alias,
    ...(withProfile ? { profile } : {}),
  };
}

/** Sizes are body data: they go into the encrypted private part, the rest of the preferences stays queryable. */
function splitPreferences(preferences: UserPreferences | undefined) {
  const { sizePreferences, ...open } = preferences ?? {};
  return { open, sizes: sizePreferences };
}

async function findActiveUser(db: Db, userId: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row;
}

async function requireUser(db: Db, userId: string): Promise<UserRow> {
  const row = await findActiveUser(db, userId);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such user');
  return row;
}

// ───────────────────────────── accounts ─────────────────────────────

/** Accounts the platform makes itself (demo seed, scripts): an administrator who is nobody in the users table. */
export const SYSTEM_OPERATOR: Actor = {
  userId: 'system',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'system',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

/** The version of the terms and privacy notice a sign-up accepts; recorded with the time of consent. */
export const TERMS_VERSION = '2026-01';

/**
 * Creates an account. Self sign-up may only make CLIENT or STYLIST, and must accept the terms and privacy
 * notice; ADMIN and BRAND_PARTNER need an admin (`creator`). Sends the email-verification link.
 *
 * Self sign-up never tells whether an address is registered (that would let anyone probe who is a member):
 * for a taken address it answers the same, after the same work, and mails the address holder instead.
 */
export async function createUser(ctx: AppContext, input: CreateUserInput, creator?: Actor, meta: RequestMeta = {}): Promise<User> {
  const userType: UserType = input.userType ?? 'CLIENT';
  const byAdmin = creator?.userType === 'ADMIN';
  if ((userType === 'ADMIN' || userType === 'BRAND_PARTNER') && !byAdmin) {
    throw new ApiError('AccessDeniedException', `Only an administrator can create ${userType} accounts`);
  }
  if (!byAdmin && input.acceptTerms !== true) {
    const message = 'Accept the terms and the privacy notice to create an account';
    throw new ApiError('ValidationException', message, { fieldErrors: { 'body.acceptTerms': [message] } });
  }
  const problem = passwordProblem(input.password, [input.firstName, input.lastName, input.email.split('@')[0] ?? '']);
  if (problem) throw new ApiError('ValidationException', problem, { fieldErrors: { 'body.password': [problem] } });

  const { open, sizes } = splitPreferences(input.preferences);
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  const values = {
    id,
    emailHash: emailHashOf(ctx, input.email),
    emailEnc: encrypt(ctx.keys, normaliseEmail(input.email)),
    phoneEnc: input.phoneNumber ? encrypt(ctx.keys, input.phoneNumber) : null,
    privateEnc: sizes ? encryptJson(ctx.keys, { sizes }) : null,
    firstName: input.firstName,
    lastName: input.lastName,
    userType,
    passwordHash,
    preferences: open,
    alias: `Client ${aliasCode(1)}-${aliasCode(4)}`,
    pseudonym: `Former member ${aliasCode(8)}`,
    ...(byAdmin ? {} : { termsAcceptedAt: new Date(), termsVersion: TERMS_VERSION }),
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(users).values(values).onConflictDoNothing({ target: users.emailHash }).returning();
    if (!inserted) {
      if (byAdmin)
        throw new ApiError('ConflictException', 'An account with this email already exists', {
          fieldErrors: { 'body.email': ['Already registered'] },
        });
      await audit(tx, { action: 'user.signup.existingEmail', actorId: null, details: { userType }, meta });
      return undefined;
    }
    // The bootstrap creator (first admin, scripts) is nobody in the table.
    const actorId = creator ? (UUID.test(creator.userId) ? creator.userId : null) : id;
    await audit(tx, { action: 'user.created', actorId, targetUserId: id, details: { userType }, meta });
    return inserted;
  });
  if (!row) {
    await sendAlreadyRegistered(ctx, normaliseEmail(input.email));
    // The answer a new account gets, for an account that was never stored.
    const now = new Date();
    return presentUser(
      ctx,
      {
        ...values,
        tier: 'STANDARD',
        status: 'ACTIVE',
        emailVerifiedAt: null,
        mfaSecretEnc: null,
        mfaEnabledAt: null,
        mfaLastStep: null,
        mfaVerifiedAt: null,
        privacyMode: false,
        termsAcceptedAt: now,
        termsVersion: TERMS_VERSION,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      },
      true,
    );
  }
  await sendEmailVerification(ctx, row);
  return presentUser(ctx, row, true);
}

/** Someone signed up, or moved an account, to an address that already has one: its holder hears, nobody else. */
async function sendAlreadyRegistered(ctx: AppContext, email: string): Promise<void> {
  const link = `${publicUrl(ctx)}/forgot-password`;
  await ctx.mailer.send(ctx.db, {
    to: email,
    subject: 'Your StyleByZaga account — StyleByZaga',
    text: `Hello,\n\nSomeone tried to create a StyleByZaga account, or to move one, to this address, which already has an account. If it was you, simply sign in; if you no longer know your password, choose a new one here:\n${link}\n\nIf it was not you, you can ignore this message: nothing has changed.\n\nThe StyleByZaga concierge`,
    html: mailHtml(
      'Hello,',
      'Someone tried to create a StyleByZaga account, or to move one, to this address, which already has an account. If it was you, simply sign in or choose a new password. If it was not you, you can ignore this message.',
      link,
      'Choose a new password',
      false,
    ),
  });
}

/** GetUser: oneself or an admin; anyone else gets 404 (no probing which ids exist). Admin views of VIPs are audited. */
export async function getUser(ctx: AppContext, actor: Actor, userId: string, meta: RequestMeta = {}): Promise<User> {
  if (actor.userId !== userId && actor.userType !== 'ADMIN') throw new ApiError('ResourceNotFoundException', 'No such user');
  const row = await requireUser(ctx.db, userId);
  if (actor.userId !== userId && row.tier === 'VIP') {
    await audit(ctx.db, { action: 'vip.profile.viewed', actorId: actor.userId, targetUserId: userId, meta });
  }
  return presentUser(ctx, row, true);
}

/**
 * UpdateUser: names, phone, preferences and the private profile. A new email address is not applied here: a link
 * goes to it and the account moves when its holder follows it. The answer is the same whether or not the new
 * address already has an account (whose holder is told instead), so this cannot probe who is a member.
 */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
  meta: RequestMeta = {},
): Promise<User> {
  if (actor.userId !== userId && actor.userType !== 'ADMIN') throw new ApiError('ResourceNotFoundException', 'No such user');
  const current = await requireUser(ctx.db, userId);
  const privateNow = current.privateEnc ? decryptJson<Record<string, unknown>>(ctx.keys, current.privateEnc) : {};
  const { open, sizes } = splitPreferences(input.preferences);
  const privateNext = {
    ...privateNow,
    ...(input.preferences?.sizePreferences !== undefined ? { sizes } : {}),
    ...(input.profile ?? {}),
  };
  const emailChanged = input.email !== undefined && emailHashOf(ctx, input.email) !== current.emailHash;
  const [row] = await ctx.db
    .update(users)
    .set({
      ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
      ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
      ...(input.phoneNumber !== undefined ? { phoneEnc: input.phoneNumber === null ? null : encrypt(ctx.keys, input.phoneNumber) } : {}),
      ...(input.preferences !== undefined ? { preferences: { ...current.preferences, ...open } } : {}),
      privateEnc: Object.keys(privateNext).length ? encryptJson(ctx.keys, privateNext) : null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId))
    .returning();
  forgetActors(ctx.db, userId);
  await audit(ctx.db, {
    action: 'user.updated',
    actorId: actor.userId,
    targetUserId: userId,
    details: { fields: Object.keys(input) },
    meta,
  });
  if (emailChanged) await requestEmailChange(ctx, row!, input.email!);
  return presentUser(ctx, row!, true);
}

/** Mails a confirmation link to the new address, or, when it already has an account, tells its holder instead. */
async function requestEmailChange(ctx: AppContext, row: UserRow, newEmail: string): Promise<void> {
  const address = normaliseEmail(newEmail);
  const token = await issueEmailToken(ctx.db, row.id, 'CHANGE_EMAIL', encrypt(ctx.keys, address));
  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.emailHash, emailHashOf(ctx, address)));
  if (taken) return sendAlreadyRegistered(ctx, address);
  const link = `${publicUrl(ctx)}/verify-email?token=${token}`;
  await ctx.mailer.send(ctx.db, {
    to: address,
    subject: 'Confirm your new email address — StyleByZaga',
    text: `Dear ${row.firstName},\n\nPlease confirm that your StyleByZaga account should use this email address from now on:\n${link}\n\nThis link is valid for ${EMAIL_TOKEN_MINUTES} minutes and can be used once. Until then your account keeps its current address.\n\nThe StyleByZaga concierge`,
    html: mailHtml(
      `Dear ${escapeHtml(row.firstName)},`,
      'Please confirm that your StyleByZaga account should use this email address from now on. Until then your account keeps its current address.',
      link,
      'Confirm my new address',
    ),
  });
}

/**
 * DeleteUser erases personal data irreversibly (ciphertexts, names, sessions, passkeys, MFA) but keeps the row
 * under its pseudonym, so orders and ledger entries still balance.
 */
export async function deleteUser(ctx: AppContext, actor: Actor, userId: string, meta: RequestMeta = {}): Promise<void> {
  if (actor.userId !== userId && actor.userType !== 'ADMIN') throw new ApiError('ResourceNotFoundException', 'No such user');
  const row = await requireUser(ctx.db, userId);
  await ctx.db.transaction(async (tx) => {
    const erased = `erased:${row.id}`;
    await tx
      .update(users)
      .set({
        emailHash: erased,
        emailEnc: encrypt(ctx.keys, ''),
        phoneEnc: null,
        privateEnc: null,
        firstName: row.pseudonym,
        lastName: '',
        passwordHash: null,
        mfaSecretEnc: null,
        mfaEnabledAt: null,
        preferences: {},
        privacyMode: true,
        status: 'DELETED',
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx.delete(refreshTokens).where(eq(refreshTokens.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(emailTokens).where(eq(emailTokens.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
    await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId));
    await tx.delete(contactShares).where(or(eq(contactShares.userId, userId), eq(contactShares.sharedWithId, userId)));
    await audit(tx, { action: 'user.deleted', actorId: actor.userId, targetUserId: userId, meta });
  });
  forgetActors(ctx.db, userId);
}

/** Page tokens of the admin user list: newest first on (createdAt, id). */
const USERS_SORT = 'users';

/** Admin list with search by name (trigram) or exact email, and filters; cursor on (createdAt, id). */
export async function listUsers(
  ctx: AppContext,
  params: { query?: string; userType?: UserType; tier?: Tier; maxResults: number; nextToken?: string },
): Promise<{ users: User[]; nextToken?: string }> {
  const cursor = params.nextToken ? decodeCursor(params.nextToken, USERS_SORT, 'time') : undefined;
  const conditions = [isNull(users.deletedAt)];
  if (params.userType) conditions.push(eq(users.userType, params.userType));
  if (params.tier) conditions.push(eq(users.tier, params.tier));
  if (params.query) {
    const q = params.query;
    conditions.push(
      q.includes('@')
        ? eq(users.emailHash, emailHashOf(ctx, q))
        : or(
            ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, `%${escapeLike(q)}%`),
            sql`(${users.firstName} || ' ' || ${users.lastName}) % ${q}`,
          )!,
    );
  }
  if (cursor) {
    const at = new Date(cursor.key);
    conditions.push(or(lt(users.createdAt, at), and(eq(users.createdAt, at), lt(users.id, cursor.id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(params.maxResults + 1);
  const page = cutPage(rows, params.maxResults, USERS_SORT, (r) => ({ key: r.createdAt.toISOString(), id: r.id }));
  return { users: page.items.map((r) => presentUser(ctx, r)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** Changes an account's role; its sessions end so the new role applies at once. */
export async function changeRole(ctx: AppContext, actor: Actor, userId: string, userType: UserType, meta: RequestMeta = {}): Promise<User> {
  if (actor.userId === userId) throw new ApiError('AccessDeniedException', 'Administrators cannot change their own role');
  const current = await requireUser(ctx.db, userId);
  const [row] = await ctx.db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ userType, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    await audit(tx, {
      action: 'user.role.changed',
      actorId: actor.userId,
      targetUserId: userId,
      details: { from: current.userType, to: userType },
      meta,
    });
    return updated;
  });
  forgetActors(ctx.db, userId);
  return presentUser(ctx, row!, true);
}

/** Sets or lifts VIP tier (VIP decisions call this inside their transaction, and forget the actor after commit). */
export async function setTier(db: Db, userId: string, tier: Tier): Promise<void> {
  await db.update(users).set({ tier, updatedAt: new Date() }).where(eq(users.id, userId));
  forgetActors(db, userId); // a no-op inside a transaction (another handle): its caller forgets after commit
}

/** Creates the first admin from BOOTSTRAP_ADMIN_* or the create-admin script; does nothing if an admin exists. */
/** The demo's house-office account (seeded with DEMO_DATA); it never stands in for an operator's own first admin. */
export const DEMO_ADMIN_EMAIL = 'helene.marchal@demo.stylebyzaga.test';

export async function ensureAdmin(
  ctx: AppContext,
  input: { email: string; password: string; firstName?: string; lastName?: string },
): Promise<'created' | 'exists'> {
  const [existing] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.userType, 'ADMIN'), isNull(users.deletedAt), ne(users.emailHash, emailHashOf(ctx, DEMO_ADMIN_EMAIL))))
    .limit(1);
  if (existing) return 'exists';
  const bootstrap: Actor = {
    userId: 'bootstrap',
    userType: 'ADMIN',
    tier: 'STANDARD',
    sessionId: 'bootstrap',
    mfaEnabled: true,
    mfaVerifiedAt: null,
  };
  const user = await createUser(
    ctx,
    {
      email: input.email,
      password: input.password,
      firstName: input.firstName ?? 'Platform',
      lastName: input.lastName ?? 'Administrator',
      userType: 'ADMIN',
    },
    bootstrap,
  );
  await ctx.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.userId));
  forgetActors(ctx.db, user.userId);
  return 'created';
}

// ───────────────────────────── sign-in and sessions ─────────────────────────────

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

// ───────────────────────────── MFA ─────────────────────────────

/** Starts TOTP enrolment: a new secret (not active until verified), its otpauth URL and a QR code. */
export async function mfaSetup(ctx: AppContext, actor: Actor) {
  const row = await requireUser(ctx.db, actor.userId);
  if (row.mfaEnabledAt)
    throw new ApiError('ConflictException', 'Two-factor authentication is already on; turn it off first to enrol a new device');
  const secret = newTotpSecret();
  await ctx.db
    .update(users)
    .set({ mfaSecretEnc: encrypt(ctx.keys, secret), mfaLastStep: null })
    .where(eq(users.id, actor.userId));
  forgetActors(ctx.db, actor.userId);
  const otpauthUrl = totpUri(secret, decrypt(ctx.keys, row.emailEnc));
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240, color: { dark: '#111111', light: '#FBF8F1' } });
  return { secret, otpauthUrl, qrCodeDataUrl };
}

/** Confirms enrolment with a first code; returns 10 one-time recovery codes (shown once, stored hashed). */
export async function mfaVerify(ctx: AppContext, actor: Actor, code: string, meta: RequestMeta = {}) {
  await assertNotThrottled(ctx.db, ctx.keys, 'mfa', [actor.userId]);
  const row = await requireUser(ctx.db, actor.userId);
  if (row.mfaEnabledAt) throw new ApiError('ConflictException', 'Two-factor authentication is already on');
  if (!row.mfaSecretEnc) throw new ApiError('ConflictException', 'Start the setup first');
  const step = await checkTotp(decrypt(ctx.keys, row.mfaSecretEnc), code, row.mfaLastStep);
  if (step === undefined) {
    await recordFailure(ctx.db, ctx.keys, 'mfa', [actor.userId]);
    throw new ApiError('ValidationException', 'That code is not valid. Check the time on your device and try again.', {
      fieldErrors: { 'body.code': ['Invalid code'] },
    });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => `${aliasCode(5)}-${aliasCode(5)}`);
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ mfaEnabledAt: new Date(), mfaVerifiedAt: new Date(), mfaLastStep: step, updatedAt: new Date() })
      .where(eq(users.id, actor.userId))
      .returning();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ id: uuidv7(), userId: actor.userId, codeHash: lookupHash(ctx.keys, `recovery:${c}`) })));
    await audit(tx, { action: 'auth.mfa.enabled', actorId: actor.userId, targetUserId: actor.userId, meta });
    return u!;
  });
  forgetActors(ctx.db, actor.userId);
  return { recoveryCodes: codes, user: presentUser(ctx, updated, true) };
}

/** Turns MFA off; needs a current code. Accounts that must have MFA cannot turn it off. */
export async function mfaDisable(ctx: AppContext, actor: Actor, code: string, meta: RequestMeta = {}): Promise<User> {
  const row = await requireUser(ctx.db, actor.userId);
  if (!row.mfaEnabledAt) throw new ApiError('ConflictException', 'Two-factor authentication is not on');
  if (mustEnrolMfa({ userType: row.userType, tier: row.tier, mfaEnabled: false })) {
    throw new ApiError('AccessDeniedException', 'Your account type requires two-factor authentication');
  }
  await assertNotThrottled(ctx.db, ctx.keys, 'mfa', [actor.userId]);
  if (!(await consumeSecondFactor(ctx, row, code))) {
    await recordFailure(ctx.db, ctx.keys, 'mfa', [actor.userId]);
    throw new ApiError('ValidationException', 'That code is not valid or was already used', {
      fieldErrors: { 'body.code': ['Invalid code'] },
    });
  }
  const [updated] = await ctx.db.transaction(async (tx) => {
    const u = await tx
      .update(users)
      .set({ mfaEnabledAt: null, mfaSecretEnc: null, mfaLastStep: null, updatedAt: new Date() })
      .where(eq(users.id, actor.userId))
      .returning();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await audit(tx, { action: 'auth.mfa.disabled', actorId: actor.userId, targetUserId: actor.userId, meta });
    return u;
  });
  forgetActors(ctx.db, actor.userId);
  return presentUser(ctx, updated!, true);
}

/** Step-up: proves the second factor again, for high-value actions guarded by `requireRecentMfa`. */
export async function mfaStepUp(ctx: AppContext, actor: Actor, code: string, meta: RequestMeta = {}): Promise<void> {
  await assertNotThrottled(ctx.db, ctx.keys, 'mfa', [actor.userId]);
  const row = await requireUser(ctx.db, actor.userId);
  if (!row.mfaEnabledAt) throw new ApiError('ConflictException', 'Turn on two-factor authentication first');
  if (!(await consumeSecondFactor(ctx, row, code))) {
    await recordFailure(ctx.db, ctx.keys, 'mfa', [actor.userId]);
    throw new ApiError('UnauthorizedException', 'That code is not valid or was already used', { reason: 'MFA_INVALID' });
  }
  await ctx.db.update(users).set({ mfaVerifiedAt: new Date() }).where(eq(users.id, actor.userId));
  forgetActors(ctx.db, actor.userId);
  await audit(ctx.db, { action: 'auth.mfa.stepUp', actorId: actor.userId, targetUserId: actor.userId, meta });
}

/**
 * Accepts a TOTP code (each time step once, enforced by a conditional update so two racing requests cannot
 * both use it) or an unused recovery code.
 */
async function consumeSecondFactor(ctx: AppContext, row: UserRow, code: string): Promise<boolean> {
  if (!row.mfaSecretEnc) return false;
  const trimmed = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    const step = await checkTotp(decrypt(ctx.keys, row.mfaSecretEnc), trimmed, row.mfaLastStep);
    if (step === undefined) return false;
    const claimed = await ctx.db
      .update(users)
      .set({ mfaLastStep: step })
      .where(and(eq(users.id, row.id), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
      .returning({ id: users.id });
    forgetActors(ctx.db, row.id);
    return claimed.length === 1;
  }
  const used = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, row.id),
        eq(recoveryCodes.codeHash, lookupHash(ctx.keys, `recovery:${trimmed.toUpperCase()}`)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (used.length === 1) await audit(ctx.db, { action: 'auth.mfa.recoveryCodeUsed', actorId: row.id, targetUserId: row.id });
  return used.length === 1;
}

/** Throws unless the actor proved a second factor in the last `minutes` (for payments, payouts, role changes…). */
export function requireRecentMfa(actor: Actor, minutes = 10): void {
  if (!actor.mfaEnabled)
    throw new ApiError('AccessDeniedException', 'Turn on two-factor authentication to do this', { reason: 'MFA_ENROLLMENT_REQUIRED' });
  if (!actor.mfaVerifiedAt || Date.now() - actor.mfaVerifiedAt.getTime() > minutes * 60_000) {
    throw new ApiError('AccessDeniedException', 'Confirm with your authenticator code to continue', { reason: 'MFA_STEP_UP_REQUIRED' });
  }
}

// ───────────────────────────── email links ─────────────────────────────

type EmailTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'CHANGE_EMAIL';

async function issueEmailToken(db: Db, userId: string, purpose: EmailTokenPurpose, newEmailEnc: string | null = null): Promise<string> {
  const token = randomToken(32);
  // A new link replaces older ones of the same kind.
  await db.delete(emailTokens).where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  await db
    .insert(emailTokens)
    .values({ tokenHash: tokenHash(token), userId, purpose, newEmailEnc, expiresAt: new Date(Date.now() + EMAIL_TOKEN_MINUTES * 60_000) });
  return token;
}

/** Spends a link token exactly once (conditional update); returns its user id, or throws a clear 400. */
async function consumeEmailToken(
  db: Db,
  token: string,
  purposes: EmailTokenPurpose[],
): Promise<{ userId: string; purpose: EmailTokenPurpose; newEmailEnc: string | null }> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash(token)),
        inArray(emailTokens.purpose, purposes),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId, purpose: emailTokens.purpose, newEmailEnc: emailTokens.newEmailEnc });
  if (!row)
    throw new ApiError('ValidationException', 'This link has expired or was already used. Please ask for a new one.', {
      fieldErrors: { 'body.token': ['Expired or already used'] },
    });
  return row;
}

function publicUrl(ctx: AppContext): string {
  return publicOrigin(ctx.config);
}

async function sendEmailVerification(ctx: AppContext, row: UserRow): Promise<void> {
  const token = await issueEmailToken(ctx.db, row.id, 'VERIFY_EMAIL');
  const link = `${publicUrl(ctx)}/verify-email?token=${token}`;
  await ctx.mailer.send(ctx.db, {
    to: decrypt(ctx.keys, row.emailEnc),
    subject: 'Confirm your email — StyleByZaga',
    text: `Dear ${row.firstName},\n\nPlease confirm your email address to complete your StyleByZaga account:\n${link}\n\nThis link is valid for ${EMAIL_TOKEN_MINUTES} minutes and can be used once.\n\nWith our compliments,\nThe StyleByZaga concierge`,
    html: mailHtml(
      `Dear ${escapeHtml(row.firstName)},`,
      'Please confirm your email address to complete your StyleByZaga account.',
      link,
      'Confirm my email',
    ),
  });
}

export async function resendEmailVerification(ctx: AppContext, actor: Actor): Promise<void> {
  const row = await requireUser(ctx.db, actor.userId);
  if (row.emailVerifiedAt) throw new ApiError('ConflictException', 'Your email address is already confirmed');
  await sendEmailVerification(ctx, row);
}

/** Confirms the account's address, or moves the account to the new address the link was sent to. */
export async function verifyEmail(ctx: AppContext, token: string, meta: RequestMeta = {}): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { userId, purpose, newEmailEnc } = await consumeEmailToken(tx, token, ['VERIFY_EMAIL', 'CHANGE_EMAIL']);
    if (purpose === 'CHANGE_EMAIL' && newEmailEnc) {
      const address = decrypt(ctx.keys, newEmailEnc);
      // Only the holder of the new address reads this link, so saying it is taken tells nobody else anything.
      const moved = await tx
        .update(users)
        .set({
          emailHash: emailHashOf(ctx, address),
          emailEnc: encrypt(ctx.keys, address),
          emailVerifiedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId))
        .returning({ id: users.id })
        .catch((err: unknown) => {
          if (isUniqueViolation(err))
            throw new ApiError('ConflictException', 'This address already has an account; sign in with it instead.', {
              fieldErrors: { 'body.token': ['Address taken'] },
            });
          throw err;
        });
      if (!moved.length)
        throw new ApiError('ValidationException', 'This link has expired or was already used. Please ask for a new one.', {
          fieldErrors: { 'body.token': ['Expired or already used'] },
        });
      await audit(tx, { action: 'user.email.changed', actorId: userId, targetUserId: userId, meta });
    } else {
      await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
      await audit(tx, { action: 'user.email.verified', actorId: userId, targetUserId: userId, meta });
    }
  });
  const [owner] = await ctx.db
    .select({ id: emailTokens.userId })
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, tokenHash(token)));
  if (owner) forgetActors(ctx.db, owner.id);
}

/** Always answers the same, whether or not the address has an account; throttled per address and IP. */
export async function forgotPassword(ctx: AppContext, email: string, meta: RequestMeta = {}): Promise<void> {
  const account = normaliseEmail(email);
  await assertNotThrottled(ctx.db, ctx.keys, 'reset', [account, meta.ip]);
  // Every request counts toward the limit: it stops mail bombing as well as guessing.
  await recordFailure(ctx.db, ctx.keys, 'reset', [account, meta.ip]);
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.emailHash, emailHashOf(ctx, account)), isNull(users.deletedAt), eq(users.status, 'ACTIVE')));
  if (!row) return;
  const token = await issueEmailToken(ctx.db, row.id, 'RESET_PASSWORD');
  const link = `${publicUrl(ctx)}/reset-password?token=${token}`;
  await ctx.mailer.send(ctx.db, {
    to: account,
    subject: 'Reset your password — StyleByZaga',
    text: `Dear ${row.firstName},\n\nWe received a request to reset your password. Choose a new one here:\n${link}\n\nThis link is valid for ${EMAIL_TOKEN_MINUTES} minutes and can be used once. If you did not ask for it, you can ignore this message.\n\nThe StyleByZaga concierge`,
    html: mailHtml(
      `Dear ${escapeHtml(row.firstName)},`,
      'We received a request to reset your password. If you did not ask for it, you can ignore this message.',
      link,
      'Choose a new password',
    ),
  });
  await audit(ctx.db, { action: 'auth.password.resetRequested', targetUserId: row.id, meta });
}

/** Sets a new password from a reset link. Never bypasses MFA; ends every session. */
export async function resetPassword(
  ctx: AppContext,
  input: { token: string; password: string; mfaCode?: string },
  meta: RequestMeta = {},
): Promise<void> {
  await assertNotThrottled(ctx.db, ctx.keys, 'reset', [meta.ip]);
  const [pending] = await ctx.db
    .select({ userId: emailTokens.userId })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash(input.token)),
        eq(emailTokens.purpose, 'RESET_PASSWORD'),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    );
  if (!pending) {
    await recordFailure(ctx.db, ctx.keys, 'reset', [meta.ip]);
    throw new ApiError('ValidationException', 'This link has expired or was already used. Please ask for a new one.', {
      fieldErrors: { 'body.token': ['Expired or already used'] },
    });
  }
  const row = await requireUser(ctx.db, pending.userId);
  const problem = passwordProblem(input.password, [row.firstName, row.lastName, decrypt(ctx.keys, row.emailEnc).split('@')[0] ?? '']);
  if (problem) throw new ApiError('ValidationException', problem, { fieldErrors: { 'body.password': [problem] } });
  if (row.mfaEnabledAt) {
    if (!input.mfaCode)
      throw new ApiError('UnauthorizedException', 'Enter the code from your authenticator app', { reason: 'MFA_REQUIRED' });
    // The same throttle as every other check of this account's second factor, and a link that survives only a
    // few wrong codes: together they leave a guesser a handful of tries, not thirty.
    await assertNotThrottled(ctx.db, ctx.keys, 'mfa', [row.id]);
    if (!(await consumeSecondFactor(ctx, row, input.mfaCode))) {
      const linkKey = `link:${tokenHash(input.token)}`;
      await recordFailure(ctx.db, ctx.keys, 'mfa', [row.id, linkKey]);
      if ((await failureCount(ctx.db, ctx.keys, 'mfa', linkKey)) >= RESET_LINK_WRONG_CODES) {
        await ctx.db
          .update(emailTokens)
          .set({ usedAt: new Date() })
          .where(and(eq(emailTokens.tokenHash, tokenHash(input.token)), isNull(emailTokens.usedAt)));
        await audit(ctx.db, { action: 'auth.password.resetLinkSpent', targetUserId: row.id, meta, details: { reason: 'wrong-codes' } });
        throw new ApiError('UnauthorizedException', 'Too many wrong codes: this link can no longer be used. Please ask for a new one.', {
          reason: 'MFA_INVALID',
        });
      }
      throw new ApiError('UnauthorizedException', 'That code is not valid or was already used', { reason: 'MFA_INVALID' });
    }
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await consumeEmailToken(tx, input.token, ['RESET_PASSWORD']);
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.id));
    await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.userId, row.id), isNull(refreshTokens.revokedAt)));
    await audit(tx, { action: 'auth.password.reset', actorId: row.id, targetUserId: row.id, meta });
  });
  forgetActors(ctx.db, row.id);
}

// ───────────────────────────── helpers ─────────────────────────────

function mailHtml(greeting: string, body: string, link: string, cta: string, expiring = true): string {
  return `<!doctype html><html><body style="margin:0;background:#FBF8F1;font-family:Georgia,serif;color:#111">
<div style="max-width:560px;margin:0 auto;padding:48px 32px">
<p style="letter-spacing:.3em;font-size:12px;text-transform:uppercase;color:#6B5A2E">StyleByZaga</p>
<p style="font-size:18px">${greeting}</p><p style="font-size:16px;line-height:1.6">${escapeHtml(body)}</p>
<p style="margin:32px 0"><a href="${escapeHtml(link)}" style="background:#111;color:#FBF8F1;padding:14px 28px;text-decoration:none;letter-spacing:.15em;text-transform:uppercase;font-size:12px">${escapeHtml(cta)}</a></p>
${expiring ? `<p style="font-size:13px;color:#555">This link is valid for ${EMAIL_TOKEN_MINUTES} minutes and can be used once.</p>` : ''}
</div></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ───────────────────────────── for other modules ─────────────────────────────
// Other modules reach identity only through this file: how clients appear to a viewer under the privacy rule.
export { clientIdentitiesFor, clientIdentityFor, publicClientNames, setPrivacyMode, type ClientIdentity } from './privacy.ts';

/** Accounts' names by id, for other modules' lists (stylists' profiles, calendars). Unknown ids are absent. */
export async function accountNames(db: Db, userIds: readonly string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
}

/** The type of a live (not erased) account, or undefined when there is none: "is this a stylist / partner account?". */
export async function accountTypeOf(db: Db, userId: string, options: { includeErased?: boolean } = {}): Promise<UserType | undefined> {
  const [row] = await db
    .select({ userType: users.userType })
    .from(users)
    .where(and(eq(users.id, userId), ...(options.includeErased ? [] : [isNull(users.deletedAt)])))
    .limit(1);
  return row?.userType;
}

/** The ids of the live accounts with these emails (demo seeding finds its accounts again on a re-run). */
export async function accountIdsByEmail(ctx: AppContext, emails: readonly string[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(
          users.emailHash,
          emails.map((e) => emailHashOf(ctx, e)),
        ),
        isNull(users.deletedAt),
      ),
    );
  return rows.map((r) => r.id);
}

/** Marks an account's email as confirmed without a mail round trip: for accounts the platform itself creates (demo seeding). */
export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
}

/** Kind and standing of accounts, for other modules' policies (messaging: who may write to whom). Unknown ids are absent. */
export async function accountKindsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { userType: UserType; tier: Tier; active: boolean }>> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, userType: users.userType, tier: users.tier, status: users.status, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, { userType: r.userType, tier: r.tier, active: r.status === 'ACTIVE' && r.deletedAt === null }]));
}
