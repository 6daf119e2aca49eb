/**
 * The account vocabulary every part of the platform speaks: the identity tables (pgEnum), the API schemas (Zod),
 * the guard and every module's policy read these tuples, so a new role or status is added in one place.
 */
export const USER_TYPES = ['CLIENT', 'STYLIST', 'ADMIN', 'BRAND_PARTNER'] as const;
export type UserType = (typeof USER_TYPES)[number];

export const TIERS = ['STANDARD', 'VIP'] as const;
export type Tier = (typeof TIERS)[number];

export const USER_STATUSES = ['ACTIVE', 'SUSPENDED', 'DELETED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
