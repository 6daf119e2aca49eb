import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, JsonParts, sendAnswer, withJson } from './cached-json.ts';

/** The whole HTTP/1.1 answer to one request as raw bytes (status line, headers, body), without its Date line. */
function rawAnswer(port: number, method: string, path: string, headers = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.end(`${method} ${path} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () =>
      resolve(
        Buffer.from(
          Buffer.concat(chunks)
            .toString('latin1')
            .replace(/\r\nDate: [^\r]*/i, ''),
          'latin1',
        ),
      ),
    );
  });
}

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

  it('writes an answer kept in parts with the same bytes on the wire as the joined text, HEAD and gzip included', async () => {
    const app = Fastify();
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    });
    const value = {
      products: [
        { name: 'Sac à main ✓', n: 1 },
        { name: 'Montre', n: 2 },
      ],
      total: 2,
      facets: { brands: [] },
    };
    const cards = value.products.map((p) => Buffer.from(`,${JSON.stringify(p)}`));
    const parts = () =>
      new JsonParts([Buffer.from('{"products":['), cards[0]!.subarray(1), cards[1]!, Buffer.from('],"total":2,"facets":{"brands":[]}}')]);
    const joined = withJson(structuredClone(value), parts().join());
    expect(parts().join().toString('utf8')).toBe(JSON.stringify(value));
    expect(parts().length).toBe(Buffer.byteLength(JSON.stringify(value)));
    // A fresh answer each time the test asks for one: its first sending writes the parts, the next ones the joined text.
    let inParts = withJson(structuredClone(value), parts());
    app.get('/parts', async (_req, reply) => sendAnswer(reply, true, inParts));
    app.get('/joined', async (_req, reply) => sendAnswer(reply, true, joined));
    const big = { pieces: Array.from({ length: 40 }, (_, i) => ({ title: `The quiet season, part ${i}` })) };
    const bigParts = withJson(
      big,
      new JsonParts([Buffer.from(JSON.stringify(big).slice(0, 500)), Buffer.from(JSON.stringify(big).slice(500))]),
    );
    app.get('/big', async (_req, reply) => sendAnswer(reply, true, bigParts));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    try {
      for (const method of ['GET', 'HEAD']) {
        inParts = withJson(structuredClone(value), parts());
        for (const sending of ['first', 'second', 'third']) {
          const a = await rawAnswer(port, method, '/parts');
          const b = await rawAnswer(port, method, '/joined');
          expect(a.toString('latin1'), `${method}, ${sending} sending`).toBe(b.toString('latin1'));
          expect(a.toString('latin1')).toContain(`content-length: ${parts().length}\r\n`);
          if (method === 'GET') expect(a.subarray(a.indexOf('\r\n\r\n') + 4).toString('utf8')).toBe(JSON.stringify(value));
        }
      }
      inParts = withJson(structuredClone(value), parts());
      // Light-my-request (the tests' inject) takes the same path.
      const injected = await app.inject({ url: '/parts' });
      expect(injected.rawPayload.equals(parts().join())).toBe(true);
      expect(injected.headers['content-length']).toBe(String(parts().length));
      // A reused answer in parts is gzipped from its joined text for a client that accepts it.
      const gzip = 'Accept-Encoding: gzip\r\n';
      expect((await rawAnswer(port, 'GET', '/big', gzip)).toString('latin1')).not.toContain('content-encoding');
      const packed = await rawAnswer(port, 'GET', '/big', gzip);
      expect(packed.toString('latin1')).toContain('content-encoding: gzip');
      expect(JSON.parse(gunzipSync(packed.subarray(packed.indexOf('\r\n\r\n') + 4)).toString('utf8'))).toEqual(big);
    } finally {
      await app.close();
    }
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
