import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, signUp, type TestAccount } from '../../test/identity.ts';
import { expectedOrigins } from './passkeys.ts';

/**
 * A software authenticator: one ES256 (P-256) credential, 'none' attestation, user presence and verification
 * flags set, and a signature counter. It builds the same JSON @simplewebauthn/browser sends, byte for byte
 * what a real authenticator would sign, so the server's full verification path runs.
 */
class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: JsonWebKey;
  counter = 0;
  userHandle = '';

  constructor(
    private readonly rpId = 'localhost',
    private readonly countsSignatures = true,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicJwk = pair.publicKey.export({ format: 'jwk' });
  }

  get id(): string {
    return this.credentialId.toString('base64url');
  }

  private authData(flags: number, attested?: Buffer): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([createHash('sha256').update(this.rpId).digest(), Buffer.from([flags]), counter, ...(attested ? [attested] : [])]);
  }

  /** navigator.credentials.create() for the given options, as startRegistration() returns it. */
  register(options: { challenge: string; user: { id: string } }, origin: string) {
    this.userHandle = options.user.id;
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(this.publicJwk.x!, 'base64url')],
        [-3, Buffer.from(this.publicJwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, coseKey]);
    const UP = 0x01;
    const UV = 0x04;
    const AT = 0x40;
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', this.authData(UP | UV | AT, attested)],
      ]),
    );
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false });
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: Buffer.from(clientDataJSON).toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: { credProps: { rk: true } },
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get() for the given options, as startAuthentication() returns it. */
  assert(options: { challenge: string }, origin: string, { userVerified = true } = {}) {
    if (this.countsSignatures) this.counter += 1;
    const authenticatorData = this.authData(userVerified ? 0x05 : 0x01);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }));
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      this.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}

const ORIGIN = 'http://localhost:3000';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

