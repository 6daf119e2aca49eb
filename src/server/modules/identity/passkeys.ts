/**
 * Passkeys (WebAuthn): registered from account settings by a signed-in user, then used to sign in without a
 * password. Discoverable credentials, user verification required, 'none' attestation. Challenges live in the
 * database (any instance can finish a ceremony), are single-use and expire after five minutes.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { and, asc, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { decrypt } from '../../security/crypto.ts';
import type { AuthenticateUserOutput } from './models.ts';
import type { Actor } from '../../http/auth.ts';
import { passkeys, users, webauthnChallenges } from './schema.ts';
import { startSession } from './service.ts';
import { audit } from '../../audit/service.ts';
import { assertNotThrottled, clearLoginFailures, recordFailure } from './throttle.ts';

const RP_NAME = 'StyleByZaga';
const CHALLENGE_MINUTES = 5;
const MAX_PASSKEYS_PER_ACCOUNT = 20;
// Passkey ids travel in URL paths (DELETE /auth/passkeys/{id}) and the router caps a path parameter at 200
// characters. Discoverable credentials from real authenticators are 16–64 bytes, far below this.
const MAX_CREDENTIAL_ID_LENGTH = 200;
const SIGN_IN_FAILED = 'We could not sign you in with this passkey';

// ───────────────────────────── models ─────────────────────────────

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'Must be base64url');
const transports = z.array(z.string().max(32)).max(10);
// Extension outputs are the browser's to add to (largeBlob, prf…) and we read none of them: listed ones are typed,
// unknown ones are dropped rather than refused, so a browser update cannot break passkeys.
const clientExtensionResults = z.object({
  appid: z.boolean().optional(),
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
  hmacCreateSecret: z.boolean().optional(),
});
// 'platform' or 'cross-platform' today; null from PublicKeyCredential.toJSON() when the browser cannot tell.
// Only used to name the passkey, so a value from a newer browser is kept rather than refused.
const authenticatorAttachment = z.string().max(32).nullish();

/** What @simplewebauthn/browser's startRegistration() (or PublicKeyCredential.toJSON()) produces. */
export const RegistrationResponse = z
  .strictObject({
    id: base64url(MAX_CREDENTIAL_ID_LENGTH * 2).min(1),
    rawId: base64url(MAX_CREDENTIAL_ID_LENGTH * 2).min(1),
    type: z.literal('public-key'),
    response: z.strictObject({
      clientDataJSON: base64url(8_192).min(1),
      attestationObject: base64url(32_768).min(1),
      authenticatorData: base64url(16_384).optional(),
      transports: transports.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(16_384).optional(),
    }),
    clientExtensionResults,
    authenticatorAttachment,
  })
  .meta({ id: 'PasskeyRegistrationResponse' });
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

/** What @simplewebauthn/browser's startAuthentication() (or PublicKeyCredential.toJSON()) produces. */
export const AuthenticationResponse = z
  .strictObject({
    id: base64url(MAX_CREDENTIAL_ID_LENGTH * 2).min(1),
    rawId: base64url(MAX_CREDENTIAL_ID_LENGTH * 2).min(1),
    type: z.literal('public-key'),
    response: z.strictObject({
      clientDataJSON: base64url(8_192).min(1),
      authenticatorData: base64url(16_384).min(1),
      signature: base64url(4_096).min(1),
      userHandle: base64url(256).optional(),
    }),
    clientExtensionResults,
    authenticatorAttachment,
  })
  .meta({ id: 'PasskeyAuthenticationResponse' });
export type AuthenticationResponse = z.infer<typeof AuthenticationResponse>;

const CredentialDescriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

/** Options for navigator.credentials.create(), as @simplewebauthn/browser's startRegistration() takes them. */
export const PasskeyRegistrationOptions = z
  .object({
    challenge: z.string(),
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(CredentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
        residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
      })
      .optional(),
    attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
    // credProps is the one extension asked for (it tells whether the credential became discoverable).
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: 'PasskeyRegistrationOptions' });

