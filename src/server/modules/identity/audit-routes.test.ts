import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { STRONG_PASSWORD, accountOf, signUp, type TestAccount } from '../../test/identity.ts';

let app: TestApp;
let admin: TestAccount;
beforeAll(async () => {
  app = await buildTestApp();
  admin = await accountOf(app, 'ADMIN');
});
afterAll(() => app.shutdown());

interface Entry {
  entryId: string;
  at: string;
  action: string;
  actorId?: string;
  actorName?: string;
  targetUserId?: string;
  targetName?: string;
  ip?: string;
  details: Record<string, unknown>;
}

const auditLog = (query: string, who: TestAccount = admin) =>
  app.inject({ method: 'GET', url: `/api/v1/admin/audit-log?${query}`, headers: who.auth });
const entries = async (query: string): Promise<Entry[]> => {
  const res = await auditLog(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().entries;
};

describe('admin audit log', () => {
  it('lists what happened to an account, newest first, with names and addresses', async () => {
    const client = await signUp(app, { firstName: 'Odile' });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: client.email, password: 'wrong-password-guess' },
      remoteAddress: '10.55.0.1',
    });
    const list = await entries(`targetUserId=${client.userId}`);
    expect(list.map((e) => e.action)).toEqual(['auth.login.failed', 'auth.login', 'user.created']);
    expect(list[0]).toMatchObject({ targetUserId: client.userId, targetName: 'Odile Laurent', ip: '10.55.0.1' });
    expect(list[0]!.actorId).toBeUndefined();
    expect(list[1]).toMatchObject({ actorId: client.userId, actorName: 'Odile Laurent', details: { method: 'password' } });
    const times = list.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by exact action, action prefix, actor and time window', async () => {
    const client = await signUp(app);
    await app.inject({ method: 'GET', url: `/api/v1/users/${client.userId}`, headers: admin.auth });
    await app.inject({ method: 'PUT', url: `/api/v1/users/${client.userId}`, headers: admin.auth, payload: { firstName: 'Renée' } });

    const exact = await entries(`action=user.updated&targetUserId=${client.userId}`);
    expect(exact.map((e) => e.action)).toEqual(['user.updated']);
    expect(exact[0]).toMatchObject({ actorId: admin.userId, actorName: 'Noor Haddad', targetName: 'Renée Laurent' });
    const prefix = await entries(`action=user.*&targetUserId=${client.userId}`);
    expect(prefix.map((e) => e.action)).toEqual(['user.updated', 'user.created']);
    const byActor = await entries(`actorId=${admin.userId}&targetUserId=${client.userId}`);
    expect(byActor.map((e) => e.action)).toEqual(['user.updated']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await entries(`targetUserId=${client.userId}&from=${encodeURIComponent(future)}`)).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(await entries(`targetUserId=${client.userId}&to=${encodeURIComponent(past)}`)).toEqual([]);
    expect(await entries(`targetUserId=${client.userId}&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)).toHaveLength(
      3,
    );
  });

  it('pages through every entry exactly once', async () => {
    const client = await signUp(app);
    for (let i = 0; i < 4; i++)
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: client.email, password: STRONG_PASSWORD } });
    const all = await entries(`targetUserId=${client.userId}&maxResults=200`);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const paged: string[] = [];
    let nextToken: string | undefined;
    do {
      const res = await auditLog(`targetUserId=${client.userId}&maxResults=2${nextToken ? `&nextToken=${nextToken}` : ''}`);
      const body = res.json();
      expect(body.entries.length).toBeLessThanOrEqual(2);
      paged.push(...body.entries.map((e: Entry) => e.entryId));
      nextToken = body.nextToken;
    } while (nextToken);
    expect(paged).toEqual(all.map((e) => e.entryId));
  });

  it.each([
    ['a malformed action', 'action=auth%25'],
    ['an action with SQL', "action=x'%20or%201=1"],
    ['a bad actor id', 'actorId=42'],
    ['a date that is not one', 'from=yesterday'],
    ['to before from', 'from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z'],
    ['a forged page token', `nextToken=${Buffer.from('not-an-id').toString('base64url')}`],
    ['an unknown filter', 'ip=10.0.0.1'],
    ['too many results', 'maxResults=1000'],
  ])('refuses %s with 400', async (_label, query) => {
    const res = await auditLog(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ValidationException');
  });

  it('is for admins only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/audit-log' })).statusCode).toBe(401);
    for (const who of [
      await signUp(app),
      await accountOf(app, 'STYLIST'),
      await accountOf(app, 'BRAND_PARTNER'),
      await accountOf(app, 'CLIENT', { vip: true }),
    ]) {
      expect((await auditLog('', who)).statusCode).toBe(403);
    }
  });
});

describe('profile views', () => {
  it('shows a VIP which admin opened their profile and when, and nobody else’s views', async () => {
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    const otherVip = await accountOf(app, 'CLIENT', { vip: true });
    const before = Date.now();
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${vip.userId}`, headers: admin.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${otherVip.userId}`, headers: admin.auth })).statusCode).toBe(200);
    // The VIP looking at their own profile is not an admin view.
    await app.inject({ method: 'GET', url: `/api/v1/users/${vip.userId}`, headers: vip.auth });

    const res = await app.inject({ method: 'GET', url: '/api/v1/me/profile-views', headers: vip.auth });
    expect(res.statusCode, res.body).toBe(200);
    const { views } = res.json();
    expect(views).toEqual([{ viewedAt: expect.any(String), viewerName: 'Noor Haddad' }]);
    expect(Date.parse(views[0].viewedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('pages, and is for VIP clients only', async () => {
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: `/api/v1/users/${vip.userId}`, headers: admin.auth });
    const first = (await app.inject({ method: 'GET', url: '/api/v1/me/profile-views?maxResults=2', headers: vip.auth })).json();
    expect(first.views).toHaveLength(2);
    const second = (
      await app.inject({ method: 'GET', url: `/api/v1/me/profile-views?maxResults=2&nextToken=${first.nextToken}`, headers: vip.auth })
    ).json();
    expect(second.views).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();

    expect((await app.inject({ method: 'GET', url: '/api/v1/me/profile-views', headers: (await signUp(app)).auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/profile-views', headers: admin.auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/profile-views' })).statusCode).toBe(401);
  });
});
