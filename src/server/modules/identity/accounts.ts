/** Accounts: sign-up, profile changes, erasure, the admin list, roles, tiers and the first administrator. */
import { and, desc, eq, ilike, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, decodeCursor } from '../../http/pagination.ts';
import { audit } from '../../audit/service.ts';
import { decryptJson, encrypt, encryptJson } from '../../security/crypto.ts';
import type { CreateUserInput, UpdateUserInput, User } from './models.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { forgetActors } from './actor-cache.ts';
import type { Actor, Tier, UserType } from '../../http/auth.ts';
import { contactShares, emailTokens, passkeys, recoveryCodes, refreshTokens, users, webauthnChallenges } from './schema.ts';
import { type UserRow, normaliseEmail, emailHashOf, aliasCode, presentUser, splitPreferences, requireUser } from './presentation.ts';
import { EMAIL_TOKEN_MINUTES, issueEmailToken, publicUrl, sendEmailVerification, mailHtml, escapeHtml } from './email-links.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
