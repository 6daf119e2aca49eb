import { SignJWT, errors as joseErrors, importJWK, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import type { Keys } from '../../security/keys.ts';

const ISSUER = 'stylebyzaga';
const AUDIENCE = 'stylebyzaga-api';
const TOKEN_TYPE = 'at+jwt';

export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session (refresh-token family) id: revoking the session invalidates the access token too. */
  sid: string;
}

type SigningKeys = { sign: CryptoKey | KeyObject | Uint8Array; verify: CryptoKey | KeyObject | Uint8Array };
const imported = new WeakMap<Keys, Promise<SigningKeys>>();

function signingKeys(keys: Keys): Promise<SigningKeys> {
  let found = imported.get(keys);
  if (!found) {
    found = Promise.all([importJWK(keys.jwtPrivate, 'EdDSA'), importJWK(keys.jwtPublic, 'EdDSA')]).then(([sign, verify]) => ({
      sign,
      verify,
    }));
    imported.set(keys, found);
  }
  return found;
}

/** A short-lived EdDSA access token. */
export async function signAccessToken(keys: Keys, claims: AccessClaims, ttlSeconds: number): Promise<string> {
  const { sign } = await signingKeys(keys);
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: 'EdDSA', typ: TOKEN_TYPE })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(sign);
}

// Verified tokens, remembered until they expire: a token is immutable, so its signature needs checking once per
// instance, not on every request of the 15 minutes it lives (WebCrypto verification dominated /me). Bounded.
const VERIFIED_MAX = 50_000;
// Per key set: a token verified under one signing key means nothing under another.
const verifiedByKeys = new WeakMap<Keys, Map<string, AccessClaims & { exp: number }>>();

/** Verifies signature, algorithm (EdDSA only: `none` and HS* are refused), type, issuer, audience and expiry. */
export async function verifyAccessToken(keys: Keys, token: string): Promise<AccessClaims | undefined> {
  let verified = verifiedByKeys.get(keys);
  if (!verified) verifiedByKeys.set(keys, (verified = new Map()));
  const known = verified.get(token);
  if (known) {
    if (known.exp * 1000 > Date.now()) return { sub: known.sub, sid: known.sid };
    verified.delete(token);
    return undefined;
  }
  const claims = await verifySignature(keys, token);
  if (claims) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
    return { sub: claims.sub, sid: claims.sid };
  }
  return undefined;
}

async function verifySignature(keys: Keys, token: string): Promise<(AccessClaims & { exp: number }) | undefined> {
  const { verify } = await signingKeys(keys);
  try {
    const { payload } = await jwtVerify(token, verify, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
      typ: TOKEN_TYPE,
      requiredClaims: ['sub', 'sid', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { sub: payload.sub, sid: payload.sid, exp: payload.exp };
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return undefined;
    throw err;
  }
}