// Tests that fail sign-ins on purpose use their own address, so the per-IP limit stays theirs.
let nextIp = 1;
const freshIp = () => `10.66.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

async function registerPasskey(account: TestAccount, authenticator = new SoftAuthenticator(), origin = ORIGIN, name?: string) {
  const options = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: { ...account.auth, origin } });
  expect(options.statusCode, options.body).toBe(200);
  const response = authenticator.register(options.json(), origin);
  const verify = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/passkeys/register/verify',
    headers: { ...account.auth, origin },
    payload: { response, ...(name ? { name } : {}) },
  });
  return { authenticator, options: options.json(), response, verify };
}

async function loginOptions() {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/login/options' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    challengeId: string;
    options: { challenge: string; rpId: string; userVerification: string; allowCredentials?: unknown[] };
  };
}

function passkeyLogin(payload: object, { origin = ORIGIN, ip = '127.0.0.1', headers = {} as Record<string, string> } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/passkeys/login/verify',
    headers: { origin, ...headers },
    payload,
    remoteAddress: ip,
  });
}

async function auditActions(userId: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
  return queryRows(app.db, sql`select action, details from audit_log where target_user_id = ${userId} order by at, id`);
}

describe('passkey configuration', () => {
  it.each([
    [{}, 'localhost', ['http://localhost:3000']],
    [{ PORT: '8080' }, 'localhost', ['http://localhost:8080']],
    [{ PUBLIC_URL: 'https://shop.stylebyzaga.com' }, 'shop.stylebyzaga.com', ['https://shop.stylebyzaga.com']],
    [{ PUBLIC_URL: 'https://www.stylebyzaga.com', WEBAUTHN_RP_ID: 'stylebyzaga.com' }, 'stylebyzaga.com', ['https://www.stylebyzaga.com']],
    [
      { WEBAUTHN_RP_ID: 'StyleByZaga.com', WEBAUTHN_ORIGINS: 'https://stylebyzaga.com, https://m.stylebyzaga.com' },
      'stylebyzaga.com',
      ['https://stylebyzaga.com', 'https://m.stylebyzaga.com'],
    ],
  ])('derives the RP ID and origins from %o', (env, rpId, origins) => {
    const config = loadConfig(env);
    expect(config.WEBAUTHN_RP_ID).toBe(rpId);
    expect(config.WEBAUTHN_ORIGINS).toEqual(origins);
  });

  it.each([
    [{ WEBAUTHN_RP_ID: 'https://stylebyzaga.com' }, /WEBAUTHN_RP_ID must be a domain name/],
    [{ WEBAUTHN_RP_ID: 'stylebyzaga.com:443' }, /WEBAUTHN_RP_ID must be a domain name/],
    [{ WEBAUTHN_ORIGINS: 'https://stylebyzaga.com/login' }, /WEBAUTHN_ORIGINS needs origins/],
    [{ WEBAUTHN_ORIGINS: 'ftp://localhost' }, /WEBAUTHN_ORIGINS needs origins/],
    [
      { WEBAUTHN_RP_ID: 'stylebyzaga.com' },
      /WEBAUTHN_ORIGINS origin http:\/\/localhost:3000 is not on the WebAuthn RP ID "stylebyzaga.com"/,
    ],
    [{ WEBAUTHN_RP_ID: 'stylebyzaga.com', WEBAUTHN_ORIGINS: 'https://stylebyzaga.com.evil.example' }, /is not on the WebAuthn RP ID/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    ['test', undefined, [ORIGIN]],
    ['test', 'http://localhost:49152', [ORIGIN, 'http://localhost:49152']],
    ['development', 'http://127.0.0.1:5173', [ORIGIN, 'http://127.0.0.1:5173']],
    ['test', ORIGIN, [ORIGIN]],
    ['production', 'http://localhost:49152', [ORIGIN]],
    ['test', 'https://localhost:49152', [ORIGIN]],
    ['test', 'http://localhost', [ORIGIN]],
    ['test', 'http://localhost:99999', [ORIGIN]],
    ['test', 'http://localhost.evil.example:8080', [ORIGIN]],
    ['test', 'http://localhost:8080/path', [ORIGIN]],
    ['test', 'http://evil.example', [ORIGIN]],
  ] as const)('in %s, a request from %s may use origins %o', (NODE_ENV, requestOrigin, origins) => {
    expect(expectedOrigins({ NODE_ENV, WEBAUTHN_ORIGINS: [ORIGIN] }, requestOrigin)).toEqual(origins);
  });
});

describe('passkey registration', () => {
  it('asks for a discoverable, user-verified credential and stores the verified public key', async () => {
    const account = await signUp(app);
    const { options, verify, authenticator } = await registerPasskey(account, new SoftAuthenticator(), ORIGIN, 'My phone');
    expect(options.rp).toEqual({ name: 'StyleByZaga', id: 'localhost' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.user.name).toBe(account.email);
    expect(verify.statusCode, verify.body).toBe(201);
    expect(verify.json()).toMatchObject({ passkeyId: authenticator.id, name: 'My phone', transports: ['internal'] });

    const list = await app.inject({ method: 'GET', url: '/api/v1/auth/passkeys', headers: account.auth });
    expect(list.json().passkeys.map((p: { passkeyId: string }) => p.passkeyId)).toEqual([authenticator.id]);
    const [row] = await queryRows<{ user_id: string; counter: number }>(
      app.db,
      sql`select user_id, counter from passkeys where id = ${authenticator.id}`,
    );
    expect(row).toMatchObject({ user_id: account.userId, counter: 0 });
    expect((await auditActions(account.userId)).map((a) => a.action)).toContain('auth.passkey.registered');

    // The next options exclude it, so the same device is not enrolled twice.
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: account.auth });
    expect(again.json().excludeCredentials.map((c: { id: string }) => c.id)).toEqual([authenticator.id]);
  });

  it('spends the challenge: the same attestation cannot be submitted twice', async () => {
    const account = await signUp(app);
    const first = await registerPasskey(account);
    expect(first.verify.statusCode).toBe(201);
    const replay = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkeys/register/verify',
      headers: { ...account.auth, origin: ORIGIN },
      payload: { response: first.response },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().message).toMatch(/expired or was already used/);
    expect(await countRows(app.db, 'passkeys')).toBeGreaterThan(0);
  });

  it("refuses an attestation made for another account's challenge", async () => {
    const a = await signUp(app);
    const b = await signUp(app);
    const optionsA = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: a.auth });
    const response = new SoftAuthenticator().register(optionsA.json(), ORIGIN);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkeys/register/verify',
      headers: { ...b.auth, origin: ORIGIN },
      payload: { response },
    });
    expect(res.statusCode).toBe(400);
    const [row] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from passkeys where user_id in (${a.userId}, ${b.userId})`,
    );
    expect(row?.n).toBe(0);
  });

  it('refuses an attestation from a foreign origin and audits why', async () => {
    const account = await signUp(app);
    const options = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: account.auth });
    const response = new SoftAuthenticator().register(options.json(), 'https://stylebyzaga.evil.example');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkeys/register/verify',
      headers: { ...account.auth, origin: 'https://stylebyzaga.evil.example' },
      payload: { response },
    });
    expect(res.statusCode).toBe(400);
    const failed = (await auditActions(account.userId)).find((a) => a.action === 'auth.passkey.registrationFailed');
    expect(String(failed?.details.reason)).toMatch(/origin/);
  });

  it('refuses a credential for another RP ID', async () => {
    const account = await signUp(app);
    const options = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: account.auth });
    const response = new SoftAuthenticator('stylebyzaga.evil.example').register(options.json(), ORIGIN);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkeys/register/verify',
      headers: { ...account.auth, origin: ORIGIN },
      payload: { response },
    });
    expect(res.statusCode).toBe(400);
  });

  it('accepts a dev server on any localhost port outside production', async () => {
    const account = await signUp(app);
    const { verify } = await registerPasskey(account, new SoftAuthenticator(), 'http://localhost:49321');
    expect(verify.statusCode, verify.body).toBe(201);
  });

  it('refuses unknown fields and anonymous callers', async () => {
    const account = await signUp(app);
    const options = await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options', headers: account.auth });
    const response = new SoftAuthenticator().register(options.json(), ORIGIN);
    const extra = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkeys/register/verify',
      headers: account.auth,
      payload: { response, userId: account.userId },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('ValidationException');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/register/options' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/passkeys' })).statusCode).toBe(401);
  });
});

