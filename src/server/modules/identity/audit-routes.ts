import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import {
  ListAuditLogOutput,
  ListAuditLogQuery,
  ListProfileViewsOutput,
  ListProfileViewsQuery,
  listAuditLog,
  listProfileViews,
} from './audit-log.ts';
import { actorOf } from '../../http/auth.ts';

/** The audit log for admins, and for VIP clients the record of who looked at their profile. */
export async function auditRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/admin/audit-log',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Browse the audit log, newest first (admin)',
        querystring: ListAuditLogQuery,
        response: { 200: ListAuditLogOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'audit.read' },
    },
    async (request) => listAuditLog(ctx, request.query),
  );

  app.get(
    '/me/profile-views',
    {
      schema: {
        tags: ['VIP'],
        summary: 'Which administrators opened your profile, and when (VIP clients)',
        querystring: ListProfileViewsQuery,
        response: {
          200: ListProfileViewsOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'audit.readOwnViews' },
    },
    async (request) => listProfileViews(ctx, actorOf(request), request.query),
  );
}
