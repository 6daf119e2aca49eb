import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importJWK, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { signUp, type TestAccount } from '../../test/identity.ts';
import { signAccessToken, verifyAccessToken } from './tokens.ts';

let app: TestApp;
let account: TestAccount;
let sid: string;
beforeAll(async () => {
  app = await buildTestApp();
  account = await signUp(app);
  sid = JSON.parse(Buffer.from(account.accessToken.split('.')[1]!, 'base64url').toString()).sid;
});
afterAll(() => app.shutdown());

const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('access tokens', () => {
  it('accepts a genuine token', async () => {
    expect((await me(account.accessToken)).statusCode).toBe(200);
    expect(await verifyAccessToken(app.ctx.keys, account.accessToken)).toEqual({ sub: account.userId, sid });
  });

  it('refuses alg:none', async () => {
    const token = new UnsecuredJWT({ sid })
      .setSubject(account.userId)
      .setIssuer('stylebyzaga')
      .setAudience('stylebyzaga-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UnauthorizedException');
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(app.ctx.keys.jwtPublic));
    const token = await new SignJWT({ sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject(account.userId)
      .setIssuer('stylebyzaga')
      .setAudience('stylebyzaga-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses an expired token', async () => {
    const key = await importJWK(app.ctx.keys.jwtPrivate, 'EdDSA');
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await new SignJWT({ sid })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
      .setSubject(account.userId)
      .setIssuer('stylebyzaga')
      .setAudience('stylebyzaga-api')
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(key);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses a token signed by another key, for another audience, or of another type', async () => {
    const foreign = generateKeyPairSync('ed25519').privateKey;
    const build = (aud: string, typ: string) =>
      new SignJWT({ sid })
        .setProtectedHeader({ alg: 'EdDSA', typ })
        .setSubject(account.userId)
        .setIssuer('stylebyzaga')
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m');
    const own = await importJWK(app.ctx.keys.jwtPrivate, 'EdDSA');
    expect((await me(await build('stylebyzaga-api', 'at+jwt').sign(foreign))).statusCode).toBe(401);
    expect((await me(await build('another-api', 'at+jwt').sign(own))).statusCode).toBe(401);
    expect((await me(await build('stylebyzaga-api', 'JWT').sign(own))).statusCode).toBe(401);
  });

  it('refuses a genuine token whose session was revoked', async () => {
    const token = await signAccessToken(app.ctx.keys, { sub: account.userId, sid: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f' }, 60);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of ['Bearer', 'Bearer abc', `Basic ${account.accessToken}`, `Bearer ${account.accessToken}x.y`]) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } })).statusCode).toBe(401);
    }
  });
});
