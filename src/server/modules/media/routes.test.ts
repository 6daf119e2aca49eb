import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { registerErrorHandling } from '../../http/errors.ts';
import { IMAGERY_VERSION } from './demo-art/compose.ts';
import { mediaRoutes } from './routes.ts';

// The routes on a minimal Fastify with the app's validation and error handling, and a throw-away data directory.
let app: FastifyInstance;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sbz-media-routes-'));
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorate('config', loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }));
  await app.register(mediaRoutes);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /media/generated/:kind/:file', () => {
  it('renders on first request, caches on disk and serves with immutable caching and an ETag', async () => {
    const res = await app.inject({ method: 'GET', url: '/media/generated/product/aurelia-leather-bag-640.webp' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 640, 800]);
    expect(existsSync(join(dataDir, 'media', 'generated', `v${IMAGERY_VERSION}`, 'product', 'aurelia-leather-bag-640.webp'))).toBe(true);

    const again = await app.inject({ method: 'GET', url: '/media/generated/product/aurelia-leather-bag-640.webp' });
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(res.headers.etag);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ method: 'GET', url: '/media/generated/editorial/riviera-summer-320.jpg' });
    expect(first.headers['content-type']).toBe('image/jpeg');
    const res = await app.inject({
      method: 'GET',
      url: '/media/generated/editorial/riviera-summer-320.jpg',
      headers: { 'if-none-match': `W/"x", ${first.headers.etag}` },
    });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });

  it('serves every kind and format', async () => {
    for (const [url, type] of [
      ['/media/generated/portrait/amara-okafor-320.avif', 'image/avif'],
      ['/media/generated/editorial/maison-heritage-320.webp', 'image/webp'],
      ['/media/generated/product/heritage-watch-320.jpg', 'image/jpeg'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe(type);
    }
  });

  it('renders concurrent first requests for one file once, all getting the same bytes', async () => {
    const url = '/media/generated/portrait/lucia-bellini-640.jpg';
    const all = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'GET', url })));
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(all.map((r) => r.rawPayload.toString('base64'))).size).toBe(1);
  });

  it.each([
    ['an unknown kind', '/media/generated/video/teaser-320.jpg'],
    ['a width not offered', '/media/generated/product/bag-300.jpg'],
    ['a huge width', '/media/generated/product/bag-99999.jpg'],
    ['an unknown format', '/media/generated/product/bag-320.png'],
    ['no width', '/media/generated/product/bag.jpg'],
    ['capitals in the name', '/media/generated/product/Bag-320.jpg'],
    ['an 81-character name', `/media/generated/product/${'a'.repeat(81)}-320.jpg`],
    ['an encoded ../ in the file', '/media/generated/product/..%2F..%2F..%2Fetc%2Fpasswd-320.jpg'],
    ['encoded dots and slashes', '/media/generated/product/%2E%2E%2Fsecret-320.jpg'],
    ['an encoded ../ in the kind', '/media/generated/..%2Fproduct/bag-320.jpg'],
    ['a backslash', '/media/generated/product/..%5Cbag-320.jpg'],
    ['a NUL byte', '/media/generated/product/bag%00-320.jpg'],
  ])('rejects %s with 400 ValidationException', async (_what, url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ValidationException' });
  });

  it('names what was wrong', async () => {
    const width = await app.inject({ method: 'GET', url: '/media/generated/product/bag-300.jpg' });
    expect(width.json().message).toBe('Width must be one of 320, 640, 1280, 2048');
    const format = await app.inject({ method: 'GET', url: '/media/generated/product/bag-320.png' });
    expect(format.json().message).toBe('Format must be one of avif, webp, jpg');
  });

  it('never writes outside its folder', async () => {
    await app.inject({ method: 'GET', url: '/media/generated/product/..%2F..%2Fescape-320.jpg' });
    expect(existsSync(join(dataDir, 'media', 'escape-320.jpg'))).toBe(false);
    expect(existsSync(join(dataDir, 'escape-320.jpg'))).toBe(false);
  });
});
