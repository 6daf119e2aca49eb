import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { signUp } from '../test/identity.ts';
import { serializeError } from './logger.ts';

// Issue #11, the platform layer: forwarded addresses, unstorable text, caching, browser features, metrics, logs.

describe('forwarded addresses (#11.4)', () => {
  const spoofing = async (app: TestApp, balancer: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      // The client writes any address it likes at the left; the balancer appends the one it saw.
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/categories',
        remoteAddress: balancer,
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  };

  it.each([
    ['1', '10.0.0.5'],
    ['10.0.0.0/8', '10.20.30.40'],
  ])(
    'TRUST_PROXY=%s: a spoofed left-most entry does not change the rate-limit key',
    async (setting, balancer) => {
      const app = await buildTestApp({ TRUST_PROXY: setting, RATE_LIMIT_MAX: '5' });
      try {
        const statuses = await spoofing(app, balancer);
        expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
        expect(statuses.slice(5)).toEqual([429, 429, 429]);
      } finally {
        await app.shutdown();
      }
    },
    120_000,
  );

  it('with ranges, X-Forwarded-For from outside them is ignored', async () => {
    const app = await buildTestApp({ TRUST_PROXY: '10.0.0.0/8', RATE_LIMIT_MAX: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push(
          (
            await app.inject({
              method: 'GET',
              url: '/api/v1/categories',
              remoteAddress: '192.0.2.9',
              headers: { 'x-forwarded-for': `203.0.113.${i}` },
            })
          ).statusCode,
        );
      }
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await app.shutdown();
    }
  }, 120_000);
});

describe('the API as a whole', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  }, 120_000);
  afterAll(() => app.shutdown());

  it('refuses NUL characters and lone surrogates with a 400 naming the field, in bodies, queries and paths (#11.7)', async () => {
    const signUpWith = (firstName: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: `{"acceptTerms":true,"email":"nul.${Date.now()}@example.com","password":"velvet-orchid-sunrise-47","firstName":"${firstName}","lastName":"B"}`,
        headers: { 'content-type': 'application/json' },
      });
    for (const bad of ['Ava\\u0000', 'Ava\\ud800', '\\udc00Ava']) {
      const res = await signUpWith(bad);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ValidationException', fieldErrors: { 'body.firstName': [expect.any(String)] } });
    }
    const query = await app.inject({ method: 'GET', url: '/api/v1/products/search?q=silk%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().fieldErrors['query.q']).toBeDefined();
    const path = await app.inject({ method: 'GET', url: '/api/v1/products/by-slug/silk%00scarf' });
    expect(path.statusCode).toBe(400);
    expect(Object.keys(path.json().fieldErrors)).toEqual(['params.slug']);
  });

  it('sends no-store on answers with tokens or personal data, and a Permissions-Policy (#11.9)', async () => {
    const account = await signUp(app);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
    });
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: account.auth });
    for (const res of [login, me]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
    }
  });
});

describe('metrics in production (#11.9)', () => {
  it('needs its token: without METRICS_TOKEN nothing is served, with it only to the bearer', async () => {
    const open = await buildTestApp({ NODE_ENV: 'production' });
    try {
      expect((await open.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    } finally {
      await open.shutdown();
    }
    const token = 'scrape-token-0123456789abcdef';
    const guarded = await buildTestApp({ NODE_ENV: 'production', METRICS_TOKEN: token });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      const ok = await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/http_request_duration_seconds/);
    } finally {
      await guarded.shutdown();
    }
  }, 180_000);
});

describe('logs of failed statements (#11.9)', () => {
  it('never carry the values bound to the statement', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "celeste.moreau@example.com"'), {
      code: '22P02',
      detail: 'Key (email_hash)=(celeste.moreau@example.com) already exists.',
    });
    const error = new DrizzleQueryError(
      'select * from users where id = $1 and note = $2',
      ['celeste.moreau@example.com', 'lives at 12 Belgrave Square'],
      cause,
    );
    const lines: string[] = [];
    const logger = pino(
      { serializers: { err: serializeError } },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    logger.error({ err: error }, 'unhandled error');
    const line = lines.join('');
    expect(line).toContain('select * from users where id = $1');
    expect(line).toContain('22P02');
    expect(line.includes('celeste.moreau'), 'a parameter value reached the log').toBe(false);
    expect(line.includes('Belgrave'), 'a parameter value reached the log').toBe(false);
  });
});
