import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keys } from './keys.ts';

const VERSION = 'v1';

/** AES-256-GCM with a random 96-bit IV: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url parts). */
export function encrypt(keys: Keys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keys.dataKeyId, iv.toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts what `encrypt` wrote; a tampered or foreign ciphertext throws. */
export function decrypt(keys: Keys, value: string): string {
  const [version, keyId, ivPart, bodyPart] = value.split('.');
  if (version !== VERSION || !ivPart || !bodyPart) throw new Error('Unreadable ciphertext');
  if (keyId !== keys.dataKeyId) throw new Error('Ciphertext was written with another data key');
  const body = Buffer.from(bodyPart, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(ivPart, 'base64url'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}

export const encryptJson = (keys: Keys, value: unknown) => encrypt(keys, JSON.stringify(value));
export const decryptJson = <T>(keys: Keys, value: string): T => JSON.parse(decrypt(keys, value)) as T;

/** Keyed hash for looking up an encrypted value without decrypting every row. */
export function lookupHash(keys: Keys, value: string): string {
  return createHmac('sha256', keys.lookup).update(value).digest('base64url');
}

/** A random secret token of `bytes` bytes (≥ 16 = 128 bits), URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a high-entropy token: enough for storage, since such tokens cannot be guessed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/;
/** The shape of a ciphertext as a pattern PostgreSQL's `~` reads the same way (the start-up step filters on it in SQL). */
export const CIPHERTEXT_PATTERN = CIPHERTEXT.source;

/** Free text that may carry personal details (a booking message, a reason, a note), encrypted for storage. */
export function sealText(keys: Keys, text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : encrypt(keys, text);
}

/**
 * Reads what `sealText` stored. A value that is not our ciphertext is text written before the column was
 * encrypted (the start-up step encrypts those rows; a rolling deploy may serve one in between): shown as is.
 */
export function openText(keys: Keys, stored: string | null | undefined): string | undefined {
  if (stored === null || stored === undefined) return undefined;
  if (!CIPHERTEXT.test(stored)) return stored;
  try {
    return decrypt(keys, stored);
  } catch {
    return stored;
  }
}

/** True when `stored` is ciphertext this key can read (the start-up step skips those rows). */
export function isSealed(keys: Keys, stored: string): boolean {
  if (!CIPHERTEXT.test(stored)) return false;
  try {
    decrypt(keys, stored);
    return true;
  } catch {
    return false;
  }
}
