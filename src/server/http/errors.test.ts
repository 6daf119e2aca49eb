import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp } from '../test/app.ts';
import { ApiError, errorResponses, registerErrorHandling } from './errors.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ bodyLimit: 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/things/:thingId',
    {
      schema: {
        params: z.object({ thingId: z.uuid() }),
        body: z.strictObject({ name: z.string().min(2), price: z.number().int().nonnegative() }),
        response: { 200: z.object({ ok: z.boolean() }), ...errorResponses('ValidationException') },
      },
    },
    async () => ({ ok: true }),
  );
  typed.get('/conflict', async () => {
    throw new ApiError('ConflictException', 'That slot was just booked');
  });
  typed.get('/throttled', async () => {
    throw new ApiError('ThrottlingException', 'Slow down', { retryAfterSeconds: 42 });
  });
  typed.get('/boom', async () => {
    throw new Error('connection to 10.0.0.5 failed: password authentication failed for user "admin"');
  });
  typed.get('/deadlock', async () => {
    throw new Error('Failed query', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
  });
  typed.get('/pool-exhausted', async () => {
    throw new Error('timeout exceeded when trying to connect');
  });
  typed.get('/bad-response', { schema: { response: { 200: z.object({ id: z.string() }) } } }, async () => ({ id: 7 }) as never);
  await app.ready();
});
afterAll(() => app.close());

const uuid = '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f';

describe('error model', () => {
  it('accepts a valid request', async () => {
    const res = await app.inject({ method: 'POST', url: `/things/${uuid}`, payload: { name: 'Silk', price: 100 } });
    expect(res.statusCode).toBe(200);
  });

  it('names each bad field in fieldErrors', async () => {
    const res = await app.inject({ method: 'POST', url: `/things/${uuid}`, payload: { name: 'S', price: -1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('ValidationException');
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['body.name', 'body.price']);
    expect(body.message).toMatch(/^Invalid body\.name/);
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const res = await app.inject({ method: 'POST', url: `/things/${uuid}`, payload: { name: 'Silk', price: 1, isAdmin: true } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().fieldErrors)).toContain('isAdmin');
  });

  it('validates path parameters', async () => {
    const res = await app.inject({ method: 'POST', url: '/things/not-a-uuid', payload: { name: 'Silk', price: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toHaveProperty(['params.thingId']);
  });

  it('answers malformed JSON with a 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/things/${uuid}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ValidationException');
  });

  it('answers an oversized body with 413', async () => {
    const res = await app.inject({ method: 'POST', url: `/things/${uuid}`, payload: { name: 'x'.repeat(5000), price: 1 } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PayloadTooLargeException');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/things/${uuid}`,
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
  });

  it('maps ApiError codes to the spec statuses', async () => {
    const res = await app.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ConflictException', message: 'That slot was just booked' });
  });

  it('sends retryAfterSeconds and a Retry-After header on throttling', async () => {
    const res = await app.inject({ method: 'GET', url: '/throttled' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('42');
    expect(res.json().retryAfterSeconds).toBe(42);
  });

  it('never leaks internals in a 500', async () => {
    for (const url of ['/boom', '/bad-response']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('InternalServerException');
      expect(res.body).not.toMatch(/10\.0\.0\.5|password|admin|expected string/);
    }
  });

  it('answers 503 with Retry-After, not 500, when the database is busy (a deadlock victim, no free connection)', async () => {
    for (const url of ['/deadlock', '/pool-exhausted']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toMatchObject({ code: 'ServiceUnavailableException', retryAfterSeconds: 1 });
    }
  });
});

describe('rate limit', () => {
  it('answers 429 ThrottlingException once the window is spent, but never on probes', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.inject({ method: 'GET', url: '/api/docs/json' })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const res = await limited.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.json()).toMatchObject({ code: 'ThrottlingException' });
      expect(res.json().retryAfterSeconds).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) expect((await limited.inject({ method: 'GET', url: '/api/v1/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.shutdown();
    }
  });

  it('counts requests without a valid session too: the limit runs before authentication', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '3' });
    try {
      const codes = [];
      const forged = { authorization: 'Bearer aaaa.bbbb.cccc' };
      for (let i = 0; i < 5; i++) codes.push((await limited.inject({ method: 'GET', url: '/api/v1/me', headers: forged })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.shutdown();
    }
  });
});
