import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { listDevMail } from '../mail/service.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { STRONG_PASSWORD, accountOf, enrolMfa, signIn, signUp, totp, uniqueEmail } from '../../test/identity.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

const post = (url: string, payload?: object, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url, payload, headers, remoteAddress });
// Tests that fail sign-ins on purpose use their own address, so the per-IP limit (5 in 15 min) stays theirs.
let nextIp = 1;
const freshIp = () => `10.77.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

describe('sign-up', () => {
  it('creates a client, stores it, and mails a verification link', async () => {
    const before = await countRows(app.db, 'users');
    const email = uniqueEmail();
    const res = await post('/api/v1/users', {
      acceptTerms: true,
      email,
      password: STRONG_PASSWORD,
      firstName: 'Ava',
      lastName: 'Laurent',
      phoneNumber: '+33 6 12 34 56 78',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.userId).toBe(body.user.userId);
    expect(body.user).toMatchObject({
      email,
      userType: 'CLIENT',
      tier: 'STANDARD',
      emailVerified: false,
      mfaEnabled: false,
      phoneNumber: '+33 6 12 34 56 78',
    });
    expect(await countRows(app.db, 'users')).toBe(before + 1);
    const [mail] = await listDevMail(app.db, app.ctx.keys, 1);
    expect(mail?.to).toBe(email);
    expect(mail?.text).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}/);
  });

  it('answers a second sign-up with the same email, whatever its case, as a first one and mails the holder', async () => {
    const email = uniqueEmail();
    const first = await post('/api/v1/users', { acceptTerms: true, email, password: STRONG_PASSWORD, firstName: 'A', lastName: 'B' });
    expect(first.statusCode).toBe(201);
    const before = await countRows(app.db, 'users');
    const again = await post('/api/v1/users', {
      acceptTerms: true,
      email: email.toUpperCase(),
      password: STRONG_PASSWORD,
      firstName: 'A',
      lastName: 'B',
    });
    expect(again.statusCode).toBe(201);
    expect(Object.keys(again.json().user).sort()).toEqual(Object.keys(first.json().user).sort());
    expect(await countRows(app.db, 'users')).toBe(before);
    const [mail] = await listDevMail(app.db, app.ctx.keys, 1);
    expect(mail?.to).toBe(email);
    expect(mail?.text).toMatch(/already has an account/);
  });

  it.each([
    ['short', /at least 12/],
    ['password1234', /too easy|common/],
    ['Laurentine-2024!', /own name/],
    ['x'.repeat(129), /At most 128/],
  ])('refuses the password %s with a field error', async (password, why) => {
    const res = await post('/api/v1/users', {
      acceptTerms: true,
      email: uniqueEmail(),
      password,
      firstName: 'Ava',
      lastName: 'Laurentine',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors['body.password'].join(' ')).toMatch(why);
  });

  it.each([{ tier: 'VIP' }, { userId: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f' }, { createdAt: '2020-01-01T00:00:00Z' }, { isAdmin: true }])(
    'refuses server-owned field %o instead of applying it',
    async (extra) => {
      const before = await countRows(app.db, 'users');
      const res = await post('/api/v1/users', {
        acceptTerms: true,
        email: uniqueEmail(),
        password: STRONG_PASSWORD,
        firstName: 'A',
        lastName: 'B',
        ...extra,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('ValidationException');
      expect(await countRows(app.db, 'users')).toBe(before);
    },
  );

  it.each(['ADMIN', 'BRAND_PARTNER'])('refuses self sign-up as %s', async (userType) => {
    const res = await post('/api/v1/users', {
      acceptTerms: true,
      email: uniqueEmail(),
      password: STRONG_PASSWORD,
      firstName: 'A',
      lastName: 'B',
      userType,
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets an admin create a brand partner', async () => {
    const admin = await accountOf(app, 'ADMIN');
    const res = await post(
      '/api/v1/users',
      {
        acceptTerms: true,
        email: uniqueEmail('house'),
        password: STRONG_PASSWORD,
        firstName: 'Maison',
        lastName: 'Vérany',
        userType: 'BRAND_PARTNER',
      },
      admin.auth,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().user.userType).toBe('BRAND_PARTNER');
  });

  it('names every malformed field', async () => {
    const res = await post('/api/v1/users', {
      acceptTerms: true,
      email: 'not-an-email',
      password: STRONG_PASSWORD,
      firstName: '',
      lastName: 'B',
      phoneNumber: '12',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fieldErrors).sort()).toEqual(['body.email', 'body.firstName', 'body.phoneNumber']);
  });
});

describe('sign-in', () => {
  it('answers wrong password and unknown email with the same 401', async () => {
    const account = await signUp(app);
    const ip = freshIp();
    const wrong = await post('/api/v1/auth/login', { email: account.email, password: 'not-the-password-at-all' }, {}, ip);
    const unknown = await post('/api/v1/auth/login', { email: uniqueEmail('ghost'), password: 'not-the-password-at-all' }, {}, ip);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().code).toBe('UnauthorizedException');
  });

  it('stops an (account, address) pair after 5 failures in 15 minutes, even with the right password', async () => {
    const account = await signUp(app);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: account.email, password: 'wrong-password-guess' },
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: STRONG_PASSWORD },
      remoteAddress: ip,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('ThrottlingException');
    expect(blocked.json().retryAfterSeconds).toBeGreaterThan(800);
  });

  it('throttles an IP that sprays many accounts', async () => {
    const ip = '10.8.0.7';
    for (let i = 0; i < 30; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: uniqueEmail('spray'), password: 'wrong-password-guess' },
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(401);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: uniqueEmail('spray'), password: 'x-password-guess' },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(429);
  });

  it('returns tokens and the user; /me answers with them', async () => {
    const account = await signUp(app);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(account.email);
    expect(account.refreshToken.length).toBeGreaterThanOrEqual(43);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; a reused token revokes the whole family', async () => {
    const account = await signUp(app);
    const first = await post('/api/v1/auth/refresh', { refreshToken: account.refreshToken });
    expect(first.statusCode).toBe(200);
    const second = first.json();
    expect(second.refreshToken).not.toBe(account.refreshToken);

    // Replayed from another address (a copied token): not the legitimate client's race.
    const reuse = await post('/api/v1/auth/refresh', { refreshToken: account.refreshToken }, {}, '10.66.0.1');
    expect(reuse.statusCode).toBe(401);
    // The thief's replay also killed the legitimate newer token and its access token.
    expect((await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${second.accessToken}` } })).statusCode,
    ).toBe(401);
  });

  it('uses an httpOnly cookie with CSRF double submit in web mode', async () => {
    const account = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-auth-mode': 'cookie' },
      payload: { email: account.email, password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().refreshToken).toBe('');
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(cookies.sbz_refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
    const cookie = `sbz_refresh=${cookies.sbz_refresh!.value}; sbz_csrf=${cookies.sbz_csrf!.value}`;
    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie, 'x-csrf-token': cookies.sbz_csrf!.value, 'x-auth-mode': 'cookie' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('lists sessions and ends one or all others', async () => {
    const account = await signUp(app);
    const other = await signIn(app, account.email, STRONG_PASSWORD);
    const list = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: account.auth });
    const sessions = list.json().sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const ended = await app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions', headers: account.auth });
    expect(ended.json()).toEqual({ revoked: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: other.auth })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth })).statusCode).toBe(200);
  });

  it('logout ends the session at once', async () => {
    const account = await signUp(app);
    expect((await post('/api/v1/auth/logout', undefined, account.auth)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: account.refreshToken })).statusCode).toBe(401);
  });
});

