import { z } from 'zod';
import { TIERS, USER_TYPES } from '../../../shared/accounts.ts';
import { PASSWORD_MAX } from './passwords.ts';

const name = z.string().trim().min(1, 'Required').max(80, 'At most 80 characters');
const email = z.string().trim().max(254, 'At most 254 characters').pipe(z.email('Enter a valid email address'));
const phone = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9 ()-]{6,20}$/, 'Use international format, e.g. +33 6 12 34 56 78');
const tag = z.string().trim().min(1).max(60);
const tagList = z.array(tag).max(30, 'At most 30 entries');
const size = z.string().trim().min(1).max(12);

export const UserType = z.enum(USER_TYPES).meta({ id: 'UserType' });
export const Tier = z.enum(TIERS).meta({ id: 'Tier' });

export const SizePreferences = z
  .strictObject({ topSize: size.optional(), bottomSize: size.optional(), shoeSize: size.optional(), dressSize: size.optional() })
  .meta({ id: 'SizePreferences' });

export const CommunicationPreferences = z
  .strictObject({
    emailNotifications: z.boolean().optional(),
    smsNotifications: z.boolean().optional(),
    pushNotifications: z.boolean().optional(),
    marketingCommunications: z.boolean().optional(),
  })
  .meta({ id: 'CommunicationPreferences' });

export const UserPreferences = z
  .strictObject({
    stylePreferences: tagList.optional(),
    sizePreferences: SizePreferences.optional(),
    colorPreferences: tagList.optional(),
    brandPreferences: tagList.optional(),
    communicationPreferences: CommunicationPreferences.optional(),
  })
  .meta({ id: 'UserPreferences' });
export type UserPreferences = z.infer<typeof UserPreferences>;

const cm = z.number().min(30).max(260);
export const Measurements = z
  .strictObject({ heightCm: cm.optional(), chestCm: cm.optional(), waistCm: cm.optional(), hipsCm: cm.optional(), inseamCm: cm.optional() })
  .meta({ id: 'Measurements' });

export const Address = z
  .strictObject({
    line1: z.string().trim().min(1).max(120),
    line2: z.string().trim().max(120).optional(),
    city: z.string().trim().min(1).max(80),
    postalCode: z.string().trim().min(1).max(20),
    region: z.string().trim().max(80).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. FR'),
  })
  .meta({ id: 'Address' });

/** The private profile, encrypted at rest: only its owner and admins ever read it. */
export const PrivateProfile = z
  .strictObject({
    dateOfBirth: z.iso.date().optional(),
    address: Address.optional(),
    measurements: Measurements.optional(),
  })
  .meta({ id: 'PrivateProfile' });
export type PrivateProfile = z.infer<typeof PrivateProfile>;

export const User = z
  .object({
    userId: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    phoneNumber: z.string().optional(),
    userType: UserType,
    preferences: UserPreferences.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().optional(),
    tier: Tier,
    emailVerified: z.boolean(),
    mfaEnabled: z.boolean(),
    mfaEnrollmentRequired: z.boolean(),
    privacyMode: z.boolean(),
    alias: z.string(),
    profile: PrivateProfile.optional(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const password = z.string().min(1, 'Required').max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);

export const CreateUserInput = z
  .strictObject({
    email,
    firstName: name,
    lastName: name,
    phoneNumber: phone.optional(),
    preferences: UserPreferences.optional(),
    userType: UserType.optional(),
    password,
    /** Self sign-up must accept the terms and the privacy notice; the time and version are recorded. */
    acceptTerms: z.literal(true, 'Accept the terms and the privacy notice to create an account').optional(),
  })
  .meta({ id: 'CreateUserInput' });
export type CreateUserInput = z.infer<typeof CreateUserInput>;
export const CreateUserOutput = z.object({ userId: z.string(), user: User }).meta({ id: 'CreateUserOutput' });

export const UpdateUserInput = z
  .strictObject({
    firstName: name.optional(),
    lastName: name.optional(),
    email: email.optional(),
    phoneNumber: phone.nullable().optional(),
    preferences: UserPreferences.optional(),
    profile: PrivateProfile.optional(),
  })
  .meta({ id: 'UpdateUserInput' });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserIdParams = z.strictObject({ userId: z.uuid('Not a valid user id') });
export const GetUserOutput = z.object({ user: User }).meta({ id: 'GetUserOutput' });
export const UpdateUserOutput = z.object({ user: User }).meta({ id: 'UpdateUserOutput' });
export const DeleteUserOutput = z.object({ success: z.boolean() }).meta({ id: 'DeleteUserOutput' });

export const AuthenticateUserInput = z
  .strictObject({ email: z.string().trim().min(1, 'Required').max(254), password, mfaCode: z.string().trim().max(32).optional() })
  .meta({ id: 'AuthenticateUserInput' });
export type AuthenticateUserInput = z.infer<typeof AuthenticateUserInput>;

export const AuthenticateUserOutput = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string().describe('Empty when the web app asked for the httpOnly cookie instead (x-auth-mode: cookie).'),
    expiresIn: z.number().int(),
    user: User,
    mfaEnrollmentRequired: z.boolean().optional(),
  })
  .meta({ id: 'AuthenticateUserOutput' });
export type AuthenticateUserOutput = z.infer<typeof AuthenticateUserOutput>;

export const RefreshInput = z.strictObject({ refreshToken: z.string().min(16).max(200).optional() }).meta({ id: 'RefreshInput' });

export const Session = z
  .object({
    sessionId: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    userAgent: z.string().optional(),
    ip: z.string().optional(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export const ListSessionsOutput = z.object({ sessions: z.array(Session) }).meta({ id: 'ListSessionsOutput' });

export const MfaSetupOutput = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'MfaSetupOutput' });
export const MfaCodeInput = z.strictObject({ code: z.string().trim().min(6).max(32) }).meta({ id: 'MfaCodeInput' });
export const MfaVerifyOutput = z.object({ recoveryCodes: z.array(z.string()), user: User }).meta({ id: 'MfaVerifyOutput' });

export const TokenInput = z.strictObject({ token: z.string().min(16).max(200) }).meta({ id: 'TokenInput' });
export const EmailInput = z.strictObject({ email }).meta({ id: 'EmailInput' });
export const ResetPasswordInput = z
  .strictObject({ token: z.string().min(16).max(200), password, mfaCode: z.string().trim().max(32).optional() })
  .meta({ id: 'ResetPasswordInput' });

export const SuccessOutput = z.object({ success: z.boolean() }).meta({ id: 'SuccessOutput' });

export const ListUsersQuery = z.strictObject({
  query: z.string().trim().max(100).optional(),
  userType: UserType.optional(),
  tier: Tier.optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(25),
  nextToken: z.string().max(200).optional(),
});
export const ListUsersOutput = z.object({ users: z.array(User), nextToken: z.string().optional() }).meta({ id: 'ListUsersOutput' });
export const ChangeRoleInput = z.strictObject({ userType: UserType }).meta({ id: 'ChangeRoleInput' });
