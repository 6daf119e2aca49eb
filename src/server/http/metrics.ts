import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { ApiError, errorResponses } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    startedAt?: bigint;
  }
}

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

  app.addHook('onRequest', async (request) => {
    request.startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.startedAt === undefined) return;
    // The route template, never the raw URL: label cardinality stays bounded whatever clients send.
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
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
