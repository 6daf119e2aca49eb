import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, signUp, type TestAccount } from '../../test/identity.ts';
import { ActorCache, actorCacheFor } from './actor-cache.ts';

describe('ActorCache', () => {
  const live = () => {
    const cache = new ActorCache<string>();
    cache.setLive(true);
    return cache;
  };

  it('keeps a row per user and session until the user is forgotten', () => {
    const cache = live();
    cache.store('u1', 's1', 'row-1', cache.epoch);
    cache.store('u1', 's2', 'row-2', cache.epoch);
    cache.store('u2', 's3', 'row-3', cache.epoch);
    expect([cache.get('u1', 's1'), cache.get('u1', 's2'), cache.get('u2', 's3')]).toEqual(['row-1', 'row-2', 'row-3']);
    cache.forgetUser('u1');
    expect([cache.get('u1', 's1'), cache.get('u1', 's2'), cache.get('u2', 's3')]).toEqual([undefined, undefined, 'row-3']);
  });

  it('refuses a row read before an invalidation (the read may predate the change)', () => {
    const cache = live();
    const readAt = cache.epoch;
    cache.forgetUser('someone-else'); // any change in between: the row read at `readAt` might be stale
    cache.store('u1', 's1', 'stale?', readAt);
    expect(cache.get('u1', 's1')).toBeUndefined();
    cache.store('u1', 's1', 'fresh', cache.epoch);
    expect(cache.get('u1', 's1')).toBe('fresh');
  });

  it('serves nothing while invalidations cannot arrive, and forgets everything when they stop', () => {
    const cache = new ActorCache<string>();
    cache.store('u1', 's1', 'row', cache.epoch);
    expect(cache.get('u1', 's1')).toBeUndefined();
    cache.setLive(true);
    cache.store('u1', 's1', 'row', cache.epoch);
    cache.setLive(false);
    cache.setLive(true);
    expect(cache.get('u1', 's1')).toBeUndefined();
  });

  it('expires entries after 30 seconds whatever happens', () => {
    const cache = live();
    cache.store('u1', 's1', 'row', cache.epoch, 1_000);
    expect(cache.get('u1', 's1', 1_000 + 29_000)).toBe('row');
    expect(cache.get('u1', 's1', 1_000 + 31_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('signed-in callers served from the actor cache', () => {
  let app: TestApp;
  let admin: TestAccount;
  const me = (account: TestAccount) => app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth });
  /** Polls until the request answers `status`: the path through NOTIFY is asynchronous by a few milliseconds. */
  async function eventually(account: TestAccount, status: number) {
    const deadline = Date.now() + 3_000;
    let last = 0;
    while (Date.now() < deadline) {
      last = (await me(account)).statusCode;
      if (last === status) return last;
      await new Promise((r) => setTimeout(r, 20));
    }
    return last;
  }

  beforeAll(async () => {
    app = await buildTestApp();
    admin = await accountOf(app, 'ADMIN');
  });
  afterAll(() => app.shutdown());

  it('caches the caller after the first authenticated request', async () => {
    const client = await signUp(app);
    expect(actorCacheFor(app.db).live).toBe(true);
    expect((await me(client)).statusCode).toBe(200);
    expect(
      actorCacheFor(app.db).get(client.userId, JSON.parse(Buffer.from(client.accessToken.split('.')[1]!, 'base64url').toString()).sid),
    ).toBeDefined();
    expect((await me(client)).statusCode).toBe(200);
  });

  it('ends a session at once on sign-out', async () => {
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: client.auth })).statusCode).toBeLessThan(300);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('shows a profile change on the very next /me', async () => {
    const client = await signUp(app);
    expect((await me(client)).json().user.firstName).toBe('Ava');
    const update = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${client.userId}`,
      headers: client.auth,
      payload: { firstName: 'Aurelia' },
    });
    expect(update.statusCode, update.body).toBe(200);
    expect((await me(client)).json().user.firstName).toBe('Aurelia');
  });

  it('applies a role change made by an admin to the next request', async () => {
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${client.userId}/role`,
      headers: admin.auth,
      payload: { userType: 'STYLIST' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The role change ends the account's sessions: the cached caller must not outlive them.
    expect((await me(client)).statusCode).toBe(401);
  });

  it('drops a caller when its account is changed behind the service (another instance, an operator in psql)', async () => {
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200);
    await app.db.execute(sql`update users set status = 'SUSPENDED' where id = ${client.userId}`);
    expect(await eventually(client, 401)).toBe(401);
  });

  it('drops a caller when its session is revoked behind the service', async () => {
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200);
    await app.db.execute(sql`update refresh_tokens set revoked_at = now() where user_id = ${client.userId}`);
    expect(await eventually(client, 401)).toBe(401);
  });

  it('keeps the cache for writes that roll back (NOTIFY is sent on commit only)', async () => {
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200);
    await app.db
      .transaction(async (tx) => {
        await tx.execute(sql`update users set status = 'SUSPENDED' where id = ${client.userId}`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await me(client)).statusCode).toBe(200);
  });

  it.runIf(process.env.DATABASE_URL)('turns itself off when the notification connection drops, and on again when it is back', async () => {
    const cache = actorCacheFor(app.db);
    expect(cache.live).toBe(true);
    await app.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN %'`,
    );
    const offBy = Date.now() + 3_000;
    while (cache.live && Date.now() < offBy) await new Promise((r) => setTimeout(r, 10));
    expect(cache.live).toBe(false);
    const client = await signUp(app);
    expect((await me(client)).statusCode).toBe(200); // read from the database meanwhile
    const onBy = Date.now() + 5_000;
    while (!cache.live && Date.now() < onBy) await new Promise((r) => setTimeout(r, 50));
    expect(cache.live).toBe(true);
    await app.db.execute(sql`update users set status = 'SUSPENDED' where id = ${client.userId}`);
    expect(await eventually(client, 401)).toBe(401);
  });
});
