import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { listDevMail } from './service.ts';

const DevMail = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DevMail' });

/** The dev mailbox: where mail goes when no SMTP server is configured. */
export async function mailRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/admin/dev-mailbox',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Mail sent while no SMTP server is configured (admin)',
        querystring: z.strictObject({ maxResults: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({ messages: z.array(DevMail), smtpConfigured: z.boolean() }),
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'mail.readDevMailbox' },
    },
    async (request) => ({
      messages: await listDevMail(opts.ctx.db, opts.ctx.keys, request.query.maxResults),
      smtpConfigured: Boolean(opts.ctx.config.SMTP_URL),
    }),
  );
}
