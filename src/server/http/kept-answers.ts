import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendAnswer } from './cached-json.ts';
import { prependRouteStep } from './route-hooks.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public GET route whose answers to readers who are not signed in are kept in memory (a module's notified cache)
     * names here the synchronous look-up of the kept answer for a request's URL: the answer the handler would give, or
     * undefined when it is not kept (or no longer current), in which case the route runs as usual.
     */
    keptAnswer?: (request: FastifyRequest) => object | undefined;
  }
}

/**
 * Sends a kept answer as the route's first step: before its rate limit, the guard, the query's validation and the
 * handler. The global steps (security headers, request id) and the response steps (latency histogram, log) still apply.
 * A kept Journal list used to pay for every step of the route to end at the same kept object (#15, bench/RESULTS.md).
 *
 * Only GET requests that carry no credentials (no Authorization header, the only way the guard identifies a caller):
 * a signed-in caller's answer may depend on who they are (private clients see VIP pieces). Such a caller, and any
 * request the look-up does not answer, goes through the route as usual.
 *
 * Kept answers are not counted by the rate limit (decision 019, addendum). Refusing a request costs the instance as
 * much as sending bytes it already holds, so counting them protected nothing; with Redis the count was a network
 * round trip per answer, costlier than the answer; and a reader who reloads the Journal should not spend the allowance
 * that guards sign-in and checkout. What a look-up can answer is exactly what is public and already kept; every other
 * URL of the route is still limited.
 */
export function registerKeptAnswers(app: FastifyInstance, opts: { production: boolean }): void {
  app.addHook('onRoute', (route) => {
    const lookUp = route.config?.keptAnswer;
    if (!lookUp) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD') || route.config?.policy !== 'public') {
      throw new Error(`Route ${methods.join(',')} ${route.url}: keptAnswer is for public GET routes only`);
    }
    prependRouteStep(route, 'onRequest', (request, reply, done) => {
      const kept = request.method === 'GET' && request.headers.authorization === undefined ? lookUp(request) : undefined;
      if (kept === undefined) return done();
      // In production sendAnswer sends the kept bytes itself; elsewhere it hands back the object, which goes through the
      // route's response schema like any answer.
      const answer = sendAnswer(reply, opts.production, kept);
      if (answer !== reply) reply.send(answer);
    });
  });
}
