import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, sendAnswer } from './cached-json.ts';

const gzip = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('sendAnswer', () => {
  it('in production sends the memoised JSON bytes (wrapped or not); elsewhere returns the object for schema checking', async () => {
    const app = Fastify();
    const answer = { products: [{ name: 'Classic Flap Bag', price: { amount: 10150.5, currency: 'EUR' } }], note: 'é ✓' };
    app.get('/plain', async (_req, reply) => sendAnswer(reply, true, answer));
    app.get('/wrapped', async (_req, reply) => sendAnswer(reply, true, answer, 'product'));
    app.get('/dev', async (_req, reply) => sendAnswer(reply, false, answer, 'product'));
    for (let i = 0; i < 2; i++) {
      const plain = await app.inject({ url: '/plain' });
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.headers.vary).toBeUndefined();
      expect(plain.json()).toEqual(answer);
      expect((await app.inject({ url: '/wrapped' })).json()).toEqual({ product: answer });
    }
    expect((await app.inject({ url: '/dev' })).json()).toEqual({ product: answer });
    await app.close();
  });

  it('gzips a reused answer over 1 kB for a client that accepts it, and never a one-off answer or a small one', async () => {
    const app = Fastify();
    const large = {
      pieces: Array.from({ length: 40 }, (_, i) => ({ title: `The quiet season, part ${i}`, dek: 'Tailoring in winter light' })),
    };
    const small = { status: 'ok' };
    app.get('/large', async (_req, reply) => sendAnswer(reply, true, large));
    app.get('/small', async (_req, reply) => sendAnswer(reply, true, small));
    app.get('/fresh', async (_req, reply) => sendAnswer(reply, true, structuredClone(large)));

    const first = await app.inject({ url: '/large', headers: gzip });
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.json()).toEqual(large);
    for (let i = 0; i < 3; i++) {
      const again = await app.inject({ url: '/large', headers: gzip });
      expect(again.headers['content-encoding']).toBe('gzip');
      expect(again.headers.vary).toBe('accept-encoding');
      expect(Number(again.headers['content-length'])).toBeLessThan(first.rawPayload.length / 3);
      expect(JSON.parse(gunzipSync(again.rawPayload).toString('utf8'))).toEqual(large);
    }
    // A client that does not accept gzip gets the JSON text, before and after; one that names another encoding is told
    // the answer varies with it.
    const plain = await app.inject({ url: '/large' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const identity = await app.inject({ url: '/large', headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('accept-encoding');
    expect(plain.json()).toEqual(large);
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ url: '/fresh', headers: gzip })).headers['content-encoding']).toBeUndefined();
      expect((await app.inject({ url: '/small', headers: gzip })).headers['content-encoding']).toBeUndefined();
    }
    await app.close();
  });

  it('reads Accept-Encoding with its qualities', async () => {
    const app = Fastify();
    app.get('/', async (request) => ({ gzip: acceptsGzip(request) }));
    const cases: Array<[string | undefined, boolean]> = [
      [undefined, false],
      ['gzip', true],
      ['br, gzip;q=0.5', true],
      ['gzip;q=0', false],
      ['identity', false],
      ['*', true],
      ['*;q=0', false],
      ['br;q=1, *;q=0.1', true],
    ];
    for (const [header, expected] of cases) {
      const answer = await app.inject({ url: '/', headers: header === undefined ? {} : { 'accept-encoding': header } });
      expect(answer.json(), String(header)).toEqual({ gzip: expected });
    }
    await app.close();
  });
});
