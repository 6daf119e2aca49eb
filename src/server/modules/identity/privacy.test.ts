import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, signUp, type TestAccount } from '../../test/identity.ts';
import type { Actor, UserType } from '../../http/auth.ts';
import { clientIdentitiesFor, clientIdentityFor } from './privacy.ts';

let app: TestApp;
let admin: TestAccount;
let stylist: TestAccount;
let otherStylist: TestAccount;
let partner: TestAccount;
beforeAll(async () => {
  app = await buildTestApp();
  [admin, stylist, otherStylist, partner] = [
    await accountOf(app, 'ADMIN'),
    await accountOf(app, 'STYLIST'),
    await accountOf(app, 'STYLIST'),
    await accountOf(app, 'BRAND_PARTNER'),
  ];
});
afterAll(() => app.shutdown());

const PHONE = '+33 6 98 76 54 32';

/** A VIP client with a phone number, MFA enrolled, privacy mode as given. */
async function vipClient(privacyMode = true): Promise<TestAccount> {
  const vip = await accountOf(app, 'CLIENT', { vip: true });
  await app.inject({ method: 'PUT', url: `/api/v1/users/${vip.userId}`, headers: vip.auth, payload: { phoneNumber: PHONE } });
  const res = await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: vip.auth, payload: { privacyMode } });
  expect(res.statusCode, res.body).toBe(200);
  return vip;
}

function actor(account: TestAccount, userType: UserType, tier: Actor['tier'] = 'STANDARD'): Actor {
  return { userId: account.userId, userType, tier, sessionId: 'test', mfaEnabled: true, mfaVerifiedAt: null };
}

const share = (vip: TestAccount, userId: string) =>
  app.inject({ method: 'POST', url: '/api/v1/me/privacy/shares', headers: vip.auth, payload: { userId } });

