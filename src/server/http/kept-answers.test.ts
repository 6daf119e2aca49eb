import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { describe, expect, it } from 'vitest';
import type { Actor } from './auth.ts';
import { registerKeptAnswers } from './kept-answers.ts';

/** A bare app with the platform's steps: rate limit, then who calls (here from a header); kept answers go before both. */
async function appWith(production: boolean, max = 1_000): Promise<{ app: FastifyInstance; runs: () => number }> {
  const app = Fastify();
  await app.register(rateLimit, { global: true, max, timeWindow: 60_000 });
  app.decorateRequest('actor', undefined);
  app.addHook('onRoute', (route) => {
    route.onRequest = [
      ...(Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : []),
      async (request) => {
        if (request.headers.authorization) request.actor = { userId: 'u1', userType: 'CLIENT', tier: 'VIP' } as Actor;
      },
    ];
  });
  registerKeptAnswers(app, { production });
  const kept = new Map<string, object>();
  let runs = 0;
  app.get('/list', { config: { policy: 'public', keptAnswer: (request) => kept.get(request.url) } }, async (request) => {
    runs++;
    const answer = { pieces: [request.actor ? 'private' : 'public'], run: runs };
    if (!request.actor) kept.set(request.url, answer);
    return answer;
  });
  return { app, runs: () => runs };
}

describe('kept answers', () => {
  for (const production of [true, false]) {
    it(`answers a reader who is not signed in from the kept copy, a signed-in caller from the handler (production: ${production})`, async () => {
      const { app, runs } = await appWith(production);
      const first = await app.inject({ url: '/list?view=summary' });
      expect(first.json()).toEqual({ pieces: ['public'], run: 1 });
      for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/list?view=summary' })).json()).toEqual({ pieces: ['public'], run: 1 });
      expect(runs()).toBe(1);
      // Someone signed in may see more than the public copy: the handler answers them every time.
      expect((await app.inject({ url: '/list?view=summary', headers: { authorization: 'Bearer x' } })).json()).toEqual({
        pieces: ['private'],
        run: 2,
      });
      // Another URL is another answer; HEAD goes through the route.
      expect((await app.inject({ url: '/list?view=full' })).json()).toMatchObject({ run: 3 });
      expect((await app.inject({ method: 'HEAD', url: '/list?view=summary' })).statusCode).toBe(200);
      expect(runs()).toBe(4);
      await app.close();
    });
  }

  it('sends kept answers before the rate limit, which still counts every request the kept copy does not answer', async () => {
    const { app, runs } = await appWith(true, 3);
    const status = async (url: string, headers: Record<string, string> = {}) => (await app.inject({ url, headers })).statusCode;
    expect(await status('/list')).toBe(200); // not kept yet: counted (1 of 3)
    for (let i = 0; i < 5; i++) expect(await status('/list')).toBe(200); // kept: not counted
    expect(runs()).toBe(1);
    expect(await status('/list?page=2')).toBe(200); // another URL: counted (2)
    expect(await status('/list', { authorization: 'Bearer x' })).toBe(200); // a signed-in caller: counted (3)
    expect(await status('/list?page=3')).toBe(429);
    expect(await status('/list', { authorization: 'Bearer x' })).toBe(429);
    // The kept copy is still sent: refusing it would cost as much as sending it.
    const kept = await app.inject({ url: '/list' });
    expect(kept.statusCode).toBe(200);
    expect(kept.headers['x-ratelimit-remaining']).toBeUndefined();
    expect(runs()).toBe(3);
    await app.close();
  });

  it('is refused on a route that is not a public GET', async () => {
    for (const [method, policy] of [
      ['POST', 'public'],
      ['GET', 'authenticated'],
    ] as const) {
      const app = Fastify();
      registerKeptAnswers(app, { production: true });
      expect(() => app.route({ method, url: '/x', config: { policy, keptAnswer: () => ({}) }, handler: async () => ({}) })).toThrow(
        /keptAnswer is for public GET routes only/,
      );
      await app.close();
    }
  });
});
