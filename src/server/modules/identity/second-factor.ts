/** The second factor: TOTP enrolment, recovery codes, step-up, and the check other flows call. */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { uuidv7 } from 'uuidv7';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { audit } from '../../audit/service.ts';
import { decrypt, encrypt, lookupHash } from '../../security/crypto.ts';
import { checkTotp, newTotpSecret, totpUri } from './mfa.ts';
import type { User } from './models.ts';
import { forgetActors } from './actor-cache.ts';
import { mustEnrolMfa, type Actor } from '../../http/auth.ts';
import { recoveryCodes, users } from './schema.ts';
import { assertNotThrottled, recordFailure } from './throttle.ts';
import { type UserRow, aliasCode, presentUser, requireUser } from './presentation.ts';
import { stepUpNow } from '../../security/step-up-clock.ts';

const RECOVERY_CODE_COUNT = 10;

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
  await ctx.db
    .update(users)
    .set({ mfaVerifiedAt: new Date(stepUpNow(ctx.db)) })
    .where(eq(users.id, actor.userId));
  forgetActors(ctx.db, actor.userId);
  await audit(ctx.db, { action: 'auth.mfa.stepUp', actorId: actor.userId, targetUserId: actor.userId, meta });
}

/**
 * Accepts a TOTP code (each time step once, enforced by a conditional update so two racing requests cannot
 * both use it) or an unused recovery code.
 */
export async function consumeSecondFactor(ctx: AppContext, row: UserRow, code: string): Promise<boolean> {
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

/**
 * Throws unless the actor proved a second factor in the last `minutes` (for payments, payouts, role changes…); `now`
 * is the caller's clock (a test may move the checkout's forward).
 */
export function requireRecentMfa(actor: Actor, minutes = 10, now = Date.now()): void {
  if (!actor.mfaEnabled)
    throw new ApiError('AccessDeniedException', 'Turn on two-factor authentication to do this', { reason: 'MFA_ENROLLMENT_REQUIRED' });
  if (!actor.mfaVerifiedAt || now - actor.mfaVerifiedAt.getTime() > minutes * 60_000) {
    throw new ApiError('AccessDeniedException', 'Confirm with your authenticator code to continue', { reason: 'MFA_STEP_UP_REQUIRED' });
  }
}
