import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/errors.ts';
import { actorOf } from '../http/auth.ts';
import { JobIdParams, JobView, ListJobsOutput, ListJobsQuery, discardJob, listJobs, retryJob } from './admin.ts';

const tags = ['Admin'];
const bearer = [{ bearerAuth: [] }];

/** Dead letters of the durable queue for the house office: list, retry, discard (admin, audited). */
export async function jobAdminRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;
  const meta = (request: { ip: string; headers: Record<string, unknown> }) => ({
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
  });

  app.get(
    '/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs that failed: dead ones, or those waiting for a retry (admin)',
        security: bearer,
        querystring: ListJobsQuery,
        response: { 200: ListJobsOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'jobs.manage' },
    },
    async (request) => listJobs(ctx.db, request.query),
  );

  app.post(
    '/admin/jobs/:jobId/retry',
    {
      schema: {
        tags,
        summary: 'Run a dead or retrying job again now, with fresh attempts (admin, audited)',
        security: bearer,
        params: JobIdParams,
        response: {
          200: z.object({ job: JobView }),
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'jobs.manage' },
    },
    async (request) => ({ job: await retryJob(ctx.db, actorOf(request).userId, request.params.jobId, meta(request)) }),
  );

  app.delete(
    '/admin/jobs/:jobId',
    {
      schema: {
        tags,
        summary: 'Discard a dead or retrying job: its work will not be done (admin, audited)',
        security: bearer,
        params: JobIdParams,
        response: {
          200: z.object({ jobId: z.string() }),
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'jobs.manage' },
    },
    async (request) => {
      await discardJob(ctx.db, actorOf(request).userId, request.params.jobId, meta(request));
      return { jobId: request.params.jobId };
    },
  );
}
