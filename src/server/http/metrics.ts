import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { LatencyHistogram } from './latency-histogram.ts';
import { appendRouteStep } from './route-hooks.ts';
import { z } from 'zod';
import { ApiError, errorResponses } from './errors.ts';
import { safeEqual } from '../security/crypto.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a request no route matched in the latency histogram (called by the not-found handler). */
    observeUnmatched(request: FastifyRequest, reply: FastifyReply): void;
  }
}

/** Prometheus metrics: an HTTP latency histogram per route template, plus process metrics. Own registry per app. */
export function registerMetrics(app: FastifyInstance, opts: { token?: string; production?: boolean }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new LatencyHistogram(
    'http_request_duration_seconds',
    'HTTP request latency by route template, method and status code',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  registry.registerMetric(duration as never);

  // One onResponse step per route, attached when the route is registered, with the route template captured: a
  // global hook would rebuild request.routeOptions (a fresh object) on every request. The template, never the raw
  // URL, so label cardinality stays bounded whatever clients send.
  const observerFor = (route: string) => {
    const byMethod = new Map<string, Map<number, (seconds: number) => void>>();
    return (method: string, statusCode: number, seconds: number) => {
      let byStatus = byMethod.get(method);
      if (!byStatus) byMethod.set(method, (byStatus = new Map()));
      let record = byStatus.get(statusCode);
      if (!record) byStatus.set(statusCode, (record = duration.series({ method, route, status_code: String(statusCode) })));
      record(seconds);
    };
  };
  app.addHook('onRoute', (route) => {
    const observe = observerFor(route.url);
    appendRouteStep(route, 'onResponse', (request, reply, done) => {
      observe(request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  });
  // Requests no route matched: answered by the not-found handler, which has no route to attach a step to.
  const unmatched = observerFor('unmatched');
  app.decorate('observeUnmatched', (request: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    reply.raw.once('finish', () => unmatched(request.method, reply.statusCode, (performance.now() - started) / 1000));
  });

  app.get(
    '/metrics',
    {
      schema: {
        hide: true,
        response: { 200: z.string(), ...errorResponses('UnauthorizedException') },
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      // In production the scrape always needs its token: route names, traffic and process figures are
      // reconnaissance for whoever reaches the public port. Without METRICS_TOKEN, nothing is served.
      if (opts.production && !opts.token) {
        throw new ApiError('UnauthorizedException', 'Metrics are off: set METRICS_TOKEN and scrape with Authorization: Bearer <token>');
      }
      if (opts.token && !safeEqual(request.headers.authorization ?? '', `Bearer ${opts.token}`)) {
        throw new ApiError('UnauthorizedException', 'A valid metrics token is required');
      }
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