describe('MFA', () => {
  it('requires a code after enrolment, refuses a wrong one, and accepts each code only once', async () => {
    const account = await enrolMfa(app, await signUp(app));
    const ip = freshIp();
    const missing = await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD }, {}, ip);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().reason).toBe('MFA_REQUIRED');
    const wrong = await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD, mfaCode: '000000' }, {}, ip);
    expect(wrong.json().reason).toBe('MFA_INVALID');

    const code = await totp(account.mfaSecret, 1);
    expect((await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD, mfaCode: code }, {}, ip)).statusCode).toBe(
      200,
    );
    const replay = await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD, mfaCode: code }, {}, ip);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().reason).toBe('MFA_INVALID');
  });

  it('accepts a recovery code once', async () => {
    const account = await enrolMfa(app, await signUp(app));
    expect(account.recoveryCodes).toHaveLength(10);
    const code = account.recoveryCodes[0]!;
    const ip = freshIp();
    expect((await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD, mfaCode: code }, {}, ip)).statusCode).toBe(
      200,
    );
    expect((await post('/api/v1/auth/login', { email: account.email, password: STRONG_PASSWORD, mfaCode: code }, {}, ip)).statusCode).toBe(
      401,
    );
  });

  it('holds stylists at the enrolment step until they set up MFA', async () => {
    const stylist = await signUp(app, { userType: 'STYLIST' });
    const login = await post('/api/v1/auth/login', { email: stylist.email, password: STRONG_PASSWORD });
    expect(login.json().mfaEnrollmentRequired).toBe(true);
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: stylist.auth });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().reason).toBe('MFA_ENROLLMENT_REQUIRED');
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: stylist.auth })).statusCode).toBe(200);
    await enrolMfa(app, stylist);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: stylist.auth })).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('mails a single-use link, demands MFA when on, and ends every session', async () => {
    const account = await enrolMfa(app, await signUp(app));
    expect((await post('/api/v1/auth/password/forgot', { email: account.email })).statusCode).toBe(200);
    const mail = (await listDevMail(app.db, app.ctx.keys, 5)).find((m) => m.subject.startsWith('Reset') && m.to === account.email);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const newPassword = 'midnight-garden-cashmere-92';

    const noMfa = await post('/api/v1/auth/password/reset', { token, password: newPassword });
    expect(noMfa.statusCode).toBe(401);
    expect(noMfa.json().reason).toBe('MFA_REQUIRED');
    const ok = await post('/api/v1/auth/password/reset', { token, password: newPassword, mfaCode: await totp(account.mfaSecret, 1) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (await post('/api/v1/auth/password/reset', { token, password: newPassword, mfaCode: await totp(account.mfaSecret, 1) })).statusCode,
    ).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth })).statusCode).toBe(401);
  });

  it('answers the same for an unknown address', async () => {
    const res = await post('/api/v1/auth/password/forgot', { email: uniqueEmail('nobody') }, {}, freshIp());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
  });
});

