import { generate } from 'otplib';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Actor, UserType } from '../http/auth.ts';
import { createUser, login } from '../modules/identity/service.ts';

export const STRONG_PASSWORD = 'velvet-orchid-sunrise-47';

let counter = 0;
export const uniqueEmail = (label = 'member') => `${label}.${process.pid}.${Date.now()}.${++counter}@example.com`;

export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  auth: { authorization: string };
  mfaSecret?: string;
}

/** A TOTP code for `secret`, `stepsAhead` time steps from now (codes are single-use per step). */
export function totp(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** Self sign-up over HTTP, then sign-in. */
export async function signUp(
  app: FastifyInstance,
  input: { userType?: 'CLIENT' | 'STYLIST'; firstName?: string } = {},
): Promise<TestAccount> {
  const email = uniqueEmail(input.userType?.toLowerCase() ?? 'client');
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      acceptTerms: true,
      email,
      password: STRONG_PASSWORD,
      firstName: input.firstName ?? 'Ava',
      lastName: 'Laurent',
      userType: input.userType ?? 'CLIENT',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return signIn(app, email, STRONG_PASSWORD);
}

export async function signIn(app: FastifyInstance, email: string, password: string, mfaCode?: string): Promise<TestAccount> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...(mfaCode ? { mfaCode } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return {
    userId: body.user.userId,
    email,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

/** Enrols TOTP for a signed-in account; the session stays valid and counts as MFA-verified. */
export async function enrolMfa(
  app: FastifyInstance,
  account: TestAccount,
): Promise<TestAccount & { mfaSecret: string; recoveryCodes: string[] }> {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers: account.auth });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json();
  const verify = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/verify',
    headers: account.auth,
    payload: { code: await totp(secret) },
  });
  expect(verify.statusCode, verify.body).toBe(200);
  return { ...account, mfaSecret: secret, recoveryCodes: verify.json().recoveryCodes };
}

const bootstrapAdmin: Actor = {
  userId: 'bootstrap',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'bootstrap',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

/** An account of any role (admins and partners are made by an admin), signed in and, where required, MFA-enrolled. */
export async function accountOf(app: FastifyInstance, userType: UserType, options: { vip?: boolean } = {}): Promise<TestAccount> {
  let account: TestAccount;
  if (userType === 'ADMIN' || userType === 'BRAND_PARTNER') {
    const email = uniqueEmail(userType.toLowerCase());
    await createUser(app.ctx, { email, password: STRONG_PASSWORD, firstName: 'Noor', lastName: 'Haddad', userType }, bootstrapAdmin);
    const session = await login(app.ctx, { email, password: STRONG_PASSWORD });
    account = {
      userId: session.user.userId,
      email,
      password: STRONG_PASSWORD,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      auth: { authorization: `Bearer ${session.accessToken}` },
    };
  } else {
    account = await signUp(app, { userType });
  }
  if (options.vip) {
    const { setTier } = await import('../modules/identity/service.ts');
    await setTier(app.db, account.userId, 'VIP');
  }
  return userType === 'CLIENT' && !options.vip ? account : enrolMfa(app, account);
}
