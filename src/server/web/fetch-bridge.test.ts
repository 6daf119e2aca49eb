import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendWebResponse, toWebRequest } from './fetch-bridge.ts';

describe('sendWebResponse', () => {
  it('copies status, headers, every Set-Cookie and the streamed body', async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      const headers = new Headers([
        ['content-type', 'text/plain'],
        ['x-custom', 'yes'],
        ['set-cookie', 'a=1; Path=/'],
        ['set-cookie', 'b=2; Path=/; HttpOnly'],
      ]);
      return sendWebResponse(reply, new Response('hello, streamed', { status: 201, headers }));
    });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-custom']).toBe('yes');
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(res.body).toBe('hello, streamed');
    await app.close();
  });

  it('sends an empty body when the response has none', async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) => sendWebResponse(reply, new Response(null, { status: 204 })));
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    await app.close();
  });
});

describe('toWebRequest', () => {
  it('keeps method, URL, repeated headers and a raw form body', async () => {
    const app = Fastify();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    app.post('/form', async (request, reply) => {
      const webRequest = toWebRequest(request, reply);
      const form = await webRequest.formData();
      return {
        method: webRequest.method,
        url: webRequest.url,
        accept: webRequest.headers.get('accept'),
        email: form.get('email'),
      };
    });
    const res = await app.inject({
      method: 'POST',
      url: '/form?from=footer',
      headers: { host: 'maison.example', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=client%40example.com',
    });
    expect(res.json()).toEqual({
      method: 'POST',
      url: 'http://maison.example/form?from=footer',
      accept: 'text/html',
      email: 'client@example.com',
    });
    await app.close();
  });
});