/** Options for navigator.credentials.get(), as @simplewebauthn/browser's startAuthentication() takes them. */
export const PasskeyAuthenticationOptions = z
  .object({
    challenge: z.string(),
    rpId: z.string().optional(),
    timeout: z.number().int().optional(),
    allowCredentials: z.array(CredentialDescriptor).optional(),
    userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
  })
  .meta({ id: 'PasskeyAuthenticationOptions' });

export const Passkey = z
  .object({
    passkeyId: z.string(),
    name: z.string(),
    transports: z.array(z.string()),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Passkey' });
export type Passkey = z.infer<typeof Passkey>;

export const PasskeyName = z.string().trim().min(1, 'Required').max(60, 'At most 60 characters');

// ───────────────────────────── origins ─────────────────────────────

// Browser tests and `npm run dev` listen on arbitrary ports; only these exact shapes are ever added.
const LOCAL_DEV_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1):([1-9][0-9]{0,4})$/;

/**
 * The origins a WebAuthn response may come from: WEBAUTHN_ORIGINS, plus — outside production only — the
 * request's own Origin header when it is plain http on localhost or 127.0.0.1 with an explicit port. The
 * signed clientDataJSON must still name that same origin, and the RP ID still has to match.
 */
export function expectedOrigins(config: Pick<Config, 'NODE_ENV' | 'WEBAUTHN_ORIGINS'>, requestOrigin: string | undefined): string[] {
  const origins = [...config.WEBAUTHN_ORIGINS];
  if (config.NODE_ENV === 'production' || !requestOrigin) return origins;
  const local = LOCAL_DEV_ORIGIN.exec(requestOrigin);
  if (local && Number(local[2]) <= 65_535 && !origins.includes(requestOrigin)) origins.push(requestOrigin);
  return origins;
}

// ───────────────────────────── helpers ─────────────────────────────

type PasskeyRow = typeof passkeys.$inferSelect;

function presentPasskey(row: PasskeyRow): Passkey {
  return {
    passkeyId: row.id,
    name: row.name,
    transports: row.transports,
    createdAt: row.createdAt.toISOString(),
    ...(row.lastUsedAt ? { lastUsedAt: row.lastUsedAt.toISOString() } : {}),
  };
}

/** The WebAuthn user handle: the account's UUID as 16 bytes. Opaque, and never personal data. */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
}

// The attachment plays no part in verification, and the library's type knows only today's two values.
function withoutAttachment<T extends { authenticatorAttachment?: string | null }>(response: T): Omit<T, 'authenticatorAttachment'> {
  const { authenticatorAttachment: _unused, ...rest } = response;
  return rest;
}

const fromBase64url = (value: string) => new Uint8Array(Buffer.from(value, 'base64url'));

/** The challenge the client signed, read from clientDataJSON without trusting anything else in it yet. */
function signedChallenge(clientDataJSON: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof parsed.challenge === 'string' ? parsed.challenge : undefined;
  } catch {
    return undefined;
  }
}

async function storeChallenge(db: Db, challenge: string, purpose: 'REGISTER' | 'AUTHENTICATE', userId: string | null): Promise<string> {
  // Expired challenges are worthless; trim them as we go instead of running a separate job.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sql`now()`));
  const id = uuidv7();
  await db
    .insert(webauthnChallenges)
    .values({ id, userId, purpose, challenge, expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) });
  return id;
}

// ───────────────────────────── registration ─────────────────────────────

/** Starts adding a passkey to the signed-in account. A newer request replaces an unfinished one. */
export async function passkeyRegistrationOptions(ctx: AppContext, actor: Actor): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const [user] = await ctx.db
    .select({ emailEnc: users.emailEnc, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.id, actor.userId), isNull(users.deletedAt)));
  if (!user) throw new ApiError('ResourceNotFoundException', 'No such user');
  const existing = await ctx.db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.userId));
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) {
    throw new ApiError('ConflictException', `An account can hold at most ${MAX_PASSKEYS_PER_ACCOUNT} passkeys; remove one first`);
  }
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: ctx.config.WEBAUTHN_RP_ID,
    userID: userHandleOf(actor.userId),
    userName: decrypt(ctx.keys, user.emailEnc),
    userDisplayName: `${user.firstName} ${user.lastName}`.trim(),
    timeout: CHALLENGE_MINUTES * 60_000,
    attestationType: 'none',
    // The authenticator must not make a second credential on a device that already holds one of ours.
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    // Discoverable, so sign-in needs no email; verified (PIN, biometrics), so the passkey is two factors in one.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(webauthnChallenges).where(and(eq(webauthnChallenges.userId, actor.userId), eq(webauthnChallenges.purpose, 'REGISTER')));
    await storeChallenge(tx, options.challenge, 'REGISTER', actor.userId);
  });
  return options;
}

