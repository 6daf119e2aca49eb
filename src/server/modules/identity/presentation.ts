/** Accounts as the API shows them, the row lookups every identity flow starts from, and their small shared helpers. */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { decrypt, decryptJson, lookupHash } from '../../security/crypto.ts';
import type { PrivateProfile, User, UserPreferences } from './models.ts';
import { mustEnrolMfa } from '../../http/auth.ts';
import { users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const emailHashOf = (ctx: AppContext, email: string) => lookupHash(ctx.keys, `email:${normaliseEmail(email)}`);

// Crockford-style alphabet without look-alikes (0/O, 1/I/L) for aliases people may read aloud.
const ALIAS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export function aliasCode(length: number): string {
  return [...randomBytes(length)].map((b) => ALIAS_ALPHABET[b % ALIAS_ALPHABET.length]).join('');
}

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
export function splitPreferences(preferences: UserPreferences | undefined) {
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

export async function requireUser(db: Db, userId: string): Promise<UserRow> {
  const row = await findActiveUser(db, userId);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such user');
  return row;
}
