import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponses } from '../../http/errors.ts';

const HealthOutput = z.object({ status: z.literal('ok') }).meta({ id: 'HealthOutput' });
const ReadyOutput = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }).meta({ id: 'ReadyOutput' });

/** Liveness and readiness probes for load balancers and orchestrators. */
export async function platformRoutes(parent: FastifyInstance): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/healthz',
    {
      schema: { tags: ['Platform'], summary: 'Liveness: the process answers', response: { 200: HealthOutput } },
      config: { rateLimit: false, policy: 'public', identifyCaller: false },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Platform'],
        summary: 'Readiness: the database answers',
        response: { 200: ReadyOutput, ...errorResponses('ServiceUnavailableException') },
      },
      config: { rateLimit: false, policy: 'public', identifyCaller: false },
    },
    async (request) => {
      try {
        await app.database.ping();
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        throw new ApiError('ServiceUnavailableException', 'The database is not reachable');
      }
      return { status: 'ready' as const, database: app.database.kind };
    },
  );
}
