import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { listDevMail } from '../mail/service.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { STRONG_PASSWORD, enrolMfa, signUp, totp, uniqueEmail } from '../../test/identity.ts';

// Issue #11, sign-in and sessions: what a penetration test and a day of real use found.

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

let nextIp = 1;
const freshIp = () => `10.91.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
const login = (payload: object, remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });
const refresh = (refreshToken: string, remoteAddress = '127.0.0.1', userAgent = 'browser-a') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken },
    remoteAddress,
    headers: { 'user-agent': userAgent },
  });

describe('refresh-token rotation tolerates a legitimate race (#11.1)', () => {
  it('gives the same successor to the same client presenting the token again within the grace period', async () => {
    const account = await signUp(app);
    const first = await refresh(account.refreshToken);
    expect(first.statusCode).toBe(200);
    // The page that sent it was left before the answer arrived: the next page sends the old token again.
    const again = await refresh(account.refreshToken);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().refreshToken).toBe(first.json().refreshToken);
    // The session lives on: the successor rotates normally, and the new access token works.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${again.json().accessToken}` } })).statusCode,
    ).toBe(200);
    expect((await refresh(first.json().refreshToken)).statusCode).toBe(200);
  });

  it('answers two concurrent refreshes with the same token from one browser with one successor', async () => {
    const account = await signUp(app);
    const [a, b] = await Promise.all([refresh(account.refreshToken), refresh(account.refreshToken)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().refreshToken).toBe(b.json().refreshToken);
  });

  it('still revokes the family when another client replays it, or the same client after the grace period', async () => {
    const account = await signUp(app);
    const first = (await refresh(account.refreshToken)).json();
    expect((await refresh(account.refreshToken, '127.0.0.1', 'another-agent')).statusCode).toBe(401);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);

    const other = await signUp(app);
    const next = (await refresh(other.refreshToken)).json();
    await app.db.execute(sql`update refresh_tokens set rotated_at = now() - interval '11 seconds' where rotated_at is not null`);
    expect((await refresh(other.refreshToken)).statusCode).toBe(401);
    expect((await refresh(next.refreshToken)).statusCode).toBe(401);
  });

  it('never replays an older link of the chain once its successor has rotated', async () => {
    const account = await signUp(app);
    const second = (await refresh(account.refreshToken)).json();
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
    expect((await refresh(account.refreshToken)).statusCode).toBe(401);
  });
});

describe('sign-in throttling cannot lock the owner out (#11.2)', () => {
  it('lets the owner sign in from another address while an attacker keeps failing, slows the attacker and mails the owner once', async () => {
    const owner = await enrolMfa(app, await signUp(app));
    const attackers = [freshIp(), freshIp()];
    for (let i = 0; i < 6; i++) {
      const res = await login({ email: owner.email, password: `wrong-guess-number-${i}` }, attackers[i % 2]!);
      expect(res.statusCode).toBe(401);
    }
    const started = Date.now();
    const res = await login({ email: owner.email, password: STRONG_PASSWORD, mfaCode: await totp(owner.mfaSecret, 1) }, freshIp());
    expect(res.statusCode, res.body).toBe(200);
    // Six failures: the account is being slowed down (1 s at this count), not closed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const warnings = (await listDevMail(app.db, app.ctx.keys, 20)).filter(
      (m) => m.to === owner.email && m.subject.startsWith('Unsuccessful attempts'),
    );
    expect(warnings).toHaveLength(1);
  });

  it('lets a second account on the same address sign in after another account failed 5 times there', async () => {
    const hotel = freshIp();
    const guest = await signUp(app);
    const neighbour = await signUp(app);
    for (let i = 0; i < 5; i++) expect((await login({ email: guest.email, password: 'not-my-password-x' }, hotel)).statusCode).toBe(401);
    expect((await login({ email: guest.email, password: STRONG_PASSWORD }, hotel)).statusCode).toBe(429);
    expect((await login({ email: neighbour.email, password: STRONG_PASSWORD }, hotel)).statusCode).toBe(200);
  });

  it('stops one address spraying 50 accounts', async () => {
    const sprayer = freshIp();
    const answers: number[] = [];
    for (let i = 0; i < 50; i++)
      answers.push((await login({ email: uniqueEmail('spray'), password: 'Summer-2026-password' }, sprayer)).statusCode);
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
    expect(answers.slice(-10).every((s) => s === 429)).toBe(true);
  });
});

