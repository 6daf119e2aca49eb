import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { ApiError, errorResponses } from './errors.ts';

/** Prometheus metrics: an HTTP latency histogram per route template, plus process metrics. Own registry per app. */
export function registerMetrics(app: FastifyInstance, opts: { token?: string }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  // Label children cached by key: looking them up by label object on every request costs more than observing.
  const children = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    // The route template, never the raw URL: label cardinality stays bounded whatever clients send.
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let child = children.get(key);
    if (!child) {
      child = duration.labels(request.method, route, String(reply.statusCode));
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
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
      if (opts.token && request.headers.authorization !== `Bearer ${opts.token}`) {
        throw new ApiError('UnauthorizedException', 'A valid metrics token is required');
      }
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
