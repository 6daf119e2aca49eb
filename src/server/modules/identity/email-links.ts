/** Links sent by mail (confirm an address, move an account, reset a password) and the mail they go out in. */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { publicOrigin } from '../../config.ts';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { audit } from '../../audit/service.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decrypt, encrypt, randomToken, tokenHash } from '../../security/crypto.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { forgetActors } from './actor-cache.ts';
import type { Actor } from '../../http/auth.ts';
import { emailTokens, refreshTokens, users } from './schema.ts';
import { assertNotThrottled, failureCount, recordFailure } from './throttle.ts';
import { type UserRow, normaliseEmail, emailHashOf, requireUser } from './presentation.ts';
import { consumeSecondFactor } from './second-factor.ts';

export const EMAIL_TOKEN_MINUTES = 30;

/** Wrong second-factor codes a password-reset link survives; the next one spends it. */
const RESET_LINK_WRONG_CODES = 3;

type EmailTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'CHANGE_EMAIL';

export async function issueEmailToken(
  db: Db,
  userId: string,
  purpose: EmailTokenPurpose,
  newEmailEnc: string | null = null,
): Promise<string> {
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

export function publicUrl(ctx: AppContext): string {
  return publicOrigin(ctx.config);
}

export async function sendEmailVerification(ctx: AppContext, row: UserRow): Promise<void> {
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

export function mailHtml(greeting: string, body: string, link: string, cta: string, expiring = true): string {
  return `<!doctype html><html><body style="margin:0;background:#FBF8F1;font-family:Georgia,serif;color:#111">
<div style="max-width:560px;margin:0 auto;padding:48px 32px">
<p style="letter-spacing:.3em;font-size:12px;text-transform:uppercase;color:#6B5A2E">StyleByZaga</p>
<p style="font-size:18px">${greeting}</p><p style="font-size:16px;line-height:1.6">${escapeHtml(body)}</p>
<p style="margin:32px 0"><a href="${escapeHtml(link)}" style="background:#111;color:#FBF8F1;padding:14px 28px;text-decoration:none;letter-spacing:.15em;text-transform:uppercase;font-size:12px">${escapeHtml(cta)}</a></p>
${expiring ? `<p style="font-size:13px;color:#555">This link is valid for ${EMAIL_TOKEN_MINUTES} minutes and can be used once.</p>` : ''}
</div></body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