describe('password reset with a second factor (#11.3)', () => {
  async function resetLink(email: string): Promise<string> {
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email }, remoteAddress: freshIp() })).statusCode,
    ).toBe(200);
    const mail = (await listDevMail(app.db, app.ctx.keys, 10)).find((m) => m.subject.startsWith('Reset') && m.to === email);
    return /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  }
  const reset = (token: string, mfaCode: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'midnight-garden-cashmere-92', mfaCode },
      remoteAddress: freshIp(),
    });

  it('spends the link after 3 wrong codes: the right code then no longer resets the password', async () => {
    const account = await enrolMfa(app, await signUp(app));
    const token = await resetLink(account.email);
    for (let i = 0; i < 3; i++) expect((await reset(token, String(100000 + i))).statusCode).toBe(401);
    const right = await reset(token, await totp(account.mfaSecret, 1));
    expect(right.statusCode).toBe(400);
    expect(right.json().fieldErrors['body.token']).toBeDefined();
  });

  it('consults the MFA throttle: after 5 wrong codes on the account, even fresh links answer 429', async () => {
    const account = await enrolMfa(app, await signUp(app));
    for (let round = 0; round < 2; round++) {
      const token = await resetLink(account.email);
      for (let i = 0; i < (round === 0 ? 3 : 2); i++) expect((await reset(token, String(200000 + i))).statusCode).toBe(401);
    }
    const token = await resetLink(account.email);
    expect((await reset(token, await totp(account.mfaSecret, 1))).statusCode).toBe(429);
  });
});

describe('no account enumeration; consent recorded (#11.5)', () => {
  it('records consent to the terms and privacy notice at sign-up, and refuses a sign-up without it', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), password: STRONG_PASSWORD, firstName: 'Ava', lastName: 'Moreau' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fieldErrors['body.acceptTerms']).toBeDefined();
    const account = await signUp(app);
    const [row] = await queryRows<{ terms_accepted_at: Date | null; terms_version: string | null }>(
      app.db,
      sql`select terms_accepted_at, terms_version from users where id = ${account.userId}`,
    );
    expect(row?.terms_accepted_at).not.toBeNull();
    expect(row?.terms_version).toMatch(/^\d{4}-\d{2}$/);
  });

  it('answers an email change to a taken address exactly as to a free one, and tells the holder instead', async () => {
    const member = await signUp(app);
    const holder = await signUp(app);
    const free = uniqueEmail('free');
    const change = (email: string) =>
      app.inject({ method: 'PUT', url: `/api/v1/users/${member.userId}`, headers: member.auth, payload: { email } });
    const toTaken = await change(holder.email);
    const toFree = await change(free);
    expect(toTaken.statusCode).toBe(toFree.statusCode);
    expect(toTaken.statusCode).toBe(200);
    const { updatedAt: _a, ...freeUser } = toFree.json().user;
    const { updatedAt: _b, ...takenUser } = toTaken.json().user;
    expect(takenUser).toEqual(freeUser);
    const mail = await listDevMail(app.db, app.ctx.keys, 10);
    expect(mail.find((m) => m.to === holder.email)?.text).toMatch(/already has an account/);
    // The free address gets a link; the account moves only when it is followed.
    const link = mail.find((m) => m.to === free)!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(link.text)![1]!;
    expect(toFree.json().user.email).toBe(member.email);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/email/verify', payload: { token } })).statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: member.auth });
    expect(me.json().user).toMatchObject({ email: free, emailVerified: true });
    expect(await countRows(app.db, 'users')).toBeGreaterThan(1);
  });
});