/** Finishes adding a passkey: verifies the attestation against the pending challenge and stores the public key. */
export async function registerPasskey(
  ctx: AppContext,
  actor: Actor,
  input: { response: RegistrationResponse; name?: string },
  requestOrigin: string | undefined,
  meta: RequestMeta = {},
): Promise<Passkey> {
  const refused = (reason: string, message = 'We could not verify this passkey. Please try again.') =>
    audit(ctx.db, {
      action: 'auth.passkey.registrationFailed',
      actorId: actor.userId,
      targetUserId: actor.userId,
      meta,
      details: { reason },
    }).then(() => {
      throw new ApiError('ValidationException', message, { fieldErrors: { 'body.response': [message] } });
    });

  const challenge = signedChallenge(input.response.response.clientDataJSON);
  // Conditional delete: of two requests racing with the same challenge, only one gets the row back.
  const [pending] = challenge
    ? await ctx.db
        .delete(webauthnChallenges)
        .where(
          and(
            eq(webauthnChallenges.userId, actor.userId),
            eq(webauthnChallenges.purpose, 'REGISTER'),
            eq(webauthnChallenges.challenge, challenge),
            gt(webauthnChallenges.expiresAt, sql`now()`),
          ),
        )
        .returning({ challenge: webauthnChallenges.challenge })
    : [];
  if (!pending) return refused('challenge', 'This passkey request expired or was already used. Please start again.');

  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: withoutAttachment(input.response),
      expectedChallenge: pending.challenge,
      expectedOrigin: expectedOrigins(ctx.config, requestOrigin),
      expectedRPID: ctx.config.WEBAUTHN_RP_ID,
      requireUserVerification: true,
    });
  } catch (err) {
    return refused(err instanceof Error ? err.message.slice(0, 300) : 'verification');
  }
  if (!verification.verified) return refused('verification');
  const { credential } = verification.registrationInfo;
  if (credential.id.length > MAX_CREDENTIAL_ID_LENGTH)
    return refused('credential-id-too-long', 'This authenticator is not supported. Please try another one.');

  const row = await ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, actor.userId));
    if (n >= MAX_PASSKEYS_PER_ACCOUNT)
      throw new ApiError('ConflictException', `An account can hold at most ${MAX_PASSKEYS_PER_ACCOUNT} passkeys; remove one first`);
    const [inserted] = await tx
      .insert(passkeys)
      .values({
        id: credential.id,
        userId: actor.userId,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: input.response.response.transports ?? credential.transports ?? [],
        name: input.name ?? defaultName(input.response.authenticatorAttachment),
      })
      .onConflictDoNothing({ target: passkeys.id })
      .returning();
    if (!inserted) throw new ApiError('ConflictException', 'This passkey is already registered');
    await audit(tx, {
      action: 'auth.passkey.registered',
      actorId: actor.userId,
      targetUserId: actor.userId,
      meta,
      details: { passkeyId: inserted.id, name: inserted.name },
    });
    return inserted;
  });
  return presentPasskey(row);
}

function defaultName(attachment: string | null | undefined): string {
  const date = new Date().toISOString().slice(0, 10);
  return attachment === 'cross-platform' ? `Security key · ${date}` : `Passkey · ${date}`;
}

/** The signed-in account's passkeys, oldest first. */
export async function listPasskeys(ctx: AppContext, actor: Actor): Promise<Passkey[]> {
  const rows = await ctx.db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, actor.userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
  return rows.map(presentPasskey);
}

