import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

describe('probes', () => {
  it('healthz answers 200 with a request id header', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    const kept = await app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(kept.headers['x-request-id']).toBe('trace-abc-12345');
    const upper = await app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { 'X-Request-ID': 'Trace-ABC-67890' } });
    expect(upper.headers['x-request-id']).toBe('Trace-ABC-67890');
    const replaced = await app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { 'x-request-id': 'bad id\r\nx' } });
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });

  it('readyz reports the database it reached', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });
});

describe('unknown routes', () => {
  it.each(['/api/v1/nope', '/api/v1/products/../../etc/passwd', '/api/nothing-here'])('%s is a 404 in the error shape', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body.code).toBe('ResourceNotFoundException');
    expect(body.message).toMatch(/No route/);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('answers a wrong method with 404 too', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/healthz' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ResourceNotFoundException');
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toContain('/api/v1/healthz');
    expect(doc.paths['/api/v1/readyz'].get.responses['503']).toBeDefined();
  });

  it('serves browsable docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('metrics', () => {
  it('exposes an HTTP latency histogram labelled by route template', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/healthz' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/healthz",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('counts each request once, by template, including HEAD twins, parameters and unmatched URLs', async () => {
    const count = async (labels: string) => {
      const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      const line = body.split('\n').find((l) => l.startsWith(`http_request_duration_seconds_count{${labels}}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const head = await count('method="HEAD",route="/api/v1/healthz",status_code="200"');
    const missing = await count('method="GET",route="unmatched",status_code="404"');
    const product = await count('method="GET",route="/api/v1/products/:productId",status_code="404"');
    await app.inject({ method: 'HEAD', url: '/api/v1/healthz' });
    await app.inject({ method: 'GET', url: '/api/v1/nope/4f1c' });
    await app.inject({ method: 'GET', url: '/api/v1/nope/9a2b' });
    await app.inject({ method: 'GET', url: '/api/v1/products/01a23159-290d-785b-823b-0089addec73c' });
    expect(await count('method="HEAD",route="/api/v1/healthz",status_code="200"')).toBe(head + 1);
    expect(await count('method="GET",route="unmatched",status_code="404"')).toBe(missing + 2);
    expect(await count('method="GET",route="/api/v1/products/:productId",status_code="404"')).toBe(product + 1);
  });
});

describe('security headers', () => {
  it('sets a real content security policy and the usual hardening headers on API answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/products?maxResults=1' });
    // JSON answers allow nothing to load or frame them; pages get their own nonce policy (see web/ssr.test.ts).
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // Unmatched URLs are API answers too.
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  });

  it('keeps probes and the metrics scrape to nosniff and the request id', async () => {
    for (const url of ['/api/v1/healthz', '/api/v1/readyz', '/metrics']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-request-id'], url).toBeTruthy();
      expect(res.headers['content-security-policy'], url).toBeUndefined();
    }
    // The same path with a query string is not a probe: it gets the full API set.
    const other = await app.inject({ method: 'GET', url: '/api/v1/healthz?x=1' });
    expect(other.headers['content-security-policy']).toBeDefined();
  });
});
