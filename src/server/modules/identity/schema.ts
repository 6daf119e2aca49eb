import { sql } from 'drizzle-orm';
import { TIERS, USER_STATUSES, USER_TYPES } from '../../../shared/accounts.ts';
import { bigint, boolean, index, inet, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Declared once in src/shared/accounts.ts, like the Zod enums and the TypeScript types built from the same tuples.
export const userType = pgEnum('user_type', USER_TYPES);
export const userTier = pgEnum('user_tier', TIERS);
export const userStatus = pgEnum('user_status', USER_STATUSES);

/** Public, non-identifying preferences (style, colours, brands, communication). Sizes live encrypted. */
export interface StoredPreferences {
  stylePreferences?: string[];
  colorPreferences?: string[];
  brandPreferences?: string[];
  communicationPreferences?: {
    emailNotifications?: boolean;
    smsNotifications?: boolean;
    pushNotifications?: boolean;
    marketingCommunications?: boolean;
  };
}

/**
 * Accounts. Email, phone and the private profile (sizes, measurements, date of birth, addresses) are
 * AES-256-GCM ciphertexts; `email_hash` is a keyed HMAC of the normalised email, for lookup and uniqueness.
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey(),
    emailHash: text().notNull(),
    emailEnc: text().notNull(),
    phoneEnc: text(),
    privateEnc: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    userType: userType().notNull().default('CLIENT'),
    tier: userTier().notNull().default('STANDARD'),
    status: userStatus().notNull().default('ACTIVE'),
    passwordHash: text(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    mfaSecretEnc: text(),
    mfaEnabledAt: timestamp({ withTimezone: true }),
    // Last accepted TOTP time step: a code is accepted once, and never one older than this.
    mfaLastStep: bigint({ mode: 'number' }),
    mfaVerifiedAt: timestamp({ withTimezone: true }),
    preferences: jsonb().$type<StoredPreferences>().notNull().default({}),
    privacyMode: boolean().notNull().default(false),
    // Shown to stylists and partners instead of the name while privacy mode is on.
    alias: text().notNull(),
    // Kept after erasure so financial records still point at someone, without saying who.
    pseudonym: text().notNull(),
    // Consent given at sign-up: when, and to which version of the terms and privacy notice.
    termsAcceptedAt: timestamp({ withTimezone: true }),
    termsVersion: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_hash_key').on(t.emailHash),
    index('users_type_tier_idx').on(t.userType, t.tier),
    index('users_name_trgm_idx').using('gin', sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
    index('users_created_idx').on(t.createdAt),
  ],
);

/**
 * Refresh tokens, stored as SHA-256 hashes. Every rotation adds a row in the same family; presenting a
 * token that was already rotated revokes the whole family (stolen-token detection). A family is a session.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    rotatedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    // The token this one was rotated into, encrypted: a legitimate client that lost the answer (a page left
    // mid-refresh) and presents this token again within the grace period gets the same successor back.
    successorEnc: text(),
    userAgent: text(),
    ip: inet(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Failed sign-in, reset and MFA attempts, counted per account and per IP over a sliding window. */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    scope: text().notNull(),
    keyHash: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_attempts_lookup_idx').on(t.scope, t.keyHash, t.at)],
);

/** WebAuthn credentials; the public key is COSE-encoded as the authenticator gave it. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    publicKey: text().notNull(),
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: jsonb().$type<string[]>().notNull().default([]),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/** Pending WebAuthn challenges (single use, short-lived), in the database so any instance can finish a ceremony. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid().primaryKey(),
  userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text({ enum: ['REGISTER', 'AUTHENTICATE'] }).notNull(),
  challenge: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/** Single-use emailed links (verify email, reset password): only the SHA-256 of the token is kept. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ['VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'] }).notNull(),
    // CHANGE_EMAIL: the new address, encrypted; the account moves to it only when its holder follows the link.
    newEmailEnc: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

export const vipApplicationStatus = pgEnum('vip_application_status', ['PENDING', 'APPROVED', 'DECLINED']);

export const vipApplications = pgTable(
  'vip_applications',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    note: text().notNull(),
    status: vipApplicationStatus().notNull().default('PENDING'),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decisionNotes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('vip_applications_status_idx').on(t.status, t.createdAt),
    // One open application per client at a time.
    uniqueIndex('vip_applications_one_pending_key')
      .on(t.userId)
      .where(sql`status = 'PENDING'`),
  ],
);

/** A VIP in privacy mode shows their name and contact details only to the people listed here. */
export const contactShares = pgTable(
  'contact_shares',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sharedWithId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sharedWithId] })],
);