describe('passkey sign-in', () => {
  it('signs in without a password or email, like /auth/login, and audits it', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const { challengeId, options } = await loginOptions();
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);

    const res = await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user.userId).toBe(account.userId);
    expect(body.refreshToken.length).toBeGreaterThanOrEqual(43);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.json().user.email).toBe(account.email);
    const [row] = await queryRows<{ counter: number; last_used_at: Date | null }>(
      app.db,
      sql`select counter, last_used_at from passkeys where id = ${authenticator.id}`,
    );
    expect(row!.counter).toBe(1);
    expect(row!.last_used_at).not.toBeNull();
    const login = (await auditActions(account.userId)).find((a) => a.action === 'auth.login' && a.details.method === 'passkey');
    expect(login?.details.passkeyId).toBe(authenticator.id);
  });

  it('refuses a replayed assertion: the challenge is spent, even for authenticators without a counter', async () => {
    const account = await signUp(app);
    // A synced passkey always reports counter 0, so only the spent challenge stops the replay.
    const { authenticator } = await registerPasskey(account, new SoftAuthenticator('localhost', false));
    const { challengeId, options } = await loginOptions();
    const payload = { challengeId, response: authenticator.assert(options, ORIGIN) };
    const ip = freshIp();
    expect((await passkeyLogin(payload, { ip })).statusCode).toBe(200);
    const replay = await passkeyLogin(payload, { ip });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('UnauthorizedException');
    // Refused at the challenge, before the credential was looked up: no failure names this account.
    expect((await auditActions(account.userId)).filter((a) => a.action === 'auth.login.failed')).toEqual([]);
  });

  it('refuses an assertion from a foreign origin, even when the request claims it', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const evil = 'https://stylebyzaga.evil.example';
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin({ challengeId, response: authenticator.assert(options, evil) }, { origin: evil, ip: freshIp() });
    expect(res.statusCode).toBe(401);
    const failed = (await auditActions(account.userId)).find((a) => a.action === 'auth.login.failed');
    expect(failed?.details).toMatchObject({ method: 'passkey' });
    expect(String(failed?.details.reason)).toMatch(/origin/);
  });

  it('refuses a counter that went backwards (a cloned authenticator)', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const ip = freshIp();
    for (let i = 0; i < 2; i++) {
      const { challengeId, options } = await loginOptions();
      expect((await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) }, { ip })).statusCode).toBe(200);
    }
    authenticator.counter = 0; // the clone signs with counter 1, already seen
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) }, { ip });
    expect(res.statusCode).toBe(401);
    const failed = (await auditActions(account.userId)).filter((a) => a.action === 'auth.login.failed');
    expect(failed.at(-1)?.details.reason).toBe('counter-regression');
  });

  it('accepts authenticators that never count (synced passkeys report 0)', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account, new SoftAuthenticator('localhost', false));
    for (let i = 0; i < 2; i++) {
      const { challengeId, options } = await loginOptions();
      expect((await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) })).statusCode).toBe(200);
    }
  });

  it('refuses an assertion without user verification', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin(
      { challengeId, response: authenticator.assert(options, ORIGIN, { userVerified: false }) },
      { ip: freshIp() },
    );
    expect(res.statusCode).toBe(401);
  });

  it('refuses a signature by another key for a registered credential id', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const forger = Object.assign(new SoftAuthenticator(), {
      credentialId: authenticator.credentialId,
      userHandle: authenticator.userHandle,
      counter: 5,
    });
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin({ challengeId, response: forger.assert(options, ORIGIN) }, { ip: freshIp() });
    expect(res.statusCode).toBe(401);
  });

  it('refuses an unknown challenge id and an unregistered credential', async () => {
    const { options } = await loginOptions();
    const stranger = new SoftAuthenticator();
    const ip = freshIp();
    expect(
      (await passkeyLogin({ challengeId: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f', response: stranger.assert(options, ORIGIN) }, { ip }))
        .statusCode,
    ).toBe(401);
    const fresh = await loginOptions();
    expect(
      (await passkeyLogin({ challengeId: fresh.challengeId, response: stranger.assert(fresh.options, ORIGIN) }, { ip })).statusCode,
    ).toBe(401);
  });

  it('throttles an address after 5 failed passkey sign-ins', async () => {
    const ip = freshIp();
    const stranger = new SoftAuthenticator();
    for (let i = 0; i < 5; i++) {
      const { challengeId, options } = await loginOptions();
      expect((await passkeyLogin({ challengeId, response: stranger.assert(options, ORIGIN) }, { ip })).statusCode).toBe(401);
    }
    const { challengeId, options } = await loginOptions();
    const blocked = await passkeyLogin({ challengeId, response: stranger.assert(options, ORIGIN) }, { ip });
    expect(blocked.statusCode).toBe(429);
  });

  it('puts the refresh token in the httpOnly cookie in web mode', async () => {
    const account = await signUp(app);
    const { authenticator } = await registerPasskey(account);
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin(
      { challengeId, response: authenticator.assert(options, ORIGIN) },
      { headers: { 'x-auth-mode': 'cookie' } },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().refreshToken).toBe('');
    const cookie = res.cookies.find((c) => c.name === 'sbz_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
  });

  it('counts as the second factor for a VIP with MFA', async () => {
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    const { authenticator, verify } = await registerPasskey(vip);
    expect(verify.statusCode, verify.body).toBe(201);
    const { challengeId, options } = await loginOptions();
    const res = await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mfaEnrollmentRequired).toBeUndefined();
    const sessions = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { authorization: `Bearer ${res.json().accessToken}` },
    });
    expect(sessions.statusCode).toBe(200);
  });

  it('removes a passkey for its owner only; a removed passkey no longer signs in', async () => {
    const owner = await signUp(app);
    const other = await signUp(app);
    const { authenticator } = await registerPasskey(owner);
    const url = `/api/v1/auth/passkeys/${authenticator.id}`;
    expect((await app.inject({ method: 'DELETE', url, headers: other.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url, headers: owner.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url, headers: owner.auth })).statusCode).toBe(404);
    expect((await auditActions(owner.userId)).map((a) => a.action)).toContain('auth.passkey.removed');
    const { challengeId, options } = await loginOptions();
    expect((await passkeyLogin({ challengeId, response: authenticator.assert(options, ORIGIN) }, { ip: freshIp() })).statusCode).toBe(401);
  });
});
