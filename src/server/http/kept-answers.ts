import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendAnswer } from './cached-json.ts';
import { appendRouteStep } from './route-hooks.ts';

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
 * Sends a kept answer from the route's first steps: after its rate limit and the guard's look at who calls (so the
 * limit and the policy apply to it as to any request) and before the query is validated and the handler runs. A
 * kept Journal list used to pay for every step of the route to end at the same kept object, about a fifth of the
 * time the instance spent on it (#15, bench/RESULTS.md). Only GET requests of callers who are not signed in: a
 * signed-in caller's answer may depend on who they are (private clients see VIP pieces). Register after the auth
 * guard, whose step must run first.
 */
export function registerKeptAnswers(app: FastifyInstance, opts: { production: boolean }): void {
  app.addHook('onRoute', (route) => {
    const lookUp = route.config?.keptAnswer;
    if (!lookUp) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD') || route.config?.policy !== 'public') {
      throw new Error(`Route ${methods.join(',')} ${route.url}: keptAnswer is for public GET routes only`);
    }
    appendRouteStep(route, 'onRequest', (request, reply, done) => {
      const kept = request.method === 'GET' && request.actor === undefined ? lookUp(request) : undefined;
      if (kept === undefined) return done();
      // In production sendAnswer sends the kept bytes itself; elsewhere it hands back the object, which goes through the
      // route's response schema like any answer.
      const answer = sendAnswer(reply, opts.production, kept);
      if (answer !== reply) reply.send(answer);
    });
  });
}