describe('privacy mode', () => {
  it('is switched by VIP clients and audited', async () => {
    const vip = await vipClient(false);
    const on = await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: vip.auth, payload: { privacyMode: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ privacyMode: true, alias: expect.stringMatching(/^Client [2-9A-Z]-[2-9A-Z]{4}$/) });
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: vip.auth });
    expect(me.json().user.privacyMode).toBe(true);
    const log = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-log?targetUserId=${vip.userId}&action=privacy.mode.changed`,
      headers: admin.auth,
    });
    expect(log.json().entries.map((e: { details: { privacyMode: boolean } }) => e.details.privacyMode)).toEqual([true, false]);
  });

  it.each([
    ['a standard client', () => signUp(app)],
    ['a stylist', () => accountOf(app, 'STYLIST')],
    ['an admin', () => accountOf(app, 'ADMIN')],
  ])('is refused to %s', async (_label, make) => {
    const account = await make();
    const res = await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: account.auth, payload: { privacyMode: true } });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/privacy/shares', headers: account.auth })).statusCode).toBe(403);
  });

  it('refuses anything but a boolean', async () => {
    const vip = await vipClient();
    for (const payload of [{ privacyMode: 'yes' }, {}, { privacyMode: false, alias: 'Client Z-ZZZZ' }]) {
      expect((await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: vip.auth, payload })).statusCode).toBe(400);
    }
  });
});

describe('what others see', () => {
  it('hides a private VIP behind the alias from stylists, partners and other clients; never from the client or admins', async () => {
    const vip = await vipClient();
    const me = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: vip.auth })).json().user;
    const real = {
      displayName: 'Ava Laurent',
      firstName: 'Ava',
      lastName: 'Laurent',
      email: vip.email,
      phoneNumber: PHONE,
      isAlias: false,
    };
    const hidden = { displayName: me.alias, isAlias: true };

    expect(await clientIdentityFor(app.ctx, actor(vip, 'CLIENT', 'VIP'), vip.userId)).toEqual(real);
    expect(await clientIdentityFor(app.ctx, actor(admin, 'ADMIN'), vip.userId)).toEqual(real);
    expect(await clientIdentityFor(app.ctx, actor(stylist, 'STYLIST'), vip.userId)).toEqual(hidden);
    expect(await clientIdentityFor(app.ctx, actor(partner, 'BRAND_PARTNER'), vip.userId)).toEqual(hidden);
    expect(await clientIdentityFor(app.ctx, actor(await signUp(app), 'CLIENT'), vip.userId)).toEqual(hidden);
  });

  it('shows the real identity only to the stylist the client shared with, until unshared', async () => {
    const vip = await vipClient();
    const res = await share(vip, stylist.userId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: stylist.userId, name: 'Ava Laurent', userType: 'STYLIST' });
    expect((await share(vip, stylist.userId)).statusCode).toBe(200); // idempotent
    expect((await share(vip, partner.userId)).json().userType).toBe('BRAND_PARTNER');

    const shares = (await app.inject({ method: 'GET', url: '/api/v1/me/privacy/shares', headers: vip.auth })).json().shares;
    expect(shares.map((s: { userId: string }) => s.userId)).toEqual([stylist.userId, partner.userId]);

    expect(await clientIdentityFor(app.ctx, actor(stylist, 'STYLIST'), vip.userId)).toMatchObject({
      isAlias: false,
      email: vip.email,
      phoneNumber: PHONE,
    });
    expect(await clientIdentityFor(app.ctx, actor(otherStylist, 'STYLIST'), vip.userId)).toEqual({
      displayName: expect.stringMatching(/^Client /),
      isAlias: true,
    });

    const unshare = await app.inject({ method: 'DELETE', url: `/api/v1/me/privacy/shares/${stylist.userId}`, headers: vip.auth });
    expect(unshare.statusCode).toBe(200);
    expect((await clientIdentityFor(app.ctx, actor(stylist, 'STYLIST'), vip.userId)).isAlias).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/me/privacy/shares/${stylist.userId}`, headers: vip.auth })).statusCode).toBe(
      404,
    );

    const log = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-log?targetUserId=${vip.userId}&action=privacy.contact.*`,
      headers: admin.auth,
    });
    expect(log.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'privacy.contact.unshared',
      'privacy.contact.shared',
      'privacy.contact.shared',
    ]);
  });

  it('shows stylists only a display name until a booking is accepted or contact is shared (privacy mode off), like other clients', async () => {
    const vip = await vipClient(false);
    const seenByStylist = await clientIdentityFor(app.ctx, actor(stylist, 'STYLIST'), vip.userId);
    expect(seenByStylist).toMatchObject({ displayName: 'Ava L.', isAlias: false });
    expect(seenByStylist).not.toHaveProperty('email');
    expect(seenByStylist).not.toHaveProperty('phoneNumber');
    expect(await clientIdentityFor(app.ctx, actor(await signUp(app), 'CLIENT'), vip.userId)).toEqual({
      displayName: 'Ava L.',
      firstName: 'Ava',
      isAlias: false,
    });
  });

  it('shows an erased client as their pseudonym to everyone', async () => {
    const client = await signUp(app);
    await app.inject({ method: 'DELETE', url: `/api/v1/users/${client.userId}`, headers: client.auth });
    const identity = await clientIdentityFor(app.ctx, actor(admin, 'ADMIN'), client.userId);
    expect(identity).toEqual({ displayName: expect.stringMatching(/^Former member /), isAlias: true });
  });

  it('answers lists in one call and leaves unknown ids out', async () => {
    // a shared with the stylist, b is private and did not, c is not private.
    const [a, b, c] = [await vipClient(), await vipClient(), await vipClient(false)];
    await share(a, stylist.userId);
    const ghost = '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f';
    const identities = await clientIdentitiesFor(app.ctx, actor(stylist, 'STYLIST'), [
      a.userId,
      b.userId,
      c.userId,
      ghost,
      'not-a-uuid',
      a.userId,
    ]);
    expect([...identities.keys()].sort()).toEqual([a.userId, b.userId, c.userId].sort());
    expect(identities.get(a.userId)?.isAlias).toBe(false);
    expect(identities.get(b.userId)).toEqual({ displayName: expect.stringMatching(/^Client /), isAlias: true });
    expect(identities.get(c.userId)?.isAlias).toBe(false);
    expect((await clientIdentitiesFor(app.ctx, actor(otherStylist, 'STYLIST'), [a.userId])).get(a.userId)?.isAlias).toBe(true);
    await expect(clientIdentityFor(app.ctx, actor(stylist, 'STYLIST'), ghost)).rejects.toMatchObject({ code: 'ResourceNotFoundException' });
  });
});

describe('sharing', () => {
  it('only with active stylists and brand partners', async () => {
    const vip = await vipClient();
    const client = await signUp(app);
    const erased = await accountOf(app, 'STYLIST');
    await app.inject({ method: 'DELETE', url: `/api/v1/users/${erased.userId}`, headers: erased.auth });
    for (const userId of [client.userId, admin.userId, vip.userId, erased.userId, '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f']) {
      expect((await share(vip, userId)).statusCode).toBe(404);
    }
    expect((await share(vip, 'not-a-uuid')).statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/me/privacy/shares',
          headers: vip.auth,
          payload: { userId: stylist.userId, email: true },
        })
      ).statusCode,
    ).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/privacy/shares', headers: vip.auth })).json().shares).toEqual([]);
  });
});