describe('accounts', () => {
  it('hides other accounts behind 404 and lets admins read them', async () => {
    const a = await signUp(app);
    const b = await signUp(app);
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${b.userId}`, headers: a.auth })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/users/${b.userId}`, headers: a.auth, payload: { firstName: 'X' } })).statusCode,
    ).toBe(404);
    const admin = await accountOf(app, 'ADMIN');
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${b.userId}`, headers: admin.auth })).statusCode).toBe(200);
  });

  it('updates preferences, sizes and the private profile', async () => {
    const a = await signUp(app);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${a.userId}`,
      headers: a.auth,
      payload: {
        preferences: {
          stylePreferences: ['quiet luxury'],
          sizePreferences: { dressSize: 'FR 38' },
          communicationPreferences: { emailNotifications: true },
        },
        profile: {
          dateOfBirth: '1990-04-12',
          measurements: { heightCm: 172 },
          address: { line1: '8 Place Vendôme', city: 'Paris', postalCode: '75001', country: 'FR' },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const user = res.json().user;
    expect(user.preferences).toMatchObject({ stylePreferences: ['quiet luxury'], sizePreferences: { dressSize: 'FR 38' } });
    expect(user.profile).toMatchObject({ dateOfBirth: '1990-04-12', measurements: { heightCm: 172 } });
  });

  it('erases personal data on delete but keeps the row under a pseudonym', async () => {
    const a = await signUp(app);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/users/${a.userId}`, headers: a.auth })).json()).toEqual({ success: true });
    const [row] = await queryRows<{ first_name: string; phone_enc: string | null; status: string; password_hash: string | null }>(
      app.db,
      sql`select first_name, phone_enc, status, password_hash from users where id = ${a.userId}`,
    );
    expect(row).toMatchObject({ status: 'DELETED', phone_enc: null, password_hash: null });
    expect(row!.first_name).toMatch(/^Former member/);
    expect((await post('/api/v1/auth/login', { email: a.email, password: STRONG_PASSWORD }, {}, freshIp())).statusCode).toBe(401);
    // The email is free again.
    expect(
      (await post('/api/v1/users', { acceptTerms: true, email: a.email, password: STRONG_PASSWORD, firstName: 'A', lastName: 'B' }))
        .statusCode,
    ).toBe(201);
  });

  it('stores no email, phone or address in plain text', async () => {
    const email = uniqueEmail('secret');
    const res = await post('/api/v1/users', {
      acceptTerms: true,
      email,
      password: STRONG_PASSWORD,
      firstName: 'Celeste',
      lastName: 'Moreau',
      phoneNumber: '+44 20 7946 0321',
    });
    const userId = res.json().userId;
    const { accessToken } = (await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD })).json();
    await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${userId}`,
      headers: { authorization: `Bearer ${accessToken}` },
      payload: { profile: { address: { line1: '12 Belgrave Square', city: 'London', postalCode: 'SW1X 8PH', country: 'GB' } } },
    });
    const tables = await queryRows<{ table_name: string }>(
      app.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema()`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await queryRows(app.db, sql`select * from ${sql.identifier(table_name)}`);
      dump += JSON.stringify(rows);
    }
    // Booleans, not the dump itself: a failure must not print personal data into CI logs.
    expect(dump.includes('Celeste'), 'the dump holds the user row').toBe(true);
    expect(dump.includes(email), 'email in clear').toBe(false);
    expect(dump.includes('7946 0321'), 'phone in clear').toBe(false);
    expect(dump.includes('Belgrave'), 'address in clear').toBe(false);
  });
});