/** Removes one of the signed-in account's passkeys; someone else's id answers 404 like an unknown one. */
export async function deletePasskey(ctx: AppContext, actor: Actor, passkeyId: string, meta: RequestMeta = {}): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.userId)))
      .returning({ id: passkeys.id, name: passkeys.name });
    if (!removed) throw new ApiError('ResourceNotFoundException', 'No such passkey');
    await audit(tx, {
      action: 'auth.passkey.removed',
      actorId: actor.userId,
      targetUserId: actor.userId,
      meta,
      details: { passkeyId: removed.id, name: removed.name },
    });
  });
}

// ───────────────────────────── sign-in ─────────────────────────────

/** Starts a passwordless sign-in: no email asked, the browser offers the user's discoverable passkeys. */
export async function passkeyLoginOptions(
  ctx: AppContext,
): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({
    rpID: ctx.config.WEBAUTHN_RP_ID,
    userVerification: 'required',
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  const challengeId = await storeChallenge(ctx.db, options.challenge, 'AUTHENTICATE', null);
  return { challengeId, options };
}

/**
 * Signs in with a passkey. The challenge is spent first (a replayed assertion finds nothing), then the
 * signature, origin, RP ID, user verification and counter are checked. User verification makes the passkey
 * count as a second factor, so accounts that must use MFA may sign in with it. Failures count toward the
 * address's passkey limit (5 in 15 minutes) and are audited.
 */
export async function loginWithPasskey(
  ctx: AppContext,
  input: { challengeId: string; response: AuthenticationResponse },
  requestOrigin: string | undefined,
  meta: RequestMeta = {},
): Promise<AuthenticateUserOutput> {
  await assertNotThrottled(ctx.db, ctx.keys, 'passkey', [meta.ip]);
  const fail = async (reason: string, userId: string | null = null): Promise<never> => {
    await recordFailure(ctx.db, ctx.keys, 'passkey', [meta.ip]);
    await audit(ctx.db, { action: 'auth.login.failed', targetUserId: userId, meta, details: { method: 'passkey', reason } });
    throw new ApiError('UnauthorizedException', SIGN_IN_FAILED);
  };

  const [pending] = await ctx.db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.id, input.challengeId),
        eq(webauthnChallenges.purpose, 'AUTHENTICATE'),
        gt(webauthnChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  if (!pending) return fail('challenge');

  const [found] = await ctx.db
    .select({ passkey: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(and(eq(passkeys.id, input.response.id), isNull(users.deletedAt)));
  if (!found) return fail('unknown-credential');
  const { passkey, user } = found;
  if (user.status !== 'ACTIVE') return fail('account-inactive', user.id);
  // A discoverable credential returns the handle we gave it at registration; a different one is not ours.
  const handle = input.response.response.userHandle;
  if (handle !== undefined && handle !== Buffer.from(userHandleOf(user.id)).toString('base64url')) return fail('user-handle', user.id);

  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: withoutAttachment(input.response),
      expectedChallenge: pending.challenge,
      expectedOrigin: expectedOrigins(ctx.config, requestOrigin),
      expectedRPID: ctx.config.WEBAUTHN_RP_ID,
      credential: { id: passkey.id, publicKey: fromBase64url(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: true,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    // A counter that did not move forward means the credential may have been cloned.
    return fail(/counter/i.test(message) ? 'counter-regression' : message.slice(0, 300) || 'verification', user.id);
  }
  if (!verification.verified || !verification.authenticationInfo.userVerified) return fail('signature', user.id);

  // Conditional update: two sign-ins racing with the same counter value cannot both win. Authenticators that
  // do not count (always 0, e.g. synced passkeys) stay at 0.
  const newCounter = verification.authenticationInfo.newCounter;
  const advanced = await ctx.db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: new Date() })
    .where(and(eq(passkeys.id, passkey.id), newCounter === 0 ? eq(passkeys.counter, 0) : lt(passkeys.counter, newCounter)))
    .returning({ id: passkeys.id });
  if (advanced.length !== 1) return fail('counter-regression', user.id);

  // A passkey proves the owner: the password failures others piled on this account are cleared.
  await clearLoginFailures(ctx.db, ctx.keys, decrypt(ctx.keys, user.emailEnc), undefined);
  await audit(ctx.db, {
    action: 'auth.login',
    actorId: user.id,
    targetUserId: user.id,
    meta,
    details: { method: 'passkey', passkeyId: passkey.id },
  });
  return startSession(ctx, user, meta, true);
}
